//! Bulk re-brand of 1,000 rooms (issue 10): prints figures beside a baseline measured in
//! the same run; asserts nothing about time.
//!
//! 1. "Save as pending edits": one palette recorded on 1,000 cached rooms in one
//!    transaction (`save_pending_edits`), beside the same edit made room by room
//!    (`update(Source::Local, ..)` × 1,000, one transaction each). Goal: ≤ 1 s.
//! 2. "Apply now" against the emulator at its rate limit: the 1,000 pending edits sent
//!    (`send_pending_edits`), counting the 429 answers the emulator gave (each waited out
//!    by the client as `Retry-After` says: every room must end `Sent`, none left
//!    pending), the time, and the progress reports (count and the longest gap between
//!    two). Run twice: the client unpaced (it meets 429s) and paced to the same limit
//!    (`requests_per_minute`: it should meet none).
//!
//! `cargo bench -p roomdesk-core --bench bulk_rebrand` (ROOMDESK_BENCH_ROOMS, default
//! 1,000; ROOMDESK_BENCH_RATE, the emulator's requests per minute, default 6,000).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark binary: failing loudly is right

use roomdesk_client::ClientConfig;
use roomdesk_core::{palette_patch, BulkStatus, Palette, RoomsService, ServiceOptions, Source};
use roomdesk_emulator::{spawn, EmulatorConfig, EmulatorHandle, Faults};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const KEY: &str = "bench-key";
const RUNS: usize = 3;
const GOAL_SAVE: Duration = Duration::from_secs(1);

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!(
            "bulk re-brand benchmark: run `cargo bench -p roomdesk-core --bench bulk_rebrand`"
        );
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(run());
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn palette(i: usize) -> Palette {
    Palette {
        name: format!("Bench {i}"),
        theme_color: format!("#{:06X}", 0x102030 + i * 0x010101),
        nav_color: if i.is_multiple_of(2) {
            "flow-org-color".into()
        } else {
            "#0F2E1A".into()
        },
        cover_title: None,
        cover_description: None,
        cover_disabled: Some(i.is_multiple_of(2)),
    }
}

/// A service on a fresh data dir, its cache filled by one pull from `emulator`.
async fn synced_service(config: ClientConfig) -> (tempfile::TempDir, RoomsService) {
    let dir = tempfile::tempdir().unwrap();
    let service = RoomsService::open(ServiceOptions {
        data_dir: dir.path().to_path_buf(),
        remote: Some(config),
        server: None,
    })
    .unwrap();
    service.sync(&|_| {}).await.expect("first pull");
    (dir, service)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

async fn run() {
    let rooms = env_number("ROOMDESK_BENCH_ROOMS", 1_000);
    let rate = env_number("ROOMDESK_BENCH_RATE", 6_000) as u32;
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
    let ids: Vec<String> = emulator.rooms().into_iter().map(|r| r.id).collect();
    let config = ClientConfig::new(emulator.base_url(), KEY);

    // --- 1. Save as pending edits ---------------------------------------------------------
    let (_bulk_dir, bulk) = synced_service(config.clone()).await;
    let (_one_dir, one_by_one) = synced_service(config.clone()).await;
    let mut bulk_times = Vec::new();
    let mut single_times = Vec::new();
    for run in 0..RUNS {
        let patch = palette_patch(&palette(run));
        let t = Instant::now();
        let saved = bulk
            .save_pending_edits(ids.clone(), patch.clone())
            .await
            .expect("bulk save");
        bulk_times.push(t.elapsed());
        assert_eq!(saved.saved as usize, rooms);

        let t = Instant::now();
        for id in &ids {
            one_by_one
                .update(Source::Local, id, patch.clone())
                .await
                .expect("single edit");
        }
        single_times.push(t.elapsed());
    }
    assert_eq!(bulk.outbox().unwrap().len(), rooms);
    let (b, s) = (median(bulk_times.clone()), median(single_times.clone()));
    println!(
        "bulk re-brand: {rooms} rooms, a palette (theme, nav, cover shown/hidden) as pending edits"
    );
    println!(
        "  save_pending_edits (one transaction)   median {:>9.2?} (runs {:?}) goal ≤ {:?}: {}",
        b,
        bulk_times,
        GOAL_SAVE,
        if b <= GOAL_SAVE { "met" } else { "NOT met" }
    );
    println!(
        "  baseline: update(Local) × {rooms}          median {:>9.2?} (runs {:?}) ({:.1}× the bulk time)",
        s,
        single_times,
        s.as_secs_f64() / b.as_secs_f64().max(1e-9)
    );

    // --- 2. Apply now at the emulator's rate limit ----------------------------------------
    println!(
        "apply now: {rooms} pending edits sent to the emulator limited to {rate} requests/min \
         (a bucket of {}, {} a second); 2 requests per room (read, then update)",
        (rate / 60).max(1),
        rate / 60
    );
    send_at_limit(&emulator, &bulk, &ids, rate, "client unpaced").await;
    // Another palette, sent with the client paced to the same limit.
    bulk.save_pending_edits(ids.clone(), palette_patch(&palette(RUNS + 1)))
        .await
        .expect("second bulk save");
    let mut paced = config.clone();
    paced.requests_per_minute = Some(rate);
    bulk.set_remote(Some(paced)).unwrap();
    send_at_limit(&emulator, &bulk, &ids, rate, "client paced to the limit").await;
    emulator.shutdown().await;
}

async fn send_at_limit(
    emulator: &EmulatorHandle,
    service: &RoomsService,
    ids: &[String],
    rate: u32,
    label: &str,
) {
    emulator.set_faults(Faults {
        rate_limit_per_minute: Some(rate),
        ..Default::default()
    });
    let limited_before = emulator.stats().rate_limited;
    let requests_before = emulator.stats().requests;
    let reports = Mutex::new(Vec::<(Instant, u64)>::new());
    let t = Instant::now();
    let results = service
        .send_pending_edits(ids.to_vec(), &|p| {
            reports.lock().unwrap().push((Instant::now(), p.done))
        })
        .await
        .expect("send");
    let took = t.elapsed();
    emulator.set_faults(Faults::default());
    let stats = emulator.stats();
    let sent = results
        .iter()
        .filter(|r| r.status == BulkStatus::Sent)
        .count();
    let reports = reports.into_inner().unwrap();
    let longest_gap = reports
        .windows(2)
        .map(|w| w[1].0 - w[0].0)
        .max()
        .unwrap_or_default();
    let left = service.outbox().unwrap().len();
    println!(
        "  {label:<26} {took:>9.2?}: {sent}/{} sent, {left} left pending; 429 answers {} (each retried), \
         requests {}; progress reports {} (last {}), longest gap {:.2?}",
        ids.len(),
        stats.rate_limited - limited_before,
        stats.requests - requests_before,
        reports.len(),
        reports.last().map_or(0, |r| r.1),
        longest_gap,
    );
    assert_eq!(sent, ids.len(), "every room sent: no 429 left unretried");
    assert_eq!(left, 0);
}
