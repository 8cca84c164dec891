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

    let dir = tempfile::tempdir().unwrap();
    let state_file = dir.path().join("sandbox.db");
    for (label, state_file) in [("in memory", None), ("state file", Some(state_file))] {
        let t = Instant::now();
        let emu = spawn(
            "127.0.0.1:0".parse().unwrap(),
            EmulatorConfig {
                api_key: KEY.into(),
                seed_rooms: 10_000,
                state_file: state_file.clone(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        println!("[{label}] start with 10,000 new rooms: {:?}", t.elapsed());
        walk_and_write(label, &emu).await;
        emu.shutdown().await;
        if let Some(path) = state_file {
            let t = Instant::now();
            let state = roomdesk_emulator::read_state(&path).unwrap();
            println!(
                "[{label}] open the 10,000-room state file again: {:?}",
                t.elapsed()
            );
            assert!(state.is_loaded());
        }
    }
}

async fn walk_and_write(label: &str, emu: &roomdesk_emulator::EmulatorHandle) {
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
                "[{label}] list 10,000 rooms by {sort} {dir}, 100 pages of 100: first walk {first:?}, again {again:?} ({n} rooms)"
            );
        }
    }
    // Writes: 50 title edits, each answered after the room is stored.
    let ids: Vec<String> = emu.rooms().into_iter().take(50).map(|r| r.id).collect();
    let mut times = Vec::new();
    for id in &ids {
        let t = Instant::now();
        let status = http
            .patch(format!("{base}/api/v2/rooms/{id}"))
            .header("x-flowla-api-key", KEY)
            .json(&serde_json::json!({"title": "bench"}))
            .send()
            .await
            .unwrap()
            .status();
        times.push(t.elapsed());
        assert!(status.is_success());
    }
    times.sort();
    println!(
        "[{label}] edit a room (PATCH), median of 50: {:?}",
        times[times.len() / 2]
    );
    let t = Instant::now();
    http.get(format!("{base}/api/v2/rooms?page=50&limit=100"))
        .header("x-flowla-api-key", KEY)
        .send()
        .await
        .unwrap();
    println!("[{label}] page 50 after a write: {:?}", t.elapsed());
}
