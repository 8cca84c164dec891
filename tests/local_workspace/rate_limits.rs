//! Rate limits and broken answers: sync backs off, keeps what it could not send, and
//! converges without a duplicate or a lost change.

// Test code: a failed step is a failed test.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use roomdesk_core::Source;
use roomdesk_emulator::Faults;
use roomdesk_model::{NewRoom, RoomPatch};
use roomdesk_tests::workspace_fixture::{by_id, start, title_counts};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limited_and_garbled_syncs_converge_without_duplicates() {
    let ws = start(8, 29).await;
    ws.service.sync(&|_| {}).await.expect("first pull");
    for i in 0..30 {
        ws.service
            .create(
                Source::Local,
                NewRoom {
                    title: Some(format!("Paced draft {i:02}")),
                    ..Default::default()
                },
            )
            .await
            .expect("draft");
    }
    let edited: Vec<String> = ws
        .emulator
        .rooms()
        .iter()
        .take(4)
        .map(|r| r.id.clone())
        .collect();
    for id in &edited {
        ws.service
            .update(
                Source::Local,
                id,
                RoomPatch {
                    cover_title: Some("Paced cover".into()),
                    ..Default::default()
                },
            )
            .await
            .expect("edit");
    }
    // 900/min: a bucket of 15, refilled 15 per second; a tenth of answers garbled.
    ws.emulator.set_faults(Faults {
        rate_limit_per_minute: Some(900),
        malformed_rate: 0.1,
        ..Default::default()
    });
    let reports = ws.sync_until_settled(&ws.service, 40).await;
    ws.emulator.set_faults(Faults::default());
    assert_eq!(
        reports.last().unwrap().outbox_remaining,
        0,
        "{:?}",
        reports.last()
    );
    let stats = ws.emulator.stats();
    assert!(stats.rate_limited > 0, "the rate limit was hit: {stats:?}");

    let rooms = ws.emulator.rooms();
    assert_eq!(rooms.len(), 38);
    let counts = title_counts(&rooms);
    for i in 0..30 {
        assert_eq!(counts.get(&format!("Paced draft {i:02}")), Some(&1));
    }
    for id in &edited {
        assert_eq!(
            by_id(&rooms, id).unwrap().cover_title.as_deref(),
            Some("Paced cover")
        );
    }
    // Whatever stopped a sync early was reported with a code, never silently dropped.
    for r in &reports {
        for f in &r.failed {
            assert!(!f.error.code.is_empty() && !f.error.message.is_empty());
        }
    }
    ws.emulator.shutdown().await;
}
