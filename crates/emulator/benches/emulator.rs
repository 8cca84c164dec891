//! Prints how fast the emulator generates rooms and serves listings (no assertions:
//! speed is measured, not asserted). `cargo bench -p roomdesk-emulator`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark binary, not product code

use roomdesk_emulator::{generate_rooms, spawn, EmulatorConfig};
use std::time::Instant;

const KEY: &str = "bench-key";

#[tokio::main]
async fn main() {
    for n in [10_000, 100_000] {
        let t = Instant::now();
        let rooms = generate_rooms(n, 42);
        println!(
            "generate_rooms({n}): {:?} ({} rooms)",
            t.elapsed(),
            rooms.len()
        );
    }

    let emu = spawn(
        "127.0.0.1:0".parse().unwrap(),
        EmulatorConfig {
            api_key: KEY.into(),
            seed_rooms: 10_000,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let http = reqwest::Client::new();
    let base = emu.base_url();
    let walk = |sort: &'static str, dir: &'static str| {
        let http = http.clone();
        let base = base.clone();
        async move {
            let t = Instant::now();
            let mut rooms = 0;
            for page in 1..=100 {
                let body: serde_json::Value = http
                    .get(format!(
                        "{base}/api/v2/rooms?page={page}&limit=100&sortBy={sort}&sortDirection={dir}"
                    ))
                    .header("x-flowla-api-key", KEY)
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                rooms += body["results"].as_array().unwrap().len();
            }
            (t.elapsed(), rooms)
        }
    };
    for sort in [
        "createdAt",
        "updatedAt",
        "totalEngagements",
        "lastEngagedAt",
    ] {
        for dir in ["ASC", "DESC"] {
            let (first, n) = walk(sort, dir).await;
            let (again, _) = walk(sort, dir).await;
            println!(
                "list 10,000 rooms by {sort} {dir}, 100 pages of 100: first walk {first:?}, cached {again:?} ({n} rooms)"
            );
        }
    }
    // One write invalidates the cached orders: the next page pays for one sort.
    let id = emu.rooms()[0].id.clone();
    http.patch(format!("{base}/api/v2/rooms/{id}"))
        .header("x-flowla-api-key", KEY)
        .json(&serde_json::json!({"title": "bench"}))
        .send()
        .await
        .unwrap();
    let t = Instant::now();
    http.get(format!("{base}/api/v2/rooms?page=50&limit=100"))
        .header("x-flowla-api-key", KEY)
        .send()
        .await
        .unwrap();
    println!(
        "first page after a write (re-sort of 10,000): {:?}",
        t.elapsed()
    );
    emu.shutdown().await;
}
