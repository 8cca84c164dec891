//! Bad input never reaches the outbox; unknown ids are not found; remote writes go
//! through to the cache and remember the write-only fields.

// Test code: a failed step is a failed test.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use roomdesk_core::{LocalState, Source};
use roomdesk_model::{NewRoom, Room, RoomField, RoomPatch};
use roomdesk_tests::workspace_fixture::{by_id, start};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_refused_before_the_outbox_and_unknown_ids_are_not_found() {
    let ws = start(3, 17).await;
    ws.service.sync(&|_| {}).await.expect("first pull");
    let id = ws.emulator.rooms()[0].id.clone();

    let err = ws
        .service
        .update(
            Source::Local,
            &id,
            RoomPatch {
                theme_color: Some("red".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), "validation");
    assert_eq!(err.field().as_deref(), Some("themeColor"));
    let err = ws
        .service
        .create(
            Source::Local,
            NewRoom {
                title: Some("ok".into()),
                email: Some("buyer-at-acme".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(err.field().as_deref(), Some("email"));
    let err = ws
        .service
        .create(
            Source::Remote,
            NewRoom {
                nav_color: Some("#GGGGGG".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(err.field().as_deref(), Some("navColor"));
    assert!(
        ws.service.outbox().expect("outbox").is_empty(),
        "nothing queued"
    );
    assert_eq!(ws.emulator.rooms().len(), 3, "nothing sent");

    for source in [Source::Local, Source::Remote] {
        let err = ws
            .service
            .get(source, "rm_does_not_exist")
            .await
            .unwrap_err();
        assert_eq!(err.code(), "not_found", "{source:?}");
        assert!(err.to_string().contains("rm_does_not_exist"));
        let err = ws
            .service
            .update(
                source,
                "rm_does_not_exist",
                RoomPatch {
                    title: Some("x".into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap_err();
        assert_eq!(err.code(), "not_found", "{source:?}");
    }
    assert!(ws.service.outbox().expect("outbox").is_empty());
    ws.emulator.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn remote_writes_go_through_to_the_cache_and_remember_write_only_fields() {
    let ws = start(2, 19).await;
    let created = ws
        .service
        .create(
            Source::Remote,
            NewRoom {
                title: Some("Acme Corp – Onboarding".into()),
                description: Some("kick-off".into()),
                hs_deal_id: Some("12345678".into()),
                theme_color: Some("#ff5500".into()),
                ..Default::default()
            },
        )
        .await
        .expect("remote create");
    let id = created.room.id.clone();
    let server: Room = by_id(&ws.emulator.rooms(), &id)
        .cloned()
        .expect("on server");
    assert_eq!(server.title, "Acme Corp – Onboarding");
    assert_eq!(server.theme_color.as_deref(), Some("#FF5500"));
    let local = ws.service.get(Source::Local, &id).await.expect("cached");
    assert_eq!(local.state, LocalState::Synced);
    assert_eq!(local.room.description.as_deref(), Some("kick-off"));
    assert_eq!(local.room.hs_deal_id.as_deref(), Some("12345678"));

    let updated = ws
        .service
        .update(
            Source::Remote,
            &id,
            RoomPatch {
                description: Some("renewal".into()),
                cover_disabled: Some(true),
                ..Default::default()
            },
        )
        .await
        .expect("remote update");
    assert_eq!(updated.room.cover_disabled, Some(true));
    assert_eq!(updated.room.description.as_deref(), Some("renewal"));
    let local = ws.service.get(Source::Local, &id).await.expect("cached");
    assert_eq!(local.room.description.as_deref(), Some("renewal"));
    assert!(ws.service.outbox().expect("outbox").is_empty());
    let remote = ws
        .service
        .get(Source::Remote, &id)
        .await
        .expect("remote get");
    assert_eq!(
        remote.room.description.as_deref(),
        Some("renewal"),
        "remembered"
    );
    ws.emulator.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_remote_update_settles_the_pending_fields_it_wrote_and_keeps_the_others() {
    let ws = start(2, 23).await;
    ws.service.sync(&|_| {}).await.expect("first pull");
    let id = ws.emulator.rooms()[0].id.clone();
    ws.service
        .update(
            Source::Local,
            &id,
            RoomPatch {
                title: Some("Edited offline".into()),
                theme_color: Some("#aabbcc".into()),
                ..Default::default()
            },
        )
        .await
        .expect("local edit");
    // The same color in another spelling: once normalised, it is what the edit holds.
    let updated = ws
        .service
        .update(
            Source::Remote,
            &id,
            RoomPatch {
                theme_color: Some("#abc".into()),
                description: Some("written remotely".into()),
                ..Default::default()
            },
        )
        .await
        .expect("remote update");
    assert_eq!(updated.pending_fields, vec![RoomField::Title]);
    assert_eq!(
        updated.room.description.as_deref(),
        Some("written remotely")
    );
    let local = ws.service.get(Source::Local, &id).await.expect("cached");
    assert_eq!(local.state, LocalState::Pending);
    assert_eq!(local.pending_fields, vec![RoomField::Title]);
    assert_eq!(local.room.title, "Edited offline");
    assert_eq!(local.room.theme_color.as_deref(), Some("#AABBCC"));
    assert_eq!(local.room.description.as_deref(), Some("written remotely"));

    ws.service.sync(&|_| {}).await.expect("sync");
    let server = by_id(&ws.emulator.rooms(), &id)
        .cloned()
        .expect("on server");
    assert_eq!(server.title, "Edited offline");
    assert_eq!(server.theme_color.as_deref(), Some("#AABBCC"));
    assert_eq!(server.description.as_deref(), Some("written remotely"));
    assert!(ws.service.outbox().expect("outbox").is_empty());
    ws.emulator.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn statuses_and_lookups_are_remembered_for_offline_use() {
    let ws = start(1, 3).await;
    let statuses = ws.service.statuses().await.expect("statuses");
    assert!(!statuses.is_empty());
    let companies = ws
        .service
        .lookup(roomdesk_model::LookupKind::Companies)
        .await
        .expect("companies");
    assert!(companies.as_ref().is_some_and(|c| !c.is_empty()));
    ws.set_offline(true);
    assert_eq!(ws.service.statuses().await.expect("remembered"), statuses);
    assert_eq!(
        ws.service
            .lookup(roomdesk_model::LookupKind::Companies)
            .await
            .expect("remembered"),
        companies
    );
    // Never fetched: the outage is reported, as retryable.
    let err = ws
        .service
        .lookup(roomdesk_model::LookupKind::Labels)
        .await
        .unwrap_err();
    assert!(err.retryable(), "{err}");
    ws.emulator.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unsent_draft_can_be_discarded_a_server_room_cannot() {
    let ws = start(2, 37).await;
    ws.service.sync(&|_| {}).await.expect("first pull");
    let draft = ws
        .service
        .create(
            Source::Local,
            NewRoom {
                title: Some("Never mind".into()),
                ..Default::default()
            },
        )
        .await
        .expect("draft");
    assert_eq!(ws.service.outbox().expect("outbox").len(), 1);
    ws.service.discard_draft(&draft.room.id).expect("discard");
    assert!(ws.service.outbox().expect("outbox").is_empty());
    let err = ws
        .service
        .get(Source::Local, &draft.room.id)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    let server_id = ws.emulator.rooms()[0].id.clone();
    let err = ws.service.discard_draft(&server_id).unwrap_err();
    assert_eq!(err.code(), "invalid_state");
    assert_eq!(
        ws.service.discard_draft("draft-nope").unwrap_err().code(),
        "not_found"
    );
    let report = ws.service.sync(&|_| {}).await.expect("sync");
    assert!(report.pushed.is_empty());
    assert_eq!(ws.emulator.rooms().len(), 2, "nothing was created");
    ws.emulator.shutdown().await;
}

/// Someone deletes a room in Flowla's web app while an edit to it waits in the outbox:
/// every sync reports `not_found` for it and keeps it (never lost silently); the user
/// discards it, and the next sync is clean and drops the room from the cache.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_to_a_room_deleted_on_the_server_is_kept_until_discarded() {
    let ws = start(4, 23).await;
    ws.service.sync(&|_| {}).await.expect("first pull");
    let gone = ws.emulator.rooms()[1].id.clone();
    ws.service
        .update(
            Source::Local,
            &gone,
            RoomPatch {
                title: Some("Edited offline".into()),
                ..Default::default()
            },
        )
        .await
        .expect("local edit");
    assert!(ws.emulator.server_delete(&gone));

    for _ in 0..2 {
        let report = ws.service.sync(&|_| {}).await.expect("sync runs");
        assert_eq!(report.failed.len(), 1, "{report:?}");
        assert_eq!(report.failed[0].room_id, gone);
        assert_eq!(report.failed[0].error.code, "not_found");
        let outbox = ws.service.outbox().expect("outbox");
        assert_eq!(outbox.len(), 1, "the edit is kept");
        let local = ws
            .service
            .get(Source::Local, &gone)
            .await
            .expect("still cached");
        assert_eq!(local.room.title, "Edited offline");
        assert_eq!(local.state, LocalState::Pending);
    }

    let change = ws.service.discard_local_changes(&gone).expect("discard");
    assert!(matches!(
        change,
        roomdesk_core::RoomChange::EditsDiscarded(_)
    ));
    assert!(ws.service.outbox().expect("outbox").is_empty());
    let report = ws.service.sync(&|_| {}).await.expect("sync");
    assert!(report.failed.is_empty(), "{report:?}");
    let err = ws.service.get(Source::Local, &gone).await.unwrap_err();
    assert_eq!(err.code(), "not_found", "the pull removed the deleted room");
    assert_eq!(ws.emulator.rooms().len(), 3);
}
