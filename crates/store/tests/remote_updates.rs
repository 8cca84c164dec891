//! An update the server already confirmed (`Store::record_remote_update`): cached,
//! write-only fields remembered, a pending edit of the room keeps only the fields the
//! update did not write.

#![allow(clippy::unwrap_used)] // fixtures outside #[test] fns panic on setup failure, as tests should

mod common;

use common::{room, temp_store};
use roomdesk_model::{NewRoom, RoomField, RoomPatch};
use roomdesk_store::{LocalState, OutboxOp, StoreError};

#[test]
fn a_confirmed_update_is_cached_and_its_write_only_fields_remembered() {
    let (_dir, store) = temp_store();
    store.upsert_rooms(&[room("rm_1", "Acme")]).unwrap();
    let sent = RoomPatch {
        title: Some("Acme renewal".into()),
        description: Some("written here".into()),
        ..Default::default()
    };
    let mut answer = room("rm_1", "Acme renewal");
    answer.updated_at = "2026-02-01T00:00:00.000Z".into();
    let view = store.record_remote_update(&sent, &answer).unwrap();
    assert_eq!(view.state, LocalState::Synced);
    assert_eq!(view.room.title, "Acme renewal");
    assert_eq!(view.room.description.as_deref(), Some("written here"));
    assert!(store.outbox().unwrap().is_empty(), "no outbox round trip");
    // A later pull of the same room (without the write-only field) keeps it.
    store.replace_all_rooms(&[answer]).unwrap();
    let cached = store.get_room("rm_1").unwrap();
    assert_eq!(cached.room.description.as_deref(), Some("written here"));
}

#[test]
fn a_pending_edit_keeps_only_the_fields_the_update_did_not_write() {
    let (_dir, store) = temp_store();
    store.upsert_rooms(&[room("rm_1", "Acme")]).unwrap();
    store
        .record_patch(
            "rm_1",
            &RoomPatch {
                title: Some("offline title".into()),
                cover_title: Some("offline cover".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let sent = RoomPatch {
        cover_title: Some("remote cover".into()),
        ..Default::default()
    };
    let mut answer = room("rm_1", "Acme");
    answer.cover_title = Some("remote cover".into());
    let view = store.record_remote_update(&sent, &answer).unwrap();
    assert_eq!(view.state, LocalState::Pending);
    assert_eq!(view.pending_fields, [RoomField::Title]);
    assert_eq!(view.room.title, "offline title");
    assert_eq!(view.room.cover_title.as_deref(), Some("remote cover"));
    let outbox = store.outbox().unwrap();
    assert_eq!(outbox.len(), 1);
    let OutboxOp::Patch(pending) = &outbox[0].op else {
        panic!("not an edit")
    };
    assert_eq!(pending.fields(), [RoomField::Title]);
    assert_eq!(
        outbox[0].base.as_ref().unwrap().cover_title.as_deref(),
        Some("remote cover"),
        "the edit now stands against the server's answer"
    );
}

#[test]
fn a_draft_is_not_a_room_on_the_server() {
    let (_dir, store) = temp_store();
    let (draft, seq) = store
        .create_draft_entry(&NewRoom {
            title: Some("Draft".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(store.outbox().unwrap()[0].seq, seq);
    let answer = room(&draft.room.id, "Draft");
    let err = store
        .record_remote_update(&RoomPatch::default(), &answer)
        .unwrap_err();
    assert!(matches!(err, StoreError::InvalidState(_)), "{err}");
    assert_eq!(store.outbox().unwrap().len(), 1, "the draft's create stays");
}
