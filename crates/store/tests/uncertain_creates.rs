//! A create that may have reached the server: the rooms seen before it was sent, the
//! look-alikes the user chooses among (adopt one, or create again), and a create that
//! surely did not arrive going back to pending without losing an edit.

#![allow(clippy::unwrap_used)] // fixtures outside #[test] fns panic on setup failure, as tests should

mod common;

use common::{room, temp_store};
use roomdesk_model::{NewRoom, RoomPatch};
use roomdesk_store::{LocalState, OutboxKind, OutboxOp, OutboxState, StoreError};

fn body() -> NewRoom {
    NewRoom {
        title: Some("Acme".into()),
        description: Some("for the buyer".into()),
        theme_color: Some("#112233".into()),
        ..Default::default()
    }
}

fn title(t: &str) -> RoomPatch {
    RoomPatch {
        title: Some(t.into()),
        ..Default::default()
    }
}

#[test]
fn rooms_seen_before_each_send_add_up_and_cached_ones_are_listed_by_creation_time() {
    let (_dir, store) = temp_store();
    let mut old = room("rm_old", "Old");
    old.created_at = "2026-01-01T00:00:00.000Z".into();
    let mut new = room("rm_new", "New");
    new.created_at = "2026-01-02T00:00:00.000Z".into();
    store.upsert_rooms(&[old, new]).unwrap();
    let since = roomdesk_model::parse_timestamp_millis("2026-01-01T12:00:00.000Z").unwrap();
    assert_eq!(store.cached_ids_created_since(since).unwrap(), ["rm_new"]);

    store.create_draft(&body()).unwrap();
    let seq = store.outbox().unwrap()[0].seq;
    store.mark_uncertain(seq, 1, &["rm_b".into()]).unwrap();
    store
        .mark_uncertain(seq, 2, &["rm_a".into(), "rm_b".into()])
        .unwrap();
    let e = store.outbox_entry(seq).unwrap().unwrap();
    assert_eq!(e.seen_before, ["rm_a", "rm_b"]);
    assert_eq!(e.sent_at_ms, Some(2));
    assert!(!e.awaiting_decision);
}

#[test]
fn adopting_a_candidate_keeps_later_edits_on_top_and_sends_what_the_room_does_not_show() {
    let (_dir, store) = temp_store();
    let draft = store.create_draft(&body()).unwrap().room.id;
    let seq = store.outbox().unwrap()[0].seq;
    // Only an uncertain create waiting for a decision can adopt.
    let err = store
        .adopt_create(seq, &room("rm_a", "Acme"), &RoomPatch::default())
        .unwrap_err();
    assert!(matches!(err, StoreError::InvalidState(_)), "{err}");
    store.mark_uncertain(seq, 1, &[]).unwrap();
    // An edit made after the send.
    store.record_patch(&draft, &title("Acme (final)")).unwrap();
    store
        .record_candidates(seq, &[room("rm_b", "Acme"), room("rm_a", "Acme")])
        .unwrap();
    let e = store.outbox_entry(seq).unwrap().unwrap();
    assert!(e.awaiting_decision);
    assert_eq!(e.candidates.len(), 2);

    let err = store
        .adopt_create(seq, &room("rm_z", "Acme"), &RoomPatch::default())
        .unwrap_err();
    assert!(err.to_string().contains("not one of the rooms"), "{err}");
    assert_eq!(store.outbox().unwrap().len(), 2, "nothing changed");

    // The draft's fields the room does not show: its description (write-only), its
    // title (the room's differs).
    let unshown = RoomPatch {
        description: Some("for the buyer".into()),
        title: Some("Acme".into()),
        ..Default::default()
    };
    let adopted = store
        .adopt_create(seq, &room("rm_a", "Acme"), &unshown)
        .unwrap();
    assert_eq!(adopted.room.id, "rm_a");
    assert_eq!(adopted.room.title, "Acme (final)", "the later edit wins");
    assert_eq!(adopted.room.description.as_deref(), Some("for the buyer"));
    assert_eq!(adopted.state, LocalState::Pending);
    assert!(store.find_room(&draft).unwrap().is_none());
    let outbox = store.outbox().unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].room_id, "rm_a");
    let OutboxOp::Patch(p) = &outbox[0].op else {
        panic!()
    };
    assert_eq!(p.title.as_deref(), Some("Acme (final)"));
    assert_eq!(p.description.as_deref(), Some("for the buyer"));
    assert_eq!(outbox[0].base.as_ref().map(|b| b.id.as_str()), Some("rm_a"));
}

#[test]
fn create_again_returns_to_pending_and_never_takes_the_rejected_rooms() {
    let (_dir, store) = temp_store();
    let draft = store.create_draft(&body()).unwrap().room.id;
    let seq = store.outbox().unwrap()[0].seq;
    let err = store.create_again(seq).unwrap_err();
    assert!(
        matches!(err, StoreError::InvalidState(_)),
        "never sent: {err}"
    );
    store.mark_uncertain(seq, 5, &["rm_seen".into()]).unwrap();
    store
        .record_candidates(seq, &[room("rm_b", "Acme"), room("rm_a", "Acme")])
        .unwrap();
    store.create_again(seq).unwrap();
    let e = store.outbox_entry(seq).unwrap().unwrap();
    assert_eq!((e.state, e.sent_at_ms), (OutboxState::Pending, None));
    assert!(!e.awaiting_decision && e.candidates.is_empty());
    assert_eq!(e.seen_before, ["rm_a", "rm_b", "rm_seen"]);
    assert_eq!(store.get_room(&draft).unwrap().state, LocalState::Draft);
}

#[test]
fn a_create_surely_not_sent_takes_back_the_edits_made_meanwhile_and_the_newest_wins() {
    let (_dir, store) = temp_store();
    let draft = store.create_draft(&body()).unwrap().room.id;
    let seq = store.outbox().unwrap()[0].seq;
    store.mark_uncertain(seq, 1, &[]).unwrap();
    // While it may be on the server, an edit is a patch on the draft id.
    store.record_patch(&draft, &title("Second")).unwrap();
    assert_eq!(store.outbox().unwrap().len(), 2);
    // The server surely did nothing: the create is pending again, with the edit in it.
    store
        .record_failure(seq, "connection refused", true)
        .unwrap();
    let outbox = store.outbox().unwrap();
    assert_eq!(outbox.len(), 1, "the edit folded into the create");
    let OutboxOp::Create(b) = &outbox[0].op else {
        panic!()
    };
    assert_eq!(b.title.as_deref(), Some("Second"));
    assert_eq!(b.description.as_deref(), Some("for the buyer"));
    // A newer edit folds into the body too, and nothing older is left to overwrite it.
    store.record_patch(&draft, &title("Third")).unwrap();
    let outbox = store.outbox().unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].kind(), OutboxKind::Create);
    let sent = store.mark_uncertain(seq, 2, &[]).unwrap();
    assert_eq!(sent.title.as_deref(), Some("Third"));
    let done = store.complete_create(seq, &room("rm_1", "Third")).unwrap();
    assert_eq!(done.room.title, "Third");
    assert!(
        store.outbox().unwrap().is_empty(),
        "no older edit sent after it"
    );
    assert_eq!(store.get_room("rm_1").unwrap().room.title, "Third");
}
