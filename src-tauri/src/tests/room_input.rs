//! `validate_room_input` and `discard_local_changes` over the IPC path, as the editor and
//! the outbox call them.

use super::harness::Harness;
use serde_json::json;

#[test]
fn validates_a_patch_and_a_new_room_in_the_cores_words() {
    let h = Harness::new();
    let problems = h.ok(
        "validate_room_input",
        json!({"input": {"kind": "patch", "value": {"title": "Acme\u{0}", "themeColor": "red"}}}),
    );
    let problems = problems.as_array().unwrap();
    let fields: Vec<&str> = problems
        .iter()
        .map(|p| p["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields.len(), 2, "{problems:?}");
    assert!(fields.contains(&"title") && fields.contains(&"themeColor"));
    let title = problems.iter().find(|p| p["field"] == "title").unwrap();
    assert_eq!(title["message"], "contains a NUL character");

    // The same words the write itself answers with.
    let refused = h.err(
        "update_room",
        json!({"source": "local", "id": "rm_x", "patch": {"themeColor": "red"}}),
    );
    let theme = problems
        .iter()
        .find(|p| p["field"] == "themeColor")
        .unwrap();
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains(theme["message"].as_str().unwrap()),
        "{refused} vs {theme}"
    );

    let fine = h.ok(
        "validate_room_input",
        json!({"input": {"kind": "newRoom", "value": {"title": "Acme – Onboarding", "email": "buyer@acme.com"}}}),
    );
    assert_eq!(fine, json!([]));
    let both = h.ok(
        "validate_room_input",
        json!({"input": {"kind": "newRoom", "value": {"templateId": "tpl_1", "duplicateFromId": "rm_1"}}}),
    );
    assert_eq!(both[0]["field"], "templateId", "{both}");

    // A create-only field is not part of a patch: the IPC layer refuses the shape.
    let wrong = h
        .invoke(
            "validate_room_input",
            json!({"input": {"kind": "patch", "value": {"email": "a@b.co"}}}),
        )
        .unwrap_err();
    assert!(wrong.to_string().contains("email"), "{wrong}");
}

#[test]
fn discards_a_draft_then_a_rooms_pending_edit() {
    let h = Harness::new();
    let draft = h.ok(
        "create_room",
        json!({"source": "local", "body": {"title": "Offline idea"}}),
    );
    let draft_id = draft["room"]["id"].as_str().unwrap().to_string();
    let change = h.ok("discard_local_changes", json!({"id": draft_id}));
    assert_eq!(change, json!({"kind": "draftDiscarded"}));

    let page = h.ok(
        "list_rooms",
        json!({"source": "remote", "query": {"limit": 1}}),
    );
    let id = page["rooms"][0]["room"]["id"].as_str().unwrap().to_string();
    let title = page["rooms"][0]["room"]["title"].clone();
    let edited = h.ok(
        "update_room",
        json!({"source": "local", "id": id, "patch": {"title": "Not sent yet"}}),
    );
    assert_eq!(edited["state"], "pending");
    let change = h.ok("discard_local_changes", json!({"id": id}));
    assert_eq!(change["kind"], "editsDiscarded", "{change}");
    assert_eq!(change["value"]["state"], "synced");
    assert_eq!(change["value"]["room"]["title"], title);
    assert_eq!(h.ok("outbox", json!({})), json!([]));

    let unknown = h.err("discard_local_changes", json!({"id": "rm_nowhere"}));
    assert_eq!(unknown["code"], "not_found");
}
