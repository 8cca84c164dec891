//! `list_all` of 10,000 rooms behind 50 ms of latency: a sequential page-by-page walk
//! (limit 100) versus `list_all` with bounded concurrency, in the same run, against the
//! same emulator, whose rate limit is set to the client's `requests_per_minute`.
//! Prints figures; asserts nothing about time (goals: ≥ 5× faster, zero 429s).
//!
//! `cargo bench -p roomdesk-client --bench list_all`

#![allow(clippy::unwrap_used, clippy::expect_used)]

use roomdesk_client::{ClientConfig, FlowlaClient};
use roomdesk_emulator::{spawn, EmulatorConfig, Faults};
use roomdesk_model::{ListQuery, SortDirection, SortField};
use std::time::{Duration, Instant};

const ROOMS: usize = 10_000;
const LATENCY_MS: u64 = 50;
const REQUESTS_PER_MINUTE: u32 = 12_000;
const CONCURRENCY: usize = 10;
const KEY: &str = "bench-key";

fn main() {
    // `cargo test --all-targets` runs bench binaries without `--bench`: a benchmark is not
    // a test, so it only says how to run it.
    if !std::env::args().any(|a| a == "--bench") {
        println!("list_all benchmark: run `cargo bench -p roomdesk-client --bench list_all`");
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(run());
}

async fn run() {
    let started = Instant::now();
    let emulator = spawn(
        "127.0.0.1:0".parse().unwrap(),
        EmulatorConfig {
            api_key: KEY.to_string(),
            seed_rooms: ROOMS,
            faults: Faults {
                latency_ms: LATENCY_MS,
                rate_limit_per_minute: Some(REQUESTS_PER_MINUTE),
                ..Default::default()
            },
            ..Default::default()
        },
    )
    .await
    .expect("emulator");
    println!(
        "emulator: {ROOMS} generated rooms, {LATENCY_MS} ms latency, rate limit {REQUESTS_PER_MINUTE}/min (ready in {:.2?})",
        started.elapsed()
    );

    let mut config = ClientConfig::new(emulator.base_url(), KEY);
    config.max_backoff = Duration::from_secs(2);
    let sequential_client = FlowlaClient::new(config.clone()).unwrap();
    config.concurrency = CONCURRENCY;
    config.requests_per_minute = Some(REQUESTS_PER_MINUTE);
    let client = FlowlaClient::new(config).unwrap();

    // Baseline: one page after the other until a short page.
    let t = Instant::now();
    let mut sequential = Vec::new();
    let mut pages = 0;
    for page in 1.. {
        let q = ListQuery {
            page,
            limit: 100,
            sort_by: SortField::UpdatedAt,
            sort_direction: SortDirection::Desc,
        };
        let rooms = sequential_client.list_rooms(&q).await.expect("page");
        pages += 1;
        let short = rooms.len() < 100;
        sequential.extend(rooms);
        if short {
            break;
        }
    }
    let sequential_time = t.elapsed();

    let before = emulator.stats();
    let t = Instant::now();
    let all = client
        .list_all(SortField::UpdatedAt, SortDirection::Desc, &|_| {})
        .await
        .expect("list_all");
    let concurrent_time = t.elapsed();
    let after = emulator.stats();

    let same =
        all.len() == sequential.len() && all.iter().zip(&sequential).all(|(a, b)| a.id == b.id);
    println!(
        "sequential walk:  {:>8.1} ms  ({pages} requests, {} rooms)",
        ms(sequential_time),
        sequential.len()
    );
    println!(
        "list_all:         {:>8.1} ms  ({} requests, {} rooms, concurrency {CONCURRENCY}, pacing {REQUESTS_PER_MINUTE}/min)",
        ms(concurrent_time),
        after.requests - before.requests,
        all.len()
    );
    println!(
        "speed-up:         {:>8.2}x  (goal >= 5x)",
        sequential_time.as_secs_f64() / concurrent_time.as_secs_f64()
    );
    println!(
        "429s in list_all: {:>8}    (goal 0; whole run: {})",
        after.rate_limited - before.rate_limited,
        after.rate_limited
    );
    println!("same rooms, same order as the sequential walk: {same}");
    emulator.shutdown().await;
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
