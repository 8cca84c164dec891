//! Drafts, edits and the outbox: coalescing, folding, completion, uncertainty, failures,
//! conflicts and atomicity.

#![allow(clippy::unwrap_used)] // fixtures outside #[test] fns panic on setup failure, as tests should

mod common;

use common::{room, temp_store};
use roomdesk_model::{NewRoom, Room, RoomField, RoomPatch};
use roomdesk_store::{
    open_connection, LocalState, NewConflict, OutboxKind, OutboxOp, OutboxState, Resolution,
    StoreError,
};
use serde_json::json;

fn title(t: &str) -> RoomPatch {
    RoomPatch {
        title: Some(t.into()),
        ..Default::default()
    }
}

#[test]
fn edits_to_one_room_coalesce_per_field_against_the_first_base() {
    let (_dir, store) = temp_store();
    store.upsert_rooms(&[room("rm_1", "Acme")]).unwrap();
    store.record_patch("rm_1", &title("A1")).unwrap();
    // The server moves on meanwhile: the pull keeps the local view.
    let mut newer = room("rm_1", "Acme (server)");
    newer.updated_at = "2026-02-01T00:00:00.000Z".into();
    assert_eq!(store.replace_all_rooms(&[newer]).unwrap().kept_local, 1);
    let view = store
        .record_patch(
            "rm_1",
            &RoomPatch {
                title: Some("A2".into()),
                theme_color: Some("#abc".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(view.state, LocalState::Pending);
    assert_eq!(view.room.title, "A2");
    assert_eq!(view.room.theme_color.as_deref(), Some("#AABBCC"));
    assert_eq!(
        view.pending_fields,
        [RoomField::Title, RoomField::ThemeColor]
    );
    let outbox = store.outbox().unwrap();
    assert_eq!(outbox.len(), 1);
    let OutboxOp::Patch(p) = &outbox[0].op else {
        panic!()
    };
    assert_eq!(p.title.as_deref(), Some("A2"));
    assert_eq!(p.theme_color.as_deref(), Some("#AABBCC"));
    assert_eq!(outbox[0].base.as_ref().unwrap().title, "Acme");
}

#[test]
fn invalid_edits_never_reach_the_outbox() {
    let (_dir, store) = temp_store();
    store.upsert_rooms(&[room("rm_1", "Acme")]).unwrap();
    let err = store
        .record_patch(
            "rm_1",
            &RoomPatch {
                theme_color: Some("red".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)));
    assert_eq!(err.field().as_deref(), Some("themeColor"));
    let err = store
        .create_draft(&NewRoom {
            email: Some("nope".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(err.field().as_deref(), Some("email"));
    assert!(store.outbox().unwrap().is_empty());
    assert_eq!(store.room_count().unwrap(), 1);
}

#[test]
fn edits_to_a_draft_fold_into_its_create_until_it_may_have_been_sent() {
    let (_dir, store) = temp_store();
    let draft = store
        .create_draft(&NewRoom {
            title: Some("D".into()),
            email: Some("buyer@acme.com".into()),
            ..Default::default()
        })
        .unwrap();
    let id = draft.room.id.clone();
    store.record_patch(&id, &title("D2")).unwrap();
    let outbox = store.outbox().unwrap();
    assert_eq!(outbox.len(), 1);
    let OutboxOp::Create(body) = &outbox[0].op else {
        panic!()
    };
    assert_eq!(body.title.as_deref(), Some("D2"));
    assert_eq!(body.email.as_deref(), Some("buyer@acme.com"));

    // Sent (maybe): the body is frozen, the next edit is a patch on the draft id.
    // What to send is read in the transaction that marks it sent: the folded body.
    let to_send = store.mark_uncertain(outbox[0].seq, 1234, &[]).unwrap();
    assert_eq!(to_send.title.as_deref(), Some("D2"));
    assert_eq!(to_send.email.as_deref(), Some("buyer@acme.com"));
    let view = store.record_patch(&id, &title("D3")).unwrap();
    assert_eq!(view.room.title, "D3");
    let outbox = store.outbox().unwrap();
    assert_eq!(outbox.len(), 2);
    assert_eq!(outbox[0].state, OutboxState::Uncertain);
    assert_eq!(outbox[0].sent_at_ms, Some(1234));
    let OutboxOp::Create(body) = &outbox[0].op else {
        panic!()
    };
    assert_eq!(body.title.as_deref(), Some("D2"));
    assert_eq!(
        (outbox[1].kind(), outbox[1].room_id.as_str()),
        (OutboxKind::Patch, id.as_str())
    );
    let err = store.discard_draft(&id).unwrap_err();
    assert!(err.to_string().contains("may already exist"), "{err}");

    // The server confirms: everything now points at the server id.
    let mut server = room("rm_new", "D2");
    server.description = None;
    let done = store.complete_create(outbox[0].seq, &server).unwrap();
    assert_eq!(done.room.id, "rm_new");
    assert_eq!(done.room.title, "D3", "the later edit stays on top");
    assert_eq!(
        done.room.email.as_deref(),
        Some("buyer@acme.com"),
        "write-only field kept"
    );
    assert_eq!(done.state, LocalState::Pending);
    assert!(store.find_room(&id).unwrap().is_none());
    let outbox = store.outbox().unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].room_id, "rm_new");
    assert_eq!(outbox[0].base.as_ref().unwrap().id, "rm_new");
    assert_eq!(store.room_count().unwrap(), 1);
}

#[test]
fn completing_a_create_repoints_drafts_that_duplicate_it() {
    let (_dir, store) = temp_store();
    let first = store.create_draft(&NewRoom::default()).unwrap().room.id;
    let second = store
        .create_draft(&NewRoom {
            duplicate_from_id: Some(first.clone()),
            ..Default::default()
        })
        .unwrap()
        .room
        .id;
    let seq = store.outbox().unwrap()[0].seq;
    store.complete_create(seq, &room("rm_9", "")).unwrap();
    let outbox = store.outbox().unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].room_id, second);
    let OutboxOp::Create(body) = &outbox[0].op else {
        panic!()
    };
    assert_eq!(body.duplicate_from_id.as_deref(), Some("rm_9"));
}

#[test]
fn a_never_sent_draft_can_be_discarded_but_a_server_room_cannot() {
    let (_dir, store) = temp_store();
    store.upsert_rooms(&[room("rm_1", "Acme")]).unwrap();
    let id = store.create_draft(&NewRoom::default()).unwrap().room.id;
    store.discard_draft(&id).unwrap();
    assert!(store.find_room(&id).unwrap().is_none());
    assert!(store.outbox().unwrap().is_empty());
    assert!(matches!(
        store.discard_draft("rm_1"),
        Err(StoreError::InvalidState(_))
    ));
}

#[test]
fn failures_are_recorded_and_nothing_leaves_the_outbox() {
    let (_dir, store) = temp_store();
    let id = store.create_draft(&NewRoom::default()).unwrap().room.id;
    let seq = store.outbox().unwrap()[0].seq;
    store.mark_uncertain(seq, 99, &[]).unwrap();
    store.record_failure(seq, "timed out", false).unwrap();
    let e = store.outbox_entry(seq).unwrap().unwrap();
    assert_eq!(
        (e.attempts, e.state, e.sent_at_ms),
        (1, OutboxState::Uncertain, Some(99))
    );
    assert_eq!(e.last_error.as_deref(), Some("timed out"));
    store
        .record_failure(seq, "connection refused", true)
        .unwrap();
    let e = store.outbox_entry(seq).unwrap().unwrap();
    assert_eq!(
        (e.attempts, e.state, e.sent_at_ms),
        (2, OutboxState::Pending, None)
    );
    assert_eq!(store.get_room(&id).unwrap().state, LocalState::Draft);
    assert!(matches!(
        store.record_failure(12345, "x", false),
        Err(StoreError::OutboxEntryNotFound(12345))
    ));
}

#[test]
fn completing_a_patch_keeps_edits_made_while_it_was_in_flight() {
    let (_dir, store) = temp_store();
    store.upsert_rooms(&[room("rm_1", "Acme")]).unwrap();
    store
        .record_patch(
            "rm_1",
            &RoomPatch {
                title: Some("T1".into()),
                description: Some("about".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let entry = store.outbox().unwrap().remove(0);
    let OutboxOp::Patch(sent) = entry.op.clone() else {
        panic!()
    };
    // In flight: the user edits the title again and the cover title.
    store
        .record_patch(
            "rm_1",
            &RoomPatch {
                title: Some("T2".into()),
                cover_title: Some("C".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let mut server = room("rm_1", "T1");
    server.updated_at = "2026-03-01T00:00:00.000Z".into();
    let view = store.complete_patch(entry.seq, &sent, &server).unwrap();
    assert_eq!(view.room.title, "T2");
    assert_eq!(view.room.description.as_deref(), Some("about"));
    assert_eq!(
        view.pending_fields,
        [RoomField::Title, RoomField::CoverTitle]
    );
    let left = store.outbox().unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].base.as_ref().unwrap().title, "T1");

    // Once everything is confirmed, the room is synced and keeps the written description.
    let OutboxOp::Patch(rest) = left[0].op.clone() else {
        panic!()
    };
    let mut server = room("rm_1", "T2");
    server.cover_title = Some("C".into());
    let view = store.complete_patch(left[0].seq, &rest, &server).unwrap();
    assert_eq!(view.state, LocalState::Synced);
    assert!(store.outbox().unwrap().is_empty());
    // A later pull (no description from the server) still shows what we wrote.
    store.replace_all_rooms(&[server]).unwrap();
    let view = store.get_room("rm_1").unwrap();
    assert_eq!(view.room.description.as_deref(), Some("about"));
    assert_eq!(view.room.title, "T2");
}

fn conflicted() -> (tempfile::TempDir, roomdesk_store::Store, Room) {
    let (dir, store) = temp_store();
    store.upsert_rooms(&[room("rm_1", "Acme")]).unwrap();
    store
        .record_patch(
            "rm_1",
            &RoomPatch {
                title: Some("Mine".into()),
                cover_title: Some("My cover".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let mut theirs = room("rm_1", "Theirs");
    theirs.nav_color = Some("flow-org-color".into());
    store
        .put_conflicts(
            "rm_1",
            &theirs,
            &[NewConflict {
                field: RoomField::Title,
                mine: json!("Mine"),
                theirs: json!("Theirs"),
                base: json!("Acme"),
            }],
        )
        .unwrap();
    (dir, store, theirs)
}

#[test]
fn discarding_edits_returns_the_room_to_the_server_version_with_no_conflict_left() {
    let (_dir, store, theirs) = conflicted();
    let draft = store.create_draft(&NewRoom::default()).unwrap().room.id;
    let room = store.discard_edits("rm_1").unwrap();
    assert_eq!(room.state, LocalState::Synced);
    assert_eq!(room.room, theirs, "the view is the server's last version");
    assert!(store.conflicts().unwrap().is_empty());
    let outbox = store.outbox().unwrap();
    assert_eq!(outbox.len(), 1, "the unrelated draft stays");
    assert_eq!(outbox[0].room_id, draft);
    // The search index follows the view.
    let q = roomdesk_model::ListQuery::default();
    assert_eq!(store.list_rooms(&q, Some("mine")).unwrap().1, 0);
    assert_eq!(store.list_rooms(&q, Some("theirs")).unwrap().1, 1);
    // Nothing left to discard, drafts and unknown rooms: clear errors, nothing changed.
    assert!(matches!(
        store.discard_edits("rm_1"),
        Err(StoreError::InvalidState(_))
    ));
    assert!(matches!(
        store.discard_edits(&draft),
        Err(StoreError::InvalidState(_))
    ));
    assert!(matches!(
        store.discard_edits("rm_nope"),
        Err(StoreError::RoomNotFound(_))
    ));
    assert_eq!(store.outbox().unwrap().len(), 1);
}

#[test]
fn conflicts_are_listed_and_the_view_merges_the_server_changes() {
    let (_dir, store, _) = conflicted();
    let c = store.conflicts().unwrap();
    assert_eq!(c.len(), 1);
    assert_eq!(
        (c[0].room_id.as_str(), c[0].field),
        ("rm_1", RoomField::Title)
    );
    assert_eq!(c[0].theirs, json!("Theirs"));
    let view = store.get_room("rm_1").unwrap();
    assert_eq!(view.state, LocalState::Conflict);
    assert_eq!(view.room.title, "Mine");
    assert_eq!(view.room.nav_color.as_deref(), Some("flow-org-color"));
    let err = store
        .resolve_conflict("rm_1", RoomField::NavColor, Resolution::KeepMine)
        .unwrap_err();
    assert!(matches!(err, StoreError::ConflictNotFound { .. }));
}

#[test]
fn keep_mine_leaves_the_field_pending_against_their_value() {
    let (_dir, store, _) = conflicted();
    let view = store
        .resolve_conflict("rm_1", RoomField::Title, Resolution::KeepMine)
        .unwrap();
    assert_eq!(view.state, LocalState::Pending);
    assert_eq!(view.room.title, "Mine");
    let entry = store.outbox().unwrap().remove(0);
    let OutboxOp::Patch(p) = &entry.op else {
        panic!()
    };
    assert_eq!(p.title.as_deref(), Some("Mine"));
    assert_eq!(entry.base.unwrap().title, "Theirs");
    assert!(store.conflicts().unwrap().is_empty());
}

#[test]
fn take_theirs_drops_the_field_from_the_pending_edit() {
    let (_dir, store, _) = conflicted();
    let view = store
        .resolve_conflict("rm_1", RoomField::Title, Resolution::TakeTheirs)
        .unwrap();
    assert_eq!(view.room.title, "Theirs");
    assert_eq!(view.room.cover_title.as_deref(), Some("My cover"));
    assert_eq!(view.pending_fields, [RoomField::CoverTitle]);
    let entry = store.outbox().unwrap().remove(0);
    let OutboxOp::Patch(p) = &entry.op else {
        panic!()
    };
    assert_eq!(
        (p.title.as_deref(), p.cover_title.as_deref()),
        (None, Some("My cover"))
    );
}

#[test]
fn a_failed_write_leaves_neither_the_change_nor_the_outbox_row() {
    let (_dir, store) = temp_store();
    store.upsert_rooms(&[room("rm_1", "Acme")]).unwrap();
    let conn = open_connection(store.path()).unwrap();
    // Make the last statement of each write fail, after the outbox row was written.
    conn.execute_batch(
        "CREATE TRIGGER fail_view BEFORE UPDATE OF view_json ON rooms
         BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;",
    )
    .unwrap();
    assert!(store.record_patch("rm_1", &title("Lost")).is_err());
    assert!(store.create_draft(&NewRoom::default()).is_err());
    assert!(store.outbox().unwrap().is_empty());
    assert_eq!(store.get_room("rm_1").unwrap().room.title, "Acme");
    assert_eq!(store.room_count().unwrap(), 1);
    conn.execute_batch("DROP TRIGGER fail_view").unwrap();
    assert_eq!(
        store
            .record_patch("rm_1", &title("Kept"))
            .unwrap()
            .room
            .title,
        "Kept"
    );
    assert_eq!(store.outbox().unwrap().len(), 1);
}

#[test]
fn a_full_pull_removes_rooms_the_server_dropped_but_never_local_work() {
    let (_dir, store) = temp_store();
    store
        .upsert_rooms(&[room("rm_1", "A"), room("rm_2", "B"), room("rm_3", "C")])
        .unwrap();
    store.record_patch("rm_2", &title("B2")).unwrap();
    let draft = store.create_draft(&NewRoom::default()).unwrap().room.id;
    let report = store.replace_all_rooms(&[room("rm_1", "A")]).unwrap();
    assert_eq!((report.unchanged, report.removed), (1, 1));
    assert!(store.find_room("rm_3").unwrap().is_none());
    assert_eq!(store.get_room("rm_2").unwrap().room.title, "B2");
    assert!(store.find_room(&draft).unwrap().is_some());
}
