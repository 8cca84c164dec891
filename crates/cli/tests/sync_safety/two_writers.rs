//! Two `roomdesk` processes on one data dir never send the same change twice: syncs
//! started together, and remote creates made while a sync runs, with lost answers.

use crate::fixture::{command, draft, emulator, sync_until_empty};
use roomdesk_emulator::Faults;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn syncs_started_at_once_and_remote_creates_meanwhile_never_duplicate() {
    let emu = emulator(6, 73).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    const ROUNDS: usize = 4;
    const DRAFTS_PER_ROUND: usize = 6;
    let mut busy_seen = 0;
    for round in 0..ROUNDS {
        for i in 0..DRAFTS_PER_ROUND {
            let title = format!("Twice? {round}-{i}");
            draft(&emu, data, &["--title", &title, "--theme-color", "#123456"]).await;
        }
        // Slow answers and lost create answers: each sync runs long and must look for
        // rooms it may have made.
        emu.set_faults(Faults {
            latency_ms: 60,
            drop_after_create_rate: 0.3,
            ..Default::default()
        });
        let first = command(&emu, data, &["sync"]).output();
        let second = command(&emu, data, &["sync"]).output();
        let remote_title = format!("Made remotely during round {round}");
        let remote = command(&emu, data, &["rooms", "create", "--title", &remote_title]).output();
        let (first, second, remote) = tokio::join!(first, second, remote);
        for out in [first.unwrap(), second.unwrap()] {
            let stderr = String::from_utf8_lossy(&out.stderr);
            if stderr.contains("another Roomdesk sync is running") {
                busy_seen += 1;
            }
        }
        // A lost answer makes the remote create uncertain: the next sync settles it.
        let remote = remote.unwrap();
        assert!(
            matches!(remote.status.code(), Some(0) | Some(4)),
            "{}",
            String::from_utf8_lossy(&remote.stderr)
        );
        emu.set_faults(Faults::default());
    }
    assert_eq!(sync_until_empty(&emu, data, 6).await, 0);
    assert!(busy_seen > 0, "the two syncs really ran into each other");

    let rooms = emu.rooms();
    for round in 0..ROUNDS {
        for i in 0..DRAFTS_PER_ROUND {
            let title = format!("Twice? {round}-{i}");
            assert_eq!(
                rooms.iter().filter(|r| r.title == title).count(),
                1,
                "{title}"
            );
        }
        let title = format!("Made remotely during round {round}");
        assert_eq!(
            rooms.iter().filter(|r| r.title == title).count(),
            1,
            "{title}"
        );
    }
    assert_eq!(rooms.len(), 6 + ROUNDS * (DRAFTS_PER_ROUND + 1));
    emu.shutdown().await;
}
