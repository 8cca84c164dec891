//! What the sync-safety tests share: an emulator on 127.0.0.1:0 and the `roomdesk`
//! binary run against it on one data dir.

use roomdesk_emulator::{EmulatorConfig, EmulatorHandle};
use serde_json::Value;
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::Duration;

pub const BIN: &str = env!("CARGO_BIN_EXE_roomdesk");
pub const KEY: &str = "sync-safety-key";

pub async fn emulator(seed_rooms: usize, rng_seed: u64) -> EmulatorHandle {
    roomdesk_emulator::spawn(
        "127.0.0.1:0".parse().unwrap(),
        EmulatorConfig {
            api_key: KEY.into(),
            seed_rooms,
            rng_seed,
            ..Default::default()
        },
    )
    .await
    .unwrap()
}

/// `roomdesk ARGS` against the emulator, on `data_dir`, not yet started.
pub fn command(emu: &EmulatorHandle, data_dir: &Path, args: &[&str]) -> tokio::process::Command {
    let mut cmd = tokio::process::Command::new(BIN);
    cmd.args(args)
        .env("FLOWLA_BASE_URL", emu.base_url())
        .env("FLOWLA_API_KEY", KEY)
        .env("ROOMDESK_DATA_DIR", data_dir)
        .stdin(Stdio::null())
        .kill_on_drop(true);
    cmd
}

/// Runs `roomdesk ARGS` to the end.
pub async fn roomdesk(emu: &EmulatorHandle, data_dir: &Path, args: &[&str]) -> Output {
    command(emu, data_dir, args)
        .output()
        .await
        .expect("roomdesk runs")
}

/// Runs `roomdesk ARGS --json`, requires success, and parses stdout.
pub async fn roomdesk_json(emu: &EmulatorHandle, data_dir: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = roomdesk(emu, data_dir, &all).await;
    assert!(
        out.status.success(),
        "roomdesk {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout of {args:?} is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// A local draft made with the CLI; returns its id.
pub async fn draft(emu: &EmulatorHandle, data_dir: &Path, fields: &[&str]) -> String {
    let mut args = vec!["rooms", "create", "--source", "local"];
    args.extend_from_slice(fields);
    let view = roomdesk_json(emu, data_dir, &args).await;
    let id = view["id"].as_str().expect("draft id").to_string();
    assert!(id.starts_with("draft-"), "{view}");
    id
}

/// The outbox entries the CLI shows.
pub async fn outbox(emu: &EmulatorHandle, data_dir: &Path) -> Vec<Value> {
    roomdesk_json(emu, data_dir, &["outbox"]).await["entries"]
        .as_array()
        .expect("entries")
        .clone()
}

/// Syncs until the outbox is empty (at most `rounds` syncs); returns the last exit code.
pub async fn sync_until_empty(emu: &EmulatorHandle, data_dir: &Path, rounds: usize) -> i32 {
    let mut code = -1;
    for _ in 0..rounds {
        let out = roomdesk(emu, data_dir, &["sync"]).await;
        code = out.status.code().unwrap_or(-1);
        if out.status.success() && outbox(emu, data_dir).await.is_empty() {
            break;
        }
    }
    code
}

/// Polls `ready` every 10 ms, for at most 30 s (a bound against a hung test, not a
/// timing claim).
pub async fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    for _ in 0..3000 {
        if ready() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("gave up waiting: {what}");
}
