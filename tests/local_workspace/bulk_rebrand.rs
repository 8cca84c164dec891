//! Bulk re-brand against the real emulator: one design edit on many rooms, saved as
//! pending edits in one go or applied now; a failure keeps the edit pending and a retry
//! sends it; nothing else on the server changes.

// Test code: a failed step is a failed test.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use roomdesk_core::{palette_patch, BulkStatus, Palette, Source};
use roomdesk_emulator::Faults;
use roomdesk_model::{Room, RoomPatch};
use roomdesk_tests::workspace_fixture::{by_id, start};
use std::sync::Mutex;

fn palette() -> Palette {
    Palette {
        name: "Harbor".into(),
        theme_color: "#0B5394".into(),
        nav_color: "flow-org-color".into(),
        cover_title: None,
        cover_description: None,
        cover_disabled: Some(false),
    }
}

/// Every room in `after` is as in `before`, except that the rooms in `changed` carry the
/// palette's fields (and a new `updatedAt`).
fn only_these_changed(before: &[Room], after: &[Room], changed: &[String], p: &Palette) {
    assert_eq!(before.len(), after.len());
    for old in before {
        let new = by_id(after, &old.id).expect("room still there");
        let mut expected = old.clone();
        if changed.contains(&old.id) {
            palette_patch(p).apply_to(&mut expected);
            expected.updated_at = new.updated_at.clone();
        }
        assert_eq!(new, &expected, "room {}", old.id);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_palette_applied_now_reaches_the_selected_rooms_only_with_progress() {
    let ws = start(30, 41).await;
    ws.service.sync(&|_| {}).await.expect("first pull");
    let before = ws.emulator.rooms();
    let chosen: Vec<String> = before.iter().step_by(2).map(|r| r.id.clone()).collect();
    let steps = Mutex::new(Vec::new());
    let results = ws
        .service
        .apply_now(chosen.clone(), palette_patch(&palette()), &|p| {
            steps.lock().unwrap().push((p.done, p.total))
        })
        .await
        .expect("apply now");
    assert_eq!(results.len(), chosen.len());
    assert!(
        results.iter().all(|r| r.status == BulkStatus::Sent),
        "{results:?}"
    );
    let steps = steps.into_inner().unwrap();
    assert_eq!(
        steps.len(),
        chosen.len() + 1,
        "a step before and after each room"
    );
    assert_eq!(steps.last(), Some(&(15, 15)));
    assert!(
        ws.service.outbox().unwrap().is_empty(),
        "nothing left pending"
    );
    only_these_changed(&before, &ws.emulator.rooms(), &chosen, &palette());
    ws.emulator.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_apply_keeps_every_edit_pending_and_retrying_the_failed_sends_them() {
    let ws = start(12, 43).await;
    ws.service.sync(&|_| {}).await.expect("first pull");
    let before = ws.emulator.rooms();
    let chosen: Vec<String> = before.iter().take(6).map(|r| r.id.clone()).collect();
    ws.set_offline(true);
    let results = ws
        .service
        .apply_now(chosen.clone(), palette_patch(&palette()), &|_| {})
        .await
        .expect("apply now answers per room");
    assert!(
        results.iter().all(
            |r| r.status == BulkStatus::Failed && r.error.as_ref().is_some_and(|e| e.retryable)
        ),
        "{results:?}"
    );
    assert_eq!(
        ws.service.outbox().unwrap().len(),
        6,
        "kept as pending edits"
    );
    for id in &chosen {
        let local = ws.service.get(Source::Local, id).await.unwrap();
        assert_eq!(local.room.theme_color.as_deref(), Some("#0B5394"));
    }
    ws.set_offline(false);
    assert_eq!(
        ws.emulator.rooms(),
        before,
        "offline: nothing reached the server"
    );
    let failed: Vec<String> = results.into_iter().map(|r| r.room_id).collect();
    let retried = ws
        .service
        .send_pending_edits(failed, &|_| {})
        .await
        .expect("retry");
    assert!(
        retried.iter().all(|r| r.status == BulkStatus::Sent),
        "{retried:?}"
    );
    assert!(ws.service.outbox().unwrap().is_empty());
    only_these_changed(&before, &ws.emulator.rooms(), &chosen, &palette());
    ws.emulator.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pending_bulk_edits_wait_for_the_sync_and_bad_ones_are_refused() {
    let ws = start(10, 47).await;
    ws.service.sync(&|_| {}).await.expect("first pull");
    let before = ws.emulator.rooms();
    let chosen: Vec<String> = before.iter().take(4).map(|r| r.id.clone()).collect();
    let refused = ws
        .service
        .save_pending_edits(
            chosen.clone(),
            RoomPatch {
                title: Some("Not a design field".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(refused.field().as_deref(), Some("title"));
    let refused = ws
        .service
        .save_pending_edits(Vec::new(), palette_patch(&palette()))
        .await
        .unwrap_err();
    assert_eq!(refused.field().as_deref(), Some("roomIds"));
    assert!(ws.service.outbox().unwrap().is_empty());

    let mut with_unknown = chosen.clone();
    with_unknown.push("rm_nowhere".into());
    let saved = ws
        .service
        .save_pending_edits(with_unknown, palette_patch(&palette()))
        .await
        .expect("saved");
    assert_eq!(saved.saved, 4);
    assert_eq!(saved.missing, ["rm_nowhere"]);
    assert_eq!(ws.emulator.rooms(), before, "nothing sent yet");
    let reports = ws.sync_until_settled(&ws.service, 3).await;
    assert_eq!(reports.last().unwrap().outbox_remaining, 0);
    only_these_changed(&before, &ws.emulator.rooms(), &chosen, &palette());
    ws.emulator.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limited_apply_waits_out_every_429_and_sends_everything() {
    let ws = start(40, 53).await;
    ws.service.sync(&|_| {}).await.expect("first pull");
    let before = ws.emulator.rooms();
    let chosen: Vec<String> = before.iter().map(|r| r.id.clone()).collect();
    // A small bucket (5 requests, 5 a second): 80 requests must wait for tokens.
    ws.emulator.set_faults(Faults {
        rate_limit_per_minute: Some(300),
        ..Default::default()
    });
    let results = ws
        .service
        .apply_now(chosen.clone(), palette_patch(&palette()), &|_| {})
        .await
        .expect("apply now");
    ws.emulator.set_faults(Faults::default());
    assert!(
        results.iter().all(|r| r.status == BulkStatus::Sent),
        "{results:?}"
    );
    assert!(ws.emulator.stats().rate_limited > 0, "the limit was hit");
    only_these_changed(&before, &ws.emulator.rooms(), &chosen, &palette());
    ws.emulator.shutdown().await;
}
