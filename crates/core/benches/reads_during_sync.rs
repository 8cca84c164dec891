//! Reads while a sync runs: list-page and get latency through `RoomsService` (local
//! source), idle and while a full pull of every room runs, against the emulator on
//! loopback. Prints p50 / p95 / max side by side; asserts nothing about time.
//!
//! Goal (issue 12): p95 ≤ 20 ms for both while the pull runs.
//!
//! `cargo bench -p roomdesk-core --bench reads_during_sync` (ROOMDESK_BENCH_ROOMS to
//! change the size, 10,000 by default).
//!
//! Each measured pull finds every room changed on the server (a title edit by "another
//! user"), so it rewrites every row. A reader task on the runtime asks for a list page
//! (sort, direction and depth varying) and a room by id in turn, with a short pause
//! between calls as a user's screen would. "store write" counts only the calls made after
//! the last page of the listing arrived, when the pull is writing to the store.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark binary: failing loudly is right

use roomdesk_client::ClientConfig;
use roomdesk_core::{RoomsService, ServiceOptions, Source};
use roomdesk_emulator::{spawn, EmulatorConfig};
use roomdesk_model::{ListQuery, RoomPatch, SortDirection, SortField};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const KEY: &str = "bench-key";
const PULLS: usize = 5;
const IDLE_CALLS: usize = 400;
const PAUSE: Duration = Duration::from_millis(2);
const GOAL_P95_MS: f64 = 20.0;

fn main() {
    // `cargo test --all-targets` runs bench binaries without `--bench`: a benchmark is not
    // a test, so it only says how to run it.
    if !std::env::args().any(|a| a == "--bench") {
        println!("reads benchmark: run `cargo bench -p roomdesk-core --bench reads_during_sync`");
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(run());
}

/// Latencies of one kind of call, in microseconds.
#[derive(Default, Clone)]
struct Samples(Vec<u64>);

impl Samples {
    fn figure(&self) -> String {
        if self.0.is_empty() {
            return format!("{:>34}", "no calls");
        }
        let mut v = self.0.clone();
        v.sort_unstable();
        let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize] as f64 / 1000.0;
        format!(
            "{:7.2} {:7.2} {:7.2} ms ({:4})",
            at(0.5),
            at(0.95),
            at(1.0),
            v.len()
        )
    }

    fn p95_ms(&self) -> f64 {
        let mut v = self.0.clone();
        v.sort_unstable();
        v.get(((v.len().max(1) - 1) as f64 * 0.95).round() as usize)
            .map_or(0.0, |us| *us as f64 / 1000.0)
    }
}

/// Calls made while the pull was writing to the store, and all calls of the sync.
#[derive(Default)]
struct Phases {
    list: Samples,
    get: Samples,
    list_writing: Samples,
    get_writing: Samples,
}

/// Alternates a list page and a get until `stop`, noting each latency (and whether the
/// listing had all arrived when the call started).
async fn read_loop(
    service: RoomsService,
    ids: Arc<Vec<String>>,
    stop: Arc<AtomicBool>,
    writing: Arc<AtomicBool>,
    limit_calls: Option<usize>,
) -> Phases {
    let mut phases = Phases::default();
    let mut i: usize = 0;
    while !stop.load(Ordering::Relaxed) && limit_calls.is_none_or(|n| i < n) {
        let field = SortField::ALL[i % SortField::ALL.len()];
        let direction = if i.is_multiple_of(2) {
            SortDirection::Desc
        } else {
            SortDirection::Asc
        };
        let pages = (ids.len() / 50).max(1) as u32;
        let query = ListQuery {
            page: 1 + (i as u32 * 37) % pages,
            limit: 50,
            sort_by: field,
            sort_direction: direction,
        };
        let during_write = writing.load(Ordering::Relaxed);
        let t = Instant::now();
        let page = service
            .list(Source::Local, query, None)
            .await
            .expect("list");
        let us = t.elapsed().as_micros() as u64;
        assert!(!page.rooms.is_empty());
        phases.list.0.push(us);
        if during_write {
            phases.list_writing.0.push(us);
        }
        tokio::time::sleep(PAUSE).await;

        let id = &ids[(i * 7919) % ids.len()];
        let during_write = writing.load(Ordering::Relaxed);
        let t = Instant::now();
        service.get(Source::Local, id).await.expect("get");
        let us = t.elapsed().as_micros() as u64;
        phases.get.0.push(us);
        if during_write {
            phases.get_writing.0.push(us);
        }
        tokio::time::sleep(PAUSE).await;
        i += 1;
    }
    phases
}

async fn run() {
    let rooms: usize = std::env::var("ROOMDESK_BENCH_ROOMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let emulator = spawn(
        "127.0.0.1:0".parse().unwrap(),
        EmulatorConfig {
            api_key: KEY.to_string(),
            seed_rooms: rooms,
            ..Default::default()
        },
    )
    .await
    .expect("emulator");
    let dir = tempfile::tempdir().unwrap();
    let service = RoomsService::open(ServiceOptions {
        data_dir: dir.path().to_path_buf(),
        remote: Some(ClientConfig::new(emulator.base_url(), KEY)),
        server: None,
    })
    .unwrap();
    let t = Instant::now();
    let first = service.sync(&|_| {}).await.expect("first sync");
    assert_eq!(first.pulled, rooms as u64);
    println!(
        "{rooms} rooms on the emulator (loopback); first pull into an empty cache {:.2?}",
        t.elapsed()
    );
    let ids: Arc<Vec<String>> = Arc::new(emulator.rooms().into_iter().map(|r| r.id).collect());

    // --- idle ----------------------------------------------------------------------------
    let never = Arc::new(AtomicBool::new(false));
    let idle = read_loop(
        service.clone(),
        ids.clone(),
        never.clone(),
        never.clone(),
        Some(IDLE_CALLS),
    )
    .await;

    // --- while pulls run -----------------------------------------------------------------
    let mut during = Phases::default();
    let mut pull_times = Vec::new();
    for round in 0..PULLS {
        for id in ids.iter() {
            let patch = RoomPatch {
                title: Some(format!("Edited elsewhere, round {round}")),
                ..Default::default()
            };
            emulator.server_update(id, &patch).expect("server edit");
        }
        let stop = Arc::new(AtomicBool::new(false));
        let writing = Arc::new(AtomicBool::new(false));
        let reader = tokio::spawn(read_loop(
            service.clone(),
            ids.clone(),
            stop.clone(),
            writing.clone(),
            None,
        ));
        let fetched = Arc::new(AtomicU64::new(0));
        let listed_at = Arc::new(Mutex::new(None::<Instant>));
        let (w, f, at) = (writing.clone(), fetched.clone(), listed_at.clone());
        let total = rooms as u64;
        let progress = move |p: roomdesk_core::SyncProgress| {
            if p.phase == roomdesk_core::SyncPhase::Pull && p.done >= total {
                if !w.swap(true, Ordering::Relaxed) {
                    *at.lock().unwrap() = Some(Instant::now());
                }
                f.store(p.done, Ordering::Relaxed);
            }
        };
        let t = Instant::now();
        let report = service.sync(&progress).await.expect("sync");
        let took = t.elapsed();
        stop.store(true, Ordering::Relaxed);
        let phases = reader.await.unwrap();
        assert!(report.stopped.is_none(), "{:?}", report.stopped);
        assert_eq!(report.pulled, rooms as u64);
        let write_phase = listed_at.lock().unwrap().map(|at| at.elapsed());
        pull_times.push((took, write_phase));
        during.list.0.extend(phases.list.0);
        during.get.0.extend(phases.get.0);
        during.list_writing.0.extend(phases.list_writing.0);
        during.get_writing.0.extend(phases.get_writing.0);
    }
    for (i, (took, write)) in pull_times.iter().enumerate() {
        println!(
            "pull {}: {:.2?} in all, the last {:.2?} after the listing arrived (store write)",
            i + 1,
            took,
            write.unwrap_or_default()
        );
    }

    println!();
    println!("                   p50     p95     max   (calls)");
    println!("list page idle {}", idle.list.figure());
    println!("list page sync {}", during.list.figure());
    println!("  store write  {}", during.list_writing.figure());
    println!("get       idle {}", idle.get.figure());
    println!("get       sync {}", during.get.figure());
    println!("  store write  {}", during.get_writing.figure());
    let worst = [
        &during.list,
        &during.get,
        &during.list_writing,
        &during.get_writing,
    ]
    .iter()
    .map(|s| s.p95_ms())
    .fold(0.0, f64::max);
    println!(
        "goal: p95 ≤ {GOAL_P95_MS} ms while a pull runs (worst row above): {:.2} ms, {}",
        worst,
        if worst <= GOAL_P95_MS { "ok" } else { "MISSED" }
    );
    emulator.shutdown().await;
}
