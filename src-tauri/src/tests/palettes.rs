//! Palettes and bulk re-brand through the IPC path: the UI's camelCase arguments, the
//! core's errors as payloads, progress through a channel, the Sandbox really changed.

use super::harness::Harness;
use serde_json::{json, Value};

#[test]
fn palettes_are_created_renamed_and_deleted_with_clear_errors() {
    let h = Harness::new();
    let start = h.ok("palettes", json!({}));
    assert_eq!(start[0]["name"], "Ocean", "{start}");
    let made = h.ok(
        "create_palette",
        json!({"palette": {"name": " Acme ", "themeColor": "#0af", "navColor": "target-company-color",
                           "coverTitle": null, "coverDescription": null, "coverDisabled": true}}),
    );
    assert_eq!(made["name"], "Acme");
    assert_eq!(made["themeColor"], "#00AAFF");
    let dup = h.err(
        "create_palette",
        json!({"palette": {"name": "acme", "themeColor": "#000", "navColor": "#fff"}}),
    );
    assert_eq!(dup["code"], "validation", "{dup}");
    assert_eq!(dup["field"], "paletteName");
    let bad = h.err(
        "create_palette",
        json!({"palette": {"name": "Bad", "themeColor": "teal", "navColor": "#fff"}}),
    );
    assert_eq!(bad["field"], "themeColor", "{bad}");
    let renamed = h.ok(
        "rename_palette",
        json!({"name": "Acme", "newName": "Acme Corp"}),
    );
    assert_eq!(renamed["name"], "Acme Corp");
    assert_eq!(
        h.ok("delete_palette", json!({"name": "Acme Corp"})),
        Value::Null
    );
    let gone = h.err("delete_palette", json!({"name": "Acme Corp"}));
    assert_eq!(gone["code"], "not_found");
    assert_eq!(h.ok("palettes", json!({})), start);
}

#[test]
fn a_bulk_edit_is_saved_pending_then_applied_to_the_sandbox_with_progress() {
    let h = Harness::new();
    h.ok("sync", json!({"onProgress": "__CHANNEL__:1"}));
    let page = h.ok(
        "list_rooms",
        json!({"source": "local", "query": {"limit": 6}}),
    );
    let ids: Vec<Value> = page["rooms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["room"]["id"].clone())
        .collect();
    let (first, rest) = ids.split_at(3);
    let saved = h.ok(
        "save_pending_edits",
        json!({"roomIds": first, "patch": {"themeColor": "#123456"}}),
    );
    assert_eq!(saved["saved"], 3, "{saved}");
    assert_eq!(h.ok("outbox", json!({})).as_array().unwrap().len(), 3);
    let results = h.ok(
        "apply_now",
        json!({"roomIds": rest, "patch": {"navColor": "flow-org-color"},
               "onProgress": "__CHANNEL__:2"}),
    );
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), 3);
    assert!(results.iter().all(|r| r["status"] == "sent"), "{results:?}");
    for id in rest {
        let remote = h.ok("get_room", json!({"source": "remote", "id": id}));
        assert_eq!(remote["room"]["navColor"], "flow-org-color");
    }
    // The pending ones are sent on request too.
    let sent = h.ok(
        "send_pending_edits",
        json!({"roomIds": first, "onProgress": "__CHANNEL__:3"}),
    );
    assert!(
        sent.as_array()
            .unwrap()
            .iter()
            .all(|r| r["status"] == "sent"),
        "{sent}"
    );
    let remote = h.ok("get_room", json!({"source": "remote", "id": first[0]}));
    assert_eq!(remote["room"]["themeColor"], "#123456");
    let bad = h.err(
        "save_pending_edits",
        json!({"roomIds": [], "patch": {"themeColor": "#123456"}}),
    );
    assert_eq!(bad["field"], "roomIds");
}
