//! Sync safety through the `roomdesk` binary against a real emulator: no edit lost, no
//! room adopted by mistake, no change pushed twice, no write-only field purged, no draft sent to another server. Each test
//! drives the CLI as a user would (drafts, edits, syncs) and checks the server's rooms.

// Test code: a failed step is a failed test (helpers too, not only #[test] bodies).
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "sync_safety/edits_during_sync.rs"]
mod edits_during_sync;
#[path = "sync_safety/fixture.rs"]
mod fixture;
#[path = "sync_safety/skipped_listing.rs"]
mod skipped_listing;
#[path = "sync_safety/twins.rs"]
mod twins;
#[path = "sync_safety/two_servers.rs"]
mod two_servers;
#[path = "sync_safety/two_writers.rs"]
mod two_writers;
