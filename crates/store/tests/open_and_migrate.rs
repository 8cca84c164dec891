//! Opening, migrating, refusing files it must not touch, and keeping data across reopen.

#![allow(clippy::unwrap_used)] // fixtures outside #[test] fns panic on setup failure, as tests should

mod common;

use common::{room, temp_store};
use roomdesk_model::{HexColor, NewRoom, RoomPatch};
use roomdesk_store::{migration_version, open_connection, Store, StoreError, SCHEMA_VERSION};

#[test]
fn an_empty_database_is_migrated_to_head_with_every_table() {
    let (dir, store) = temp_store();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(dir.path().join("roomdesk.db").exists());
    let conn = open_connection(store.path()).unwrap();
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') ORDER BY name")
        .unwrap();
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for t in [
        "rooms",
        "room_written",
        "outbox",
        "conflicts",
        "sync_state",
        "rooms_sort_keys_by_id",
        "app_settings",
        "company_colors",
        "brand_palettes",
    ] {
        assert!(names.iter().any(|n| n == t), "missing {t} in {names:?}");
    }
    assert!(
        !names.iter().any(|n| n.starts_with("rooms_created")),
        "migrations 2 and 3 replace the per-order indexes"
    );
    assert!(
        !names.iter().any(|n| n == "search_pause"),
        "migration 5 drops the trigger pause table"
    );
    assert!(
        !names.iter().any(|n| n.starts_with("room_search")),
        "migration 6 drops the FTS5 index (search is answered in memory)"
    );
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(triggers.is_empty(), "no triggers left: {triggers:?}");
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
}

#[test]
fn the_data_dir_is_created_when_missing() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a").join("b");
    let store = Store::open(&nested).unwrap();
    assert_eq!(store.path(), nested.join("roomdesk.db"));
    assert!(nested.join("roomdesk.db").exists());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roomdesk.db");
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 31 % 251) as u8).collect();
    std::fs::write(&path, &garbage).unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert_eq!(err.code(), "not_a_database");
    assert!(err.to_string().contains("roomdesk.db"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
}

#[test]
fn a_database_from_a_newer_roomdesk_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roomdesk.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    assert!(
        matches!(err, StoreError::SchemaTooNew { found: 99, .. }),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains("newer Roomdesk") && msg.contains("schema 99"),
        "{msg}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn reopening_keeps_rooms_drafts_outbox_and_sync_state() {
    let dir = tempfile::tempdir().unwrap();
    let draft_id;
    {
        let store = Store::open(dir.path()).unwrap();
        store
            .upsert_rooms(&[room("rm_1", "Acme"), room("rm_2", "Globex")])
            .unwrap();
        store
            .record_patch(
                "rm_1",
                &RoomPatch {
                    title: Some("Acme 2".into()),
                    ..Default::default()
                },
            )
            .unwrap();
        draft_id = store
            .create_draft(&NewRoom {
                title: Some("Draft".into()),
                ..Default::default()
            })
            .unwrap()
            .room
            .id;
        store.set_sync_state("lastPullAt", "123").unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.room_count().unwrap(), 3);
    assert_eq!(store.get_room("rm_1").unwrap().room.title, "Acme 2");
    assert_eq!(store.get_room(&draft_id).unwrap().room.title, "Draft");
    assert_eq!(store.outbox().unwrap().len(), 2);
    assert_eq!(
        store.sync_state("lastPullAt").unwrap().as_deref(),
        Some("123")
    );
}

#[test]
fn an_unknown_room_is_a_clear_not_found() {
    let (_dir, store) = temp_store();
    let err = store.get_room("rm_x").unwrap_err();
    assert_eq!(err.to_string(), "room rm_x not found");
    assert_eq!(err.code(), "not_found");
    let err = store
        .record_patch(
            "rm_x",
            &RoomPatch {
                title: Some("t".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::RoomNotFound(_)));
    assert!(store.outbox().unwrap().is_empty());
}

fn hex(text: &str) -> HexColor {
    HexColor::parse(text).unwrap()
}

#[test]
fn org_and_company_colors_survive_reopen_and_can_be_removed() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.org_color().unwrap(), None);
        assert_eq!(store.company_color("co_1").unwrap(), None);
        store.set_org_color(Some(&hex("#0a0"))).unwrap();
        store
            .set_company_color("co_1", Some(&hex("#123456")))
            .unwrap();
        store
            .set_company_color("co_2", Some(&hex("#ABCDEF")))
            .unwrap();
        // Setting again replaces.
        store
            .set_company_color("co_1", Some(&hex("#654321")))
            .unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.org_color().unwrap(), Some(hex("#00AA00")));
    assert_eq!(store.company_color("co_1").unwrap(), Some(hex("#654321")));
    assert_eq!(store.company_color("co_2").unwrap(), Some(hex("#ABCDEF")));
    store.set_org_color(None).unwrap();
    store.set_company_color("co_2", None).unwrap();
    assert_eq!(store.org_color().unwrap(), None);
    assert_eq!(store.company_color("co_2").unwrap(), None);
    assert_eq!(store.company_color("co_1").unwrap(), Some(hex("#654321")));
}

#[test]
fn a_database_at_the_previous_schema_gains_the_color_tables_keeping_its_rooms() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roomdesk.db");
    {
        // Schema 7 as the previous Roomdesk left it: rooms and sync state, no color tables
        // (nor any table of a later migration).
        let store = Store::open(dir.path()).unwrap();
        store.upsert_rooms(&[room("rm_1", "Acme")]).unwrap();
        store.set_sync_state("lastPullAt", "9").unwrap();
    }
    {
        let conn = open_connection(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE app_settings; DROP TABLE company_colors; DROP TABLE server_binding;
             DROP TABLE brand_palettes; PRAGMA user_version = 7;",
        )
        .unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.get_room("rm_1").unwrap().room.title, "Acme");
    assert_eq!(
        store.sync_state("lastPullAt").unwrap().as_deref(),
        Some("9")
    );
    assert_eq!(store.org_color().unwrap(), None);
    store.set_org_color(Some(&hex("#1A73E8"))).unwrap();
    store.set_company_color("co_1", Some(&hex("#000"))).unwrap();
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.org_color().unwrap(), Some(hex("#1A73E8")));
    assert_eq!(store.company_color("co_1").unwrap(), Some(hex("#000000")));
}

#[test]
fn a_database_before_palettes_gains_the_starting_palettes_keeping_its_colors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roomdesk.db");
    let before_palettes;
    {
        let store = Store::open(dir.path()).unwrap();
        store.upsert_rooms(&[room("rm_1", "Acme")]).unwrap();
        store.set_org_color(Some(&hex("#1A73E8"))).unwrap();
        let conn = open_connection(&path).unwrap();
        // The schema as the Roomdesk before palettes left it.
        before_palettes = migration_version("brand_palettes").unwrap() - 1;
        conn.execute_batch(&format!(
            "DROP TABLE brand_palettes; PRAGMA user_version = {before_palettes};"
        ))
        .unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.get_room("rm_1").unwrap().room.title, "Acme");
    assert_eq!(store.org_color().unwrap(), Some(hex("#1A73E8")));
    let names: Vec<String> = store
        .palettes()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Ocean", "Forest", "Sunrise", "Graphite"]);
    store.delete_palette("Ocean").unwrap();
    drop(store);
    // Reopening migrates nothing again: a deleted starting palette stays deleted.
    let store = Store::open(dir.path()).unwrap();
    assert!(store.palette("Ocean").unwrap().is_none());
}
