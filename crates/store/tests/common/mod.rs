//! Shared test fixtures: a store in a temp dir and small rooms.
#![allow(dead_code)]

use roomdesk_model::{format_timestamp, Room};
use roomdesk_store::Store;
use tempfile::TempDir;

pub fn temp_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, store)
}

pub const T0: i64 = 1_767_225_600_000; // 2026-01-01T00:00:00Z

pub fn room(id: &str, title: &str) -> Room {
    Room {
        id: id.into(),
        title: title.into(),
        created_at: format_timestamp(T0),
        updated_at: format_timestamp(T0 + 1000),
        total_engagements: Some(3),
        cover_title: Some(format!("Welcome to {title}")),
        theme_color: Some("#112233".into()),
        ..Default::default()
    }
}

pub fn ids(rooms: &[roomdesk_store::LocalRoom]) -> Vec<String> {
    rooms.iter().map(|r| r.room.id.clone()).collect()
}
