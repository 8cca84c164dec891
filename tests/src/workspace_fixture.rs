//! The local-workspace suites' fixture: a real emulator on 127.0.0.1:0, a real SQLite
//! database in a temp dir, and a `RoomsService` talking to the emulator with the real
//! client (short backoffs so that fault-heavy runs stay quick).

// A test fixture: a failed set-up step is a failed test, so it panics with a reason.
#![allow(clippy::expect_used)]
use roomdesk_client::ClientConfig;
use roomdesk_core::{RoomsService, ServiceOptions, SyncReport};
use roomdesk_emulator::{EmulatorConfig, EmulatorHandle, Faults};
use roomdesk_model::Room;
use std::collections::HashMap;
use std::time::Duration;

pub const API_KEY: &str = "test-key";

pub struct Workspace {
    pub emulator: EmulatorHandle,
    pub dir: tempfile::TempDir,
    pub service: RoomsService,
}

/// A client config for tests: the real client, with quick retries.
pub fn fast_client_config(base_url: &str) -> ClientConfig {
    let mut c = ClientConfig::new(base_url, API_KEY);
    c.timeout = Duration::from_secs(10);
    c.max_retries = 3;
    c.base_backoff = Duration::from_millis(5);
    c.max_backoff = Duration::from_millis(40);
    c
}

/// Starts an emulator with `seed_rooms` generated rooms and a service on a fresh data dir.
pub async fn start(seed_rooms: usize, rng_seed: u64) -> Workspace {
    let emulator = roomdesk_emulator::spawn(
        "127.0.0.1:0".parse().expect("loopback address"),
        EmulatorConfig {
            api_key: API_KEY.to_string(),
            seed_rooms,
            rng_seed,
            faults: Faults::default(),
            state_file: None,
        },
    )
    .await
    .expect("emulator starts");
    let dir = tempfile::tempdir().expect("temp dir");
    let service = RoomsService::open(ServiceOptions {
        data_dir: dir.path().to_path_buf(),
        remote: Some(fast_client_config(&emulator.base_url())),
        server: None,
    })
    .expect("service opens");
    Workspace {
        emulator,
        dir,
        service,
    }
}

impl Workspace {
    /// Another service on the same data dir (a restarted app).
    pub fn reopen(&self) -> RoomsService {
        RoomsService::open(ServiceOptions {
            data_dir: self.dir.path().to_path_buf(),
            remote: Some(fast_client_config(&self.emulator.base_url())),
            server: None,
        })
        .expect("service reopens")
    }

    pub fn set_offline(&self, offline: bool) {
        let mut f = self.emulator.faults();
        f.offline = offline;
        self.emulator.set_faults(f);
    }

    /// Syncs until the outbox is empty and a pull completed, at most `rounds` times.
    /// Returns every report (the caller asserts on them).
    pub async fn sync_until_settled(
        &self,
        service: &RoomsService,
        rounds: usize,
    ) -> Vec<SyncReport> {
        let mut reports = Vec::new();
        for _ in 0..rounds {
            let report = service.sync(&|_| {}).await.expect("sync runs");
            let settled = report.outbox_remaining == 0 && report.pull_complete;
            reports.push(report);
            if settled {
                break;
            }
        }
        reports
    }
}

/// How many server rooms carry each title.
pub fn title_counts(rooms: &[Room]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for r in rooms {
        *counts.entry(r.title.clone()).or_insert(0) += 1;
    }
    counts
}

/// A room by id.
pub fn by_id<'a>(rooms: &'a [Room], id: &str) -> Option<&'a Room> {
    rooms.iter().find(|r| r.id == id)
}
