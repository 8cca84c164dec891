//! Crash safety: `roomdesk sync` is killed (SIGKILL) 100 times at different moments of a
//! running sync, between and during requests (the emulator answers slowly), and started
//! again. Every kill is checked to have landed mid-sync: the process held the data dir's
//! sync lock just before (read from `/proc/locks`, without touching the lock) and died of
//! the signal, not of finishing. After a final sync the server holds every draft exactly
//! once and every edit, and the outbox is empty.

// The kill check reads `/proc/locks`.
#![cfg(target_os = "linux")]
// Test code: a failed step is a failed test (helpers too, not only #[test] bodies).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use roomdesk_core::{Connection, DataDir, Source};
use roomdesk_emulator::{EmulatorConfig, Faults};
use roomdesk_model::{NewRoom, RoomPatch};
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_roomdesk");
const KEY: &str = "crash-test-key";
const DRAFTS: usize = 40;
/// Kills that must land while a sync runs.
const KILLS: usize = 100;

/// Whether process `pid` holds a `flock` on `path` now (Linux: `/proc/locks` lists each
/// lock as `N: FLOCK ADVISORY WRITE <pid> <major>:<minor>:<inode> 0 EOF`).
fn holds_flock(pid: u32, path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    let inode = format!(":{}", meta.ino());
    let locks = std::fs::read_to_string("/proc/locks").unwrap();
    locks.lines().any(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        fields.len() >= 6
            && fields[1] == "FLOCK"
            && fields[4] == pid.to_string()
            && fields[5].ends_with(&inode)
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sync_killed_at_any_point_never_duplicates_or_loses_a_change() {
    let emu = roomdesk_emulator::spawn(
        "127.0.0.1:0".parse().unwrap(),
        EmulatorConfig {
            api_key: KEY.into(),
            seed_rooms: 12,
            rng_seed: 31,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    // The workspace the CLI opens for this server in the data dir.
    let data = DataDir::at(dir.path());
    let connection = Connection::api(&emu.base_url()).unwrap();
    let workspace = data.workspace_dir(connection.server());
    let open = || connection.open(&data, Some(KEY.into())).unwrap();
    let service = open();
    service.sync(&|_| {}).await.unwrap();
    let seeded = emu.rooms();
    for i in 0..DRAFTS {
        service
            .create(
                Source::Local,
                NewRoom {
                    title: Some(format!("Crash draft {i:02}")),
                    email: Some(format!("buyer{i}@acme.com")),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
    }
    let edited: Vec<String> = seeded.iter().take(5).map(|r| r.id.clone()).collect();
    for (i, id) in edited.iter().enumerate() {
        service
            .update(
                Source::Local,
                id,
                RoomPatch {
                    title: Some(format!("Survived {i}")),
                    theme_color: Some("#0A0B0C".into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
    }

    // Slow answers, so that kills land while requests are in flight as well as between.
    emu.set_faults(Faults {
        latency_ms: 40,
        ..Default::default()
    });
    let lock_file = workspace.join("sync.lock");
    let mut landed = 0;
    let mut runs = 0;
    while landed < KILLS {
        runs += 1;
        assert!(
            runs <= 4 * KILLS,
            "only {landed} of {runs} runs could be killed mid-sync"
        );
        let mut child = tokio::process::Command::new(BIN)
            .arg("sync")
            .env("FLOWLA_BASE_URL", emu.base_url())
            .env("FLOWLA_API_KEY", KEY)
            .env("ROOMDESK_DATA_DIR", dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let pid = child.id().unwrap();
        // The sync has begun once this process holds the data dir's sync lock.
        let mut started = false;
        for _ in 0..30_000 {
            if holds_flock(pid, &lock_file) {
                started = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        // Staggered, co-prime steps: kill points spread over the push and the pull.
        let into = Duration::from_millis((runs as u64 * 37) % 170);
        tokio::time::sleep(into).await;
        if !(started && holds_flock(pid, &lock_file)) {
            // The sync ended first (or never began): not a kill mid-sync; run another.
            child.wait().await.unwrap();
            continue;
        }
        child.start_kill().unwrap();
        let status = child.wait().await.unwrap();
        // It held the lock just before, and died of the kill, not of finishing.
        assert_eq!(status.signal(), Some(9), "run {runs}: {status:?}");
        landed += 1;
    }
    eprintln!("{landed} kills landed during a sync, in {runs} runs");

    emu.set_faults(Faults::default());
    let mut status = None;
    for _ in 0..3 {
        let out = tokio::process::Command::new(BIN)
            .arg("sync")
            .env("FLOWLA_BASE_URL", emu.base_url())
            .env("FLOWLA_API_KEY", KEY)
            .env("ROOMDESK_DATA_DIR", dir.path())
            .output()
            .await
            .unwrap();
        status = out.status.code();
        if out.status.success() && open().outbox().unwrap().is_empty() {
            break;
        }
    }
    assert_eq!(status, Some(0));
    let service = open();
    assert!(service.outbox().unwrap().is_empty(), "outbox empty");
    assert!(service.conflicts().unwrap().is_empty());

    let rooms = emu.rooms();
    assert_eq!(
        rooms.len(),
        seeded.len() + DRAFTS,
        "no duplicates, no losses"
    );
    for i in 0..DRAFTS {
        let title = format!("Crash draft {i:02}");
        assert_eq!(
            rooms.iter().filter(|r| r.title == title).count(),
            1,
            "{title}"
        );
    }
    for (i, id) in edited.iter().enumerate() {
        let room = rooms.iter().find(|r| &r.id == id).unwrap();
        assert_eq!(room.title, format!("Survived {i}"));
        assert_eq!(room.theme_color.as_deref(), Some("#0A0B0C"));
    }
    // The local cache agrees: every draft is a synced room with its email remembered.
    let page = service
        .list(
            Source::Local,
            roomdesk_model::ListQuery {
                limit: 100,
                ..Default::default()
            },
            Some("Crash draft".into()),
        )
        .await
        .unwrap();
    assert_eq!(page.total, Some(DRAFTS as u64));
    assert!(page
        .rooms
        .iter()
        .all(|v| v.state == roomdesk_core::LocalState::Synced && v.room.email.is_some()));
    emu.shutdown().await;
}
