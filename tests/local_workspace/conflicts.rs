//! Conflicts: surfaced, merged where they do not overlap, resolved both ways.

// Test code: a failed step is a failed test.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use roomdesk_core::{LocalState, Resolution, Source};
use roomdesk_model::{RoomField, RoomPatch};
use roomdesk_tests::workspace_fixture::{by_id, start};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conflicts_are_surfaced_merged_and_resolved_both_ways() {
    let ws = start(6, 13).await;
    ws.service.sync(&|_| {}).await.expect("first pull");
    let rooms = ws.emulator.rooms();
    let (a, b) = (rooms[0].id.clone(), rooms[1].id.clone());

    // Room a: title changed on both sides, coverTitle only here, themeColor only there.
    ws.service
        .update(
            Source::Local,
            &a,
            RoomPatch {
                title: Some("Mine".into()),
                cover_title: Some("My cover".into()),
                ..Default::default()
            },
        )
        .await
        .expect("local edit");
    ws.emulator
        .server_update(
            &a,
            &RoomPatch {
                title: Some("Theirs".into()),
                theme_color: Some("#123456".into()),
                ..Default::default()
            },
        )
        .expect("server edit");
    let report = ws.service.sync(&|_| {}).await.expect("sync");
    assert_eq!(report.conflicts.len(), 1, "{report:?}");
    assert_eq!(report.conflicts[0].room_id, a);
    assert_eq!(report.conflicts[0].field, RoomField::Title);
    assert_eq!(report.conflicts[0].mine, serde_json::json!("Mine"));
    assert_eq!(report.conflicts[0].theirs, serde_json::json!("Theirs"));
    assert!(report
        .merged
        .iter()
        .any(|m| m.room_id == a && m.field == RoomField::ThemeColor));
    let server_a = || by_id(&ws.emulator.rooms(), &a).cloned().expect("room a");
    assert_eq!(
        server_a().title,
        "Theirs",
        "a conflict never overwrites silently"
    );
    assert_eq!(server_a().cover_title.as_deref(), Some("My cover"));
    assert_eq!(server_a().theme_color.as_deref(), Some("#123456"));
    let local = ws.service.get(Source::Local, &a).await.expect("local a");
    assert_eq!(local.state, LocalState::Conflict);
    assert_eq!(
        local.room.theme_color.as_deref(),
        Some("#123456"),
        "merged locally"
    );
    assert_eq!(ws.service.conflicts().expect("conflicts").len(), 1);

    // Keep mine: sent on the next sync.
    ws.service
        .resolve(&a, RoomField::Title, Resolution::KeepMine)
        .expect("resolve");
    assert!(ws.service.conflicts().expect("conflicts").is_empty());
    let report = ws.service.sync(&|_| {}).await.expect("sync");
    assert!(report.conflicts.is_empty(), "{report:?}");
    assert_eq!(server_a().title, "Mine");
    assert_eq!(server_a().theme_color.as_deref(), Some("#123456"));

    // Room b: take theirs drops my edit.
    ws.service
        .update(
            Source::Local,
            &b,
            RoomPatch {
                title: Some("Mine B".into()),
                ..Default::default()
            },
        )
        .await
        .expect("local edit");
    ws.emulator
        .server_update(
            &b,
            &RoomPatch {
                title: Some("Theirs B".into()),
                ..Default::default()
            },
        )
        .expect("server edit");
    let report = ws.service.sync(&|_| {}).await.expect("sync");
    assert_eq!(report.conflicts.len(), 1);
    ws.service
        .resolve(&b, RoomField::Title, Resolution::TakeTheirs)
        .expect("resolve");
    assert!(ws.service.outbox().expect("outbox").is_empty());
    let report = ws.service.sync(&|_| {}).await.expect("sync");
    assert!(report.conflicts.is_empty() && report.failed.is_empty());
    assert_eq!(
        by_id(&ws.emulator.rooms(), &b).expect("b").title,
        "Theirs B"
    );
    let local_b = ws.service.get(Source::Local, &b).await.expect("local b");
    assert_eq!(local_b.room.title, "Theirs B");
    assert_eq!(local_b.state, LocalState::Synced);
    // Resolving what is not in conflict says so, naming the field.
    let err = ws
        .service
        .resolve(&b, RoomField::Title, Resolution::KeepMine)
        .unwrap_err();
    assert_eq!(err.field().as_deref(), Some("title"));
    ws.emulator.shutdown().await;
}
