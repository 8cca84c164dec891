//! The command layer end to end on `tauri::test::MockRuntime`. These live inside the
//! library (not in `tests/`) on purpose: integration tests make `cargo test` rebuild
//! `target/debug/roomdesk-app` as a dev binary (no embedded UI), clobbering the
//! `tauri/custom-protocol` build the end-to-end suite drives.

mod cache_reset;
mod config;
mod harness;
mod ipc;
mod no_key_leak;
mod palettes;
mod room_input;
mod workspaces;
