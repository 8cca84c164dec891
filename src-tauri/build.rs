//! Declares our commands to Tauri's permission system: each gets `allow-<name>` /
//! `deny-<name>` permissions, and only what `capabilities/main.json` grants is callable.

/// Every `#[tauri::command]` the app registers (kept in step with `lib.rs` by a test).
const COMMANDS: &[&str] = &[
    "list_rooms",
    "get_room",
    "create_room",
    "update_room",
    "sync",
    "outbox",
    "conflicts",
    "resolve_conflict",
    "discard_draft",
    "statuses",
    "lookup",
    "get_connection",
    "set_connection",
    "set_api_key",
    "remove_api_key",
    "test_connection",
    "get_app_info",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        // A build script reports failure by panicking; say what went wrong.
        panic!("tauri-build failed: {e:#}");
    }
}
