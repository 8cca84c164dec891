//! The local workspace against the real emulator: the cache lists exactly like the
//! server, offline drafts and edits reach the server once, faults never duplicate or lose
//! a draft, conflicts are surfaced and resolved, bad input never reaches the outbox.
//! (Crash safety with a killed `roomdesk sync` child lives in `crates/cli/tests/`, where
//! Cargo hands the test the path of the built binary.)

// Test code: a failed step is a failed test (helpers too, not only #[test] bodies).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use roomdesk_core::{CoreError, LocalState, RoomsService, Source, SyncReport};
use roomdesk_emulator::Faults;
use roomdesk_model::{ListQuery, NewRoom, RoomPatch, SortDirection, SortField};
use roomdesk_tests::workspace_fixture::{by_id, start, title_counts};

#[path = "local_workspace/bulk_rebrand.rs"]
mod bulk_rebrand;
#[path = "local_workspace/conflicts.rs"]
mod conflicts;
#[path = "local_workspace/input_and_remote.rs"]
mod input_and_remote;
#[path = "local_workspace/rate_limits.rs"]
mod rate_limits;
use std::collections::HashSet;

fn ids(page: &roomdesk_core::RoomPage) -> Vec<String> {
    page.rooms.iter().map(|v| v.room.id.clone()).collect()
}

async fn list_ids(service: &RoomsService, source: Source, q: ListQuery) -> Vec<String> {
    ids(&service.list(source, q, None).await.expect("list"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn local_and_remote_listings_agree_for_every_order_and_page() {
    for (n, seed) in [(1usize, 3u64), (23, 7), (120, 11)] {
        let ws = start(n, seed).await;
        let report = ws.service.sync(&|_| {}).await.expect("pull");
        assert!(report.pull_complete, "{report:?}");
        assert_eq!(report.pulled, n as u64);
        for limit in [7u32, 50] {
            let pages = (n as u32).div_ceil(limit);
            let mut to_check: Vec<u32> = vec![1, 2, pages.max(1) / 2 + 1, pages, pages + 1];
            to_check.dedup();
            for sort_by in SortField::ALL {
                for sort_direction in [SortDirection::Asc, SortDirection::Desc] {
                    for page in &to_check {
                        let q = ListQuery {
                            page: (*page).max(1),
                            limit,
                            sort_by,
                            sort_direction,
                        };
                        let local = list_ids(&ws.service, Source::Local, q).await;
                        let remote = list_ids(&ws.service, Source::Remote, q).await;
                        assert_eq!(local, remote, "n={n} seed={seed} {q:?}");
                    }
                }
            }
        }
        // The whole listing, page by page, is every room once.
        let mut all = Vec::new();
        for page in 1..=(n as u32).div_ceil(50).max(1) {
            all.extend(
                list_ids(
                    &ws.service,
                    Source::Local,
                    ListQuery {
                        page,
                        limit: 50,
                        ..Default::default()
                    },
                )
                .await,
            );
        }
        let unique: HashSet<&String> = all.iter().collect();
        assert_eq!(unique.len(), n);
        assert_eq!(all.len(), n);
        ws.emulator.shutdown().await;
    }
}

fn draft(title: &str) -> NewRoom {
    NewRoom {
        title: Some(title.to_string()),
        theme_color: Some("#f50".to_string()),
        description: Some(format!("about {title}")),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_drafts_and_edits_reach_the_server_exactly_once() {
    let ws = start(30, 5).await;
    ws.service.sync(&|_| {}).await.expect("first pull");
    let before = ws.emulator.rooms();
    ws.set_offline(true);

    let mut draft_ids = Vec::new();
    for i in 0..3 {
        let view = ws
            .service
            .create(
                Source::Local,
                draft(&format!("Offline draft {i} – Ünïcødé")),
            )
            .await
            .expect("draft while offline");
        assert_eq!(view.state, LocalState::Draft);
        draft_ids.push(view.room.id.clone());
    }
    let edited: Vec<String> = before.iter().take(5).map(|r| r.id.clone()).collect();
    for (i, id) in edited.iter().enumerate() {
        let view = ws
            .service
            .update(
                Source::Local,
                id,
                RoomPatch {
                    title: Some(format!("Edited offline {i}")),
                    cover_title: Some(format!("Cover {i}")),
                    ..Default::default()
                },
            )
            .await
            .expect("edit while offline");
        assert_eq!(view.state, LocalState::Pending);
        assert_eq!(view.room.title, format!("Edited offline {i}"));
    }
    // The local view shows drafts and edits; the server knows nothing yet.
    let local = ws
        .service
        .list(
            Source::Local,
            ListQuery {
                limit: 100,
                ..Default::default()
            },
            None,
        )
        .await
        .expect("local list");
    assert_eq!(local.total, Some(33));
    let offline = ws.service.sync(&|_| {}).await.expect("sync while offline");
    assert!(
        offline.stopped.is_some(),
        "an offline sync reports why it stopped"
    );
    assert_eq!(ws.service.outbox().expect("outbox").len(), 8);
    ws.set_offline(false);
    assert_eq!(
        ws.emulator.rooms(),
        before,
        "offline: no effect on the server"
    );

    let reports = ws.sync_until_settled(&ws.service, 5).await;
    let last = reports.last().expect("a report");
    assert_eq!(last.outbox_remaining, 0, "{reports:?}");
    assert!(ws.service.outbox().expect("outbox").is_empty());

    let after = ws.emulator.rooms();
    assert_eq!(after.len(), before.len() + 3);
    let counts = title_counts(&after);
    for i in 0..3 {
        assert_eq!(
            counts.get(&format!("Offline draft {i} – Ünïcødé")),
            Some(&1)
        );
    }
    for old in &before {
        let new = by_id(&after, &old.id).expect("room still there");
        if let Some(i) = edited.iter().position(|id| id == &old.id) {
            assert_eq!(new.title, format!("Edited offline {i}"));
            assert_eq!(
                new.cover_title.as_deref(),
                Some(format!("Cover {i}").as_str())
            );
            let mut expected = old.clone();
            expected.title = new.title.clone();
            expected.cover_title = new.cover_title.clone();
            expected.updated_at = new.updated_at.clone();
            assert_eq!(new, &expected, "only the edited fields changed");
        } else {
            assert_eq!(new, old, "untouched rooms stay as they were");
        }
    }
    // Drafts became server rooms locally too, with the write-only description remembered.
    for id in &draft_ids {
        assert!(matches!(
            ws.service.get(Source::Local, id).await,
            Err(CoreError::NotFound { .. })
        ));
    }
    let found = ws
        .service
        .list(
            Source::Local,
            ListQuery::default(),
            Some("Offline draft 1".into()),
        )
        .await
        .expect("search");
    assert_eq!(found.rooms.len(), 1);
    assert_eq!(found.rooms[0].state, LocalState::Synced);
    assert_eq!(
        found.rooms[0].room.description.as_deref(),
        Some("about Offline draft 1 – Ünïcødé")
    );
    assert_eq!(found.rooms[0].room.theme_color.as_deref(), Some("#FF5500"));
    ws.emulator.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn faults_and_dropped_creates_never_duplicate_or_lose_a_draft() {
    let ws = start(10, 9).await;
    ws.service.sync(&|_| {}).await.expect("first pull");
    for i in 0..200 {
        ws.service
            .create(Source::Local, draft(&format!("Fault draft {i:03}")))
            .await
            .expect("draft");
    }
    ws.emulator.set_faults(Faults {
        fault_rate: 0.2,
        drop_after_create_rate: 0.2,
        ..Default::default()
    });
    let reports: Vec<SyncReport> = ws.sync_until_settled(&ws.service, 60).await;
    ws.emulator.set_faults(Faults::default());
    let last = reports.last().expect("a report");
    assert_eq!(last.outbox_remaining, 0, "outbox drained within 60 syncs");

    let rooms = ws.emulator.rooms();
    let counts = title_counts(&rooms);
    for i in 0..200 {
        assert_eq!(
            counts.get(&format!("Fault draft {i:03}")),
            Some(&1),
            "draft {i}"
        );
    }
    assert_eq!(rooms.len(), 210, "zero duplicates, zero losses");
    // The faults really happened and lost answers were settled by adoption.
    let stats = ws.emulator.stats();
    assert!(stats.faults_injected > 0);
    let adopted = reports
        .iter()
        .flat_map(|r| &r.pushed)
        .filter(|p| p.adopted)
        .count();
    assert!(
        adopted > 0,
        "some creates lost their answer and were found again"
    );
    let pushed: usize = reports.iter().map(|r| r.pushed.len()).sum();
    assert_eq!(pushed, 200, "each draft reported pushed exactly once");
    ws.emulator.shutdown().await;
}
