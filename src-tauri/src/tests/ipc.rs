//! The command layer over Tauri's IPC path (MockRuntime): real service, real SQLite in a
//! temp dir, the real Sandbox emulator on loopback, the in-memory secret store.

use super::harness::{flowla_server, Harness};
use crate::secrets::MemoryStore;
use serde_json::json;
use std::sync::Arc;

#[test]
fn lists_sandbox_rooms_then_the_synced_local_copy() {
    let h = Harness::new();
    let page = h.ok(
        "list_rooms",
        json!({"source": "remote", "query": {"limit": 5, "sortBy": "updatedAt"}}),
    );
    let rooms = page["rooms"].as_array().unwrap();
    assert_eq!(rooms.len(), 5);
    assert!(rooms[0]["room"]["id"].as_str().is_some());
    assert_eq!(rooms[0]["state"], "synced");

    // Sync through a channel argument, as the UI does, then read the local copy.
    let report = h.ok("sync", json!({"onProgress": "__CHANNEL__:7"}));
    assert_eq!(report["stopped"], serde_json::Value::Null, "{report}");
    let local = h.ok(
        "list_rooms",
        json!({"source": "local", "query": {"limit": 100}}),
    );
    assert_eq!(local["rooms"].as_array().unwrap().len(), 100);
    assert_eq!(local["total"], 500);
}

#[test]
fn errors_reach_the_ui_as_payloads() {
    let h = Harness::new();
    let bad_id = h.err("get_room", json!({"source": "remote", "id": ""}));
    assert_eq!(bad_id["code"], "validation");
    assert_eq!(bad_id["field"], "id");
    assert_eq!(bad_id["retryable"], false);
    assert!(bad_id["message"].as_str().unwrap().contains("id"));

    let missing = h.err(
        "get_room",
        json!({"source": "remote", "id": "rm_does_not_exist"}),
    );
    assert_eq!(missing["code"], "not_found", "{missing}");

    let bad_patch = h.err(
        "update_room",
        json!({"source": "local", "id": "rm_x", "patch": {"themeColor": "blue"}}),
    );
    assert_eq!(bad_patch["code"], "validation", "{bad_patch}");
    assert_eq!(bad_patch["field"], "themeColor");

    // Arguments that do not even deserialise are refused by the IPC layer itself.
    let bad_source = h
        .invoke("list_rooms", json!({"source": "elsewhere"}))
        .unwrap_err();
    assert!(bad_source.to_string().contains("source"), "{bad_source}");
}

#[test]
fn edits_a_sandbox_room_and_keeps_it_across_a_restart() {
    let h = Harness::new();
    let page = h.ok(
        "list_rooms",
        json!({"source": "remote", "query": {"limit": 1}}),
    );
    let id = page["rooms"][0]["room"]["id"].as_str().unwrap().to_string();
    let view = h.ok(
        "update_room",
        json!({"source": "remote", "id": id, "patch": {"title": "Renamed in a test"}}),
    );
    assert_eq!(view["room"]["title"], "Renamed in a test");
    let dir = h.dir;
    drop(h.window);
    drop(h.app);
    let again = Harness::open(dir, Arc::new(MemoryStore::default()));
    let view = again.ok("get_room", json!({"source": "remote", "id": id}));
    assert_eq!(view["room"]["title"], "Renamed in a test");
    assert!(again.dir.path().join("sandbox.db").exists());
}

#[test]
fn a_local_draft_waits_in_the_outbox_until_discarded() {
    let h = Harness::new();
    let draft = h.ok(
        "create_room",
        json!({"source": "local", "body": {"title": "Offline idea"}}),
    );
    assert_eq!(draft["state"], "draft");
    let id = draft["room"]["id"].as_str().unwrap().to_string();
    let outbox = h.ok("outbox", json!({}));
    assert_eq!(outbox.as_array().unwrap().len(), 1, "{outbox}");
    let local = h.ok(
        "list_rooms",
        json!({"source": "local", "search": "Offline"}),
    );
    assert_eq!(local["rooms"][0]["room"]["id"], id.as_str());

    h.ok("discard_draft", json!({"id": id}));
    assert_eq!(h.ok("outbox", json!({})).as_array().unwrap().len(), 0);
    let gone = h.err("get_room", json!({"source": "local", "id": id}));
    assert_eq!(gone["code"], "not_found");
}

#[test]
fn flowla_connection_needs_a_url_and_a_working_key() {
    let server = flowla_server("flowla-test-key-9a8b", 3);
    let h = Harness::new();
    let info = h.ok("get_connection", json!({}));
    assert_eq!(info["kind"], "sandbox");
    assert_eq!(info["keyConfigured"], false);
    assert_eq!(info["remoteReady"], true);

    let no_url = h.err("set_connection", json!({"kind": "flowla"}));
    assert_eq!(no_url["field"], "baseUrl");
    let plain_http = h.err(
        "set_connection",
        json!({"kind": "flowla", "baseUrl": "http://flowla.example"}),
    );
    assert_eq!(plain_http["code"], "validation");

    let info = h.ok(
        "set_connection",
        json!({"kind": "flowla", "baseUrl": server.base_url()}),
    );
    assert_eq!(info["kind"], "flowla");
    assert_eq!(info["baseUrl"], server.base_url());
    assert_eq!(info["remoteReady"], false);
    let test = h.ok("test_connection", json!({}));
    assert_eq!(test["ok"], false);
    assert_eq!(test["code"], "not_configured");
    let not_configured = h.err("list_rooms", json!({"source": "remote"}));
    assert_eq!(not_configured["code"], "not_configured");

    h.ok("set_api_key", json!({"key": "wrong-key-0000"}));
    let test = h.ok("test_connection", json!({}));
    assert_eq!(test["ok"], false);
    assert_eq!(test["code"], "unauthorized", "{test}");

    let info = h.ok("set_api_key", json!({"key": "flowla-test-key-9a8b"}));
    assert_eq!(info["keyConfigured"], true);
    assert_eq!(info["keyHint"], "9a8b");
    assert_eq!(info["remoteReady"], true);
    let test = h.ok("test_connection", json!({}));
    assert_eq!(test["ok"], true, "{test}");
    let page = h.ok("list_rooms", json!({"source": "remote"}));
    assert_eq!(
        page["rooms"].as_array().unwrap().len(),
        3,
        "the Flowla server's rooms, not the Sandbox's"
    );

    let info = h.ok("remove_api_key", json!({}));
    assert_eq!(info["keyConfigured"], false);
    assert_eq!(info["keyHint"], serde_json::Value::Null);
    assert_eq!(
        h.err("list_rooms", json!({"source": "remote"}))["code"],
        "not_configured"
    );

    // Back to the Sandbox: its workspace and rooms are still there; the Flowla URL is kept.
    let info = h.ok("set_connection", json!({"kind": "sandbox"}));
    assert_eq!(info["flowlaBaseUrl"], server.base_url());
    let page = h.ok(
        "list_rooms",
        json!({"source": "remote", "query": {"limit": 20}}),
    );
    assert_eq!(page["rooms"].as_array().unwrap().len(), 20);
}

#[test]
fn the_connection_choice_survives_a_restart() {
    let server = flowla_server("restart-key-1234", 1);
    let secrets = Arc::new(MemoryStore::default());
    let h = Harness::with_secrets(secrets.clone());
    h.ok(
        "set_connection",
        json!({"kind": "flowla", "baseUrl": server.base_url()}),
    );
    h.ok("set_api_key", json!({"key": "restart-key-1234"}));
    let dir = h.dir;
    drop(h.window);
    drop(h.app);
    let again = Harness::open(dir, secrets);
    let info = again.ok("get_connection", json!({}));
    assert_eq!(info["kind"], "flowla");
    assert_eq!(info["keyHint"], "1234");
    assert_eq!(info["remoteReady"], true);
    assert_eq!(
        again.ok("list_rooms", json!({"source": "remote"}))["rooms"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn without_a_keyring_the_sandbox_keeps_working() {
    let h = Harness::with_secrets(Arc::new(MemoryStore::unavailable("no D-Bus session bus")));
    let info = h.ok(
        "set_connection",
        json!({"kind": "flowla", "baseUrl": "https://api.flowla.example"}),
    );
    assert!(info["keyringError"]
        .as_str()
        .unwrap()
        .starts_with("No keyring (Secret Service) is available on this desktop"));
    assert_eq!(info["remoteReady"], false);
    let refused = h.err("set_api_key", json!({"key": "abc-123"}));
    assert_eq!(refused["code"], "keyring_unavailable");
    assert!(refused["message"].as_str().unwrap().contains("Sandbox"));

    h.ok("set_connection", json!({"kind": "sandbox"}));
    let page = h.ok(
        "list_rooms",
        json!({"source": "remote", "query": {"limit": 3}}),
    );
    assert_eq!(page["rooms"].as_array().unwrap().len(), 3);
}

#[test]
fn app_info_names_the_data_dir_and_sandbox() {
    let h = Harness::new();
    let info = h.ok("get_app_info", json!({}));
    assert_eq!(info["dataDir"], h.dir.path().display().to_string());
    assert!(info["sandboxUrl"]
        .as_str()
        .unwrap()
        .starts_with("http://127.0.0.1:"));
    assert_eq!(info["keyStore"], "memory");
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
}

/// The one declaration (`commands/declared.rs`) reaches every place: the capability
/// `build.rs` writes grants exactly the declared commands (a stale committed file fails
/// here), the handler registers each, and the TypeScript contract types each.
#[test]
fn every_command_is_declared_granted_registered_and_typed() {
    let declared: Vec<&str> = crate::commands::NAMES.to_vec();
    assert!(declared.len() >= 17, "{declared:?}");
    assert_eq!(crate::bindings::command_names(), declared);
    let ts = crate::bindings::render();
    for name in &declared {
        assert!(
            ts.contains(&format!("  {name}: {{ args: ")),
            "{name} is not typed"
        );
    }

    let capability: serde_json::Value =
        serde_json::from_str(include_str!("../../capabilities/main.json")).unwrap();
    assert_eq!(capability["windows"], json!(["main"]));
    let granted: Vec<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| p.starts_with("allow-"))
        .map(|p| p.trim_start_matches("allow-").replace('-', "_"))
        .collect();
    assert_eq!(
        granted, declared,
        "the capability grants exactly the declared commands"
    );
    for p in capability["permissions"].as_array().unwrap() {
        let p = p.as_str().unwrap();
        assert!(
            !p.starts_with("fs:") && !p.starts_with("http:") && !p.starts_with("shell:"),
            "{p}"
        );
    }

    let h = Harness::new();
    for name in &declared {
        if let Err(e) = h.invoke(name, json!({})) {
            assert!(
                !e.to_string().contains("not found") && !e.to_string().contains("not allowed"),
                "{name} is not registered: {e}"
            );
        }
    }
}

/// Only the main window is granted our commands: another window is refused by the ACL.
#[test]
fn other_windows_cannot_call_our_commands() {
    let h = Harness::new();
    let other = tauri::WebviewWindowBuilder::new(&h.app, "popup", Default::default())
        .build()
        .unwrap();
    let refused = super::harness::invoke_on(&other, "get_connection", json!({})).unwrap_err();
    assert!(refused.to_string().contains("not allowed"), "{refused}");
    assert!(h.invoke("get_connection", json!({})).is_ok());
}

#[test]
fn org_and_company_colors_are_kept_normalised_and_bad_ones_refused() {
    let h = Harness::new();
    assert_eq!(h.ok("get_org_color", json!({})), serde_json::Value::Null);
    assert_eq!(h.ok("set_org_color", json!({"color": "#0a0"})), "#00AA00");
    assert_eq!(h.ok("get_org_color", json!({})), "#00AA00");
    let bad = h.err("set_org_color", json!({"color": "#12345"}));
    assert_eq!(bad["code"], "validation", "{bad}");
    assert_eq!(bad["field"], "orgColor");
    assert!(bad["message"].as_str().unwrap().contains("hex"), "{bad}");
    assert_eq!(h.ok("get_org_color", json!({})), "#00AA00");

    assert_eq!(
        h.ok(
            "set_company_color",
            json!({"companyId": "co_1", "color": "#abcdef"})
        ),
        "#ABCDEF"
    );
    assert_eq!(
        h.ok("get_company_color", json!({"companyId": "co_1"})),
        "#ABCDEF"
    );
    assert_eq!(
        h.ok(
            "set_company_color",
            json!({"companyId": "co_1", "color": null})
        ),
        serde_json::Value::Null
    );
    assert_eq!(
        h.ok("get_company_color", json!({"companyId": "co_1"})),
        serde_json::Value::Null
    );
}
