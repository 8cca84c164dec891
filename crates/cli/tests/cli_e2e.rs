//! The `roomdesk` binary end to end against a real emulator on 127.0.0.1:0.

// Test code: a failed step is a failed test (helpers too, not only #[test] bodies).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use roomdesk_emulator::{EmulatorConfig, EmulatorHandle};
use roomdesk_model::{sort_rooms, Room, SortDirection, SortField};
use serde_json::Value;
use std::path::Path;
use std::process::Output;

const BIN: &str = env!("CARGO_BIN_EXE_roomdesk");
const KEY: &str = "cli-test-key";

async fn emulator(seed_rooms: usize) -> EmulatorHandle {
    roomdesk_emulator::spawn(
        "127.0.0.1:0".parse().unwrap(),
        EmulatorConfig {
            api_key: KEY.into(),
            seed_rooms,
            rng_seed: 23,
            ..Default::default()
        },
    )
    .await
    .unwrap()
}

async fn roomdesk(emulator: &EmulatorHandle, data_dir: &Path, args: &[&str]) -> Output {
    tokio::process::Command::new(BIN)
        .args(args)
        .env("FLOWLA_BASE_URL", emulator.base_url())
        .env("FLOWLA_API_KEY", KEY)
        .env("ROOMDESK_DATA_DIR", data_dir)
        .output()
        .await
        .expect("roomdesk runs")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_list_and_refuse_bad_input_from_the_command_line() {
    let emu = emulator(25).await;
    let dir = tempfile::tempdir().unwrap();

    let out = roomdesk(
        &emu,
        dir.path(),
        &[
            "rooms",
            "create",
            "--title",
            "Acme Corp – Onboarding",
            "--theme-color",
            "#FF5500",
            "--json",
        ],
    )
    .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let created = json(&out);
    assert_eq!(created["title"], "Acme Corp – Onboarding");
    assert_eq!(created["themeColor"], "#FF5500");
    let id = created["id"].as_str().unwrap().to_string();
    let on_server: Vec<Room> = emu.rooms().into_iter().filter(|r| r.id == id).collect();
    assert_eq!(on_server.len(), 1);
    assert_eq!(on_server[0].title, "Acme Corp – Onboarding");

    let out = roomdesk(
        &emu,
        dir.path(),
        &[
            "rooms",
            "list",
            "--sort-by",
            "updatedAt",
            "--sort-direction",
            "ASC",
            "--limit",
            "20",
            "--page",
            "2",
            "--json",
        ],
    )
    .await;
    assert!(out.status.success());
    let listed: Vec<String> = json(&out)["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let mut expected = emu.rooms();
    sort_rooms(&mut expected, SortField::UpdatedAt, SortDirection::Asc);
    let expected: Vec<String> = expected
        .iter()
        .skip(20)
        .take(20)
        .map(|r| r.id.clone())
        .collect();
    assert_eq!(listed, expected);

    // A bad color: non-zero exit, one line naming the field, nothing sent.
    let before = emu.rooms().len();
    let out = roomdesk(
        &emu,
        dir.path(),
        &["rooms", "create", "--theme-color", "red"],
    )
    .await;
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("themeColor"), "{stderr}");
    let out = roomdesk(
        &emu,
        dir.path(),
        &["rooms", "update", &id, "--nav-color", "blue", "--json"],
    )
    .await;
    assert_eq!(out.status.code(), Some(2));
    let err: Value = serde_json::from_slice(&out.stderr).expect("JSON error");
    assert_eq!(err["code"], "validation");
    assert_eq!(err["field"], "navColor");
    assert_eq!(err["retryable"], false);
    assert_eq!(emu.rooms().len(), before);

    // Unknown room: its own exit code.
    let out = roomdesk(&emu, dir.path(), &["rooms", "get", "rm_nope"]).await;
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rm_nope"));
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drafts_sync_and_show_in_the_outbox_from_the_command_line() {
    let emu = emulator(5).await;
    let dir = tempfile::tempdir().unwrap();
    let out = roomdesk(
        &emu,
        dir.path(),
        &[
            "rooms",
            "create",
            "--source",
            "local",
            "--title",
            "Draft – CLI",
            "--cover-disabled",
            "true",
            "--json",
        ],
    )
    .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(json(&out)["id"].as_str().unwrap().starts_with("draft-"));
    assert_eq!(emu.rooms().len(), 5, "a draft stays local");

    let out = roomdesk(&emu, dir.path(), &["outbox", "--json"]).await;
    assert_eq!(json(&out)["entries"].as_array().unwrap().len(), 1);

    let out = roomdesk(&emu, dir.path(), &["sync", "--json"]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out);
    assert_eq!(report["pushed"].as_array().unwrap().len(), 1);
    assert_eq!(report["outboxRemaining"], 0);
    let drafts: Vec<Room> = emu
        .rooms()
        .into_iter()
        .filter(|r| r.title == "Draft – CLI")
        .collect();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].cover_disabled, Some(true));

    let out = roomdesk(
        &emu,
        dir.path(),
        &[
            "rooms",
            "list",
            "--source",
            "local",
            "--search",
            "draft cli",
        ],
    )
    .await;
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.lines().next().unwrap().starts_with("ID"), "{table}");
    assert!(table.contains(&drafts[0].id), "{table}");
    emu.shutdown().await;
}
