//! A draft made against one server never reaches another: each server has its own
//! workspace in the data dir, and a workspace carried over to another server is refused.

use crate::fixture::{command, draft, emulator, roomdesk, roomdesk_json};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draft_made_against_one_server_never_reaches_another() {
    let a = emulator(0, 81).await;
    let b = emulator(0, 82).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();

    draft(&a, data, &["--title", "Only for A"]).await;
    // The same data dir, another server: its workspace has nothing to send.
    let synced = roomdesk_json(&b, data, &["sync"]).await;
    assert!(b.rooms().is_empty(), "B received {synced}");
    let listed = roomdesk_json(&b, data, &["rooms", "list", "--source", "local"]).await;
    assert_eq!(listed["total"], 0, "{listed}");
    assert!(a.rooms().is_empty(), "nothing sent before A's sync");

    roomdesk_json(&a, data, &["sync"]).await;
    let rooms = a.rooms();
    assert_eq!(rooms.len(), 1, "{rooms:?}");
    assert_eq!(rooms[0].title, "Only for A");
    assert!(b.rooms().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_workspace_carried_over_to_another_server_refuses_to_sync() {
    let a = emulator(0, 83).await;
    let b = emulator(0, 84).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    draft(&a, data, &["--title", "Bound to A"]).await;
    // Make B's workspace a copy of A's (a folder copied or renamed by hand).
    roomdesk_json(&b, data, &["outbox"]).await;
    let workspaces: Vec<_> = std::fs::read_dir(data.join("workspaces"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(workspaces.len(), 2, "{workspaces:?}");
    let port = |url: String| url.rsplit(':').next().unwrap().to_string();
    let (a_port, b_port) = (port(a.base_url()), port(b.base_url()));
    let find = |p: &str| {
        workspaces
            .iter()
            .find(|w| w.to_string_lossy().contains(&format!("_{p}-")))
            .unwrap()
            .clone()
    };
    let (a_dir, b_dir) = (find(&a_port), find(&b_port));
    for name in ["roomdesk.db-wal", "roomdesk.db-shm"] {
        let _ = std::fs::remove_file(b_dir.join(name));
    }
    std::fs::copy(a_dir.join("roomdesk.db"), b_dir.join("roomdesk.db")).unwrap();

    let out = roomdesk(&b, data, &["sync", "--json"]).await;
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let error: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(error["code"], "wrong_server", "{error}");
    assert!(
        error["message"].as_str().unwrap().contains(&a.base_url()),
        "names the workspace's server: {error}"
    );
    assert!(b.rooms().is_empty(), "B received nothing");
    // Local work stays readable, and A still gets its draft.
    let listed = command(&b, data, &["rooms", "list", "--source", "local", "--json"])
        .output()
        .await
        .unwrap();
    assert!(listed.status.success());
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Bound to A"));
    roomdesk_json(&a, data, &["sync"]).await;
    assert_eq!(a.rooms().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sandbox_draft_never_reaches_a_real_server() {
    // The Sandbox (its own key, its own workspace) and a server the user has a key for.
    let sandbox = roomdesk_emulator::spawn("127.0.0.1:0".parse().unwrap(), Default::default())
        .await
        .unwrap();
    let server = emulator(0, 85).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let in_sandbox = format!("--sandbox={}", sandbox.base_url());

    let made = roomdesk(
        &server,
        data,
        &[
            &in_sandbox,
            "rooms",
            "create",
            "--source",
            "local",
            "--title",
            "Try-out",
        ],
    )
    .await;
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    roomdesk_json(&server, data, &["sync"]).await;
    assert!(
        server.rooms().is_empty(),
        "the real server got the Sandbox's draft"
    );

    let synced = roomdesk(&server, data, &[&in_sandbox, "sync"]).await;
    assert!(
        synced.status.success(),
        "{}",
        String::from_utf8_lossy(&synced.stderr)
    );
    assert!(sandbox.rooms().iter().any(|r| r.title == "Try-out"));
    assert!(server.rooms().is_empty());
    assert!(data
        .join("workspaces")
        .join("sandbox")
        .join("roomdesk.db")
        .is_file());
}
