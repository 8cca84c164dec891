//! Each connection opens its own workspace (the core's layout, bound to its server), and
//! the app's older layout is moved in: over the IPC path, as the UI sees it.

use super::harness::{flowla_server, Harness};
use crate::secrets::MemoryStore;
use serde_json::json;
use std::sync::Arc;

#[test]
fn each_connection_opens_its_own_workspace() {
    let server = flowla_server("workspace-key-5555", 0);
    let h = Harness::new();
    h.ok(
        "create_room",
        json!({"source": "local", "body": {"title": "Sandbox idea"}}),
    );
    h.ok(
        "set_connection",
        json!({"kind": "flowla", "baseUrl": server.base_url()}),
    );
    h.ok("set_api_key", json!({"key": "workspace-key-5555"}));
    let outbox = h.ok("outbox", json!({}));
    assert_eq!(
        outbox,
        json!([]),
        "the Sandbox's draft stays in its workspace"
    );
    h.ok(
        "create_room",
        json!({"source": "local", "body": {"title": "Flowla idea"}}),
    );
    let report = h.ok("sync", json!({"onProgress": "__CHANNEL__:7"}));
    assert_eq!(report["stopped"], serde_json::Value::Null, "{report}");
    let titles: Vec<String> = server.rooms().into_iter().map(|r| r.title).collect();
    assert_eq!(
        titles,
        ["Flowla idea"],
        "only this connection's draft was sent"
    );

    let workspaces = h.dir.path().join("workspaces");
    assert!(workspaces.join("sandbox").join("roomdesk.db").is_file());
    let named: Vec<String> = std::fs::read_dir(&workspaces)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(named.len(), 2, "{named:?}");

    h.ok("set_connection", json!({"kind": "sandbox"}));
    let outbox = h.ok("outbox", json!({}));
    assert_eq!(outbox.as_array().unwrap().len(), 1, "{outbox}");
    let local = h.ok("list_rooms", json!({"source": "local", "search": "idea"}));
    assert_eq!(
        local["rooms"][0]["room"]["title"], "Sandbox idea",
        "{local}"
    );
    assert_eq!(local["rooms"].as_array().unwrap().len(), 1, "{local}");
}

#[test]
fn the_apps_older_sandbox_database_is_moved_into_its_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let older = roomdesk_core::RoomsService::open(roomdesk_core::ServiceOptions {
        data_dir: dir.path().to_path_buf(),
        remote: None,
        server: None,
    })
    .unwrap();
    let body = roomdesk_model::NewRoom {
        title: Some("Kept from before".into()),
        ..Default::default()
    };
    tauri::async_runtime::block_on(older.create(roomdesk_core::Source::Local, body)).unwrap();
    drop(older);

    let h = Harness::open(dir, Arc::new(MemoryStore::default()));
    let outbox = h.ok("outbox", json!({}));
    assert_eq!(outbox.as_array().unwrap().len(), 1, "{outbox}");
    assert!(!h.dir.path().join("roomdesk.db").exists());
}
