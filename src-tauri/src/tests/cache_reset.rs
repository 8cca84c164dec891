//! `reset_local_cache` over the IPC path, as the settings page calls it.

use super::harness::Harness;
use serde_json::json;

fn local_total(h: &Harness) -> u64 {
    let page = h.ok(
        "list_rooms",
        json!({"source": "local", "query": {"limit": 100}}),
    );
    page["total"].as_u64().unwrap()
}

#[test]
fn resets_the_cache_keeping_unsynced_work_until_told_to_drop_it() {
    let h = Harness::new();
    let page = h.ok(
        "list_rooms",
        json!({"source": "remote", "query": {"limit": 5}}),
    );
    let id = page["rooms"][0]["room"]["id"].as_str().unwrap().to_string();
    h.ok(
        "update_room",
        json!({"source": "local", "id": id, "patch": {"title": "Not sent yet"}}),
    );
    h.ok(
        "create_room",
        json!({"source": "local", "body": {"title": "Offline idea"}}),
    );
    assert_eq!(local_total(&h), 6);

    let cleared = h.ok("reset_local_cache", json!({"dropUnsynced": false}));
    assert_eq!(
        cleared,
        json!({"roomsRemoved": 4, "changesDropped": 0, "conflictsDropped": 0, "roomsKept": 2})
    );
    assert_eq!(local_total(&h), 2);
    assert_eq!(h.ok("outbox", json!({})).as_array().unwrap().len(), 2);

    let cleared = h.ok("reset_local_cache", json!({"dropUnsynced": true}));
    assert_eq!(cleared["roomsRemoved"], 2);
    assert_eq!(cleared["changesDropped"], 2);
    assert_eq!(local_total(&h), 0);
    assert_eq!(h.ok("outbox", json!({})), json!([]));
}
