//! After a session through the real command layer with a distinctive API key, the key is
//! nowhere but the secret store: not in SQLite, not in any file of the data dir, not in
//! the logs (captured at TRACE, every crate), not in anything the webview received.

use super::harness::{flowla_server, Harness};
use serde_json::json;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};

const KEY: &str = "rdk-LEAKCHECK-7f3a9c1e5b2d";

/// Log output of the whole process (every thread), kept in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every file under `dir` (SQLite database, WAL, sandbox state, settings…).
fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

/// The files under `dir` holding `needle`.
fn files_containing(dir: &Path, needle: &[u8]) -> Vec<String> {
    files_under(dir)
        .into_iter()
        .filter(|path| contains(&std::fs::read(path).unwrap(), needle))
        .map(|path| path.display().to_string())
        .collect()
}

#[test]
fn the_api_key_never_leaves_the_secret_store() {
    let logs = Captured::default();
    let writer = logs.clone();
    tracing_subscriber::fmt()
        .with_env_filter("trace")
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();

    let server = flowla_server(KEY, 25);
    let h = Harness::new();
    let mut seen_by_ui = String::new();
    let mut call = |cmd: &str, args: serde_json::Value| {
        let answer = h.invoke(cmd, args);
        seen_by_ui.push_str(&format!("{cmd}: {answer:?}\n"));
        answer
    };

    // A whole session: connect, store the key, use every kind of command.
    call(
        "set_connection",
        json!({"kind": "flowla", "baseUrl": server.base_url()}),
    )
    .unwrap();
    call("set_api_key", json!({"key": "not-the-key-1"})).unwrap();
    call("test_connection", json!({})).unwrap();
    let info = call("set_api_key", json!({"key": KEY})).unwrap();
    assert_eq!(info["keyHint"], "5b2d");
    assert_eq!(call("test_connection", json!({})).unwrap()["ok"], true);
    call("get_connection", json!({})).unwrap();
    let page = call(
        "list_rooms",
        json!({"source": "remote", "query": {"limit": 10}}),
    )
    .unwrap();
    let id = page["rooms"][0]["room"]["id"].as_str().unwrap().to_string();
    call("get_room", json!({"source": "remote", "id": id})).unwrap();
    call(
        "update_room",
        json!({"source": "remote", "id": id, "patch": {"title": "Edited online"}}),
    )
    .unwrap();
    call(
        "update_room",
        json!({"source": "local", "id": id, "patch": {"coverTitle": "Edited offline"}}),
    )
    .unwrap();
    call(
        "create_room",
        json!({"source": "local", "body": {"title": "Draft room"}}),
    )
    .unwrap();
    call("outbox", json!({})).unwrap();
    call("sync", json!({"onProgress": "__CHANNEL__:3"})).unwrap();
    call("conflicts", json!({})).unwrap();
    call("list_rooms", json!({"source": "local", "search": "Edited"})).unwrap();
    let _ = call("statuses", json!({}));
    let _ = call("lookup", json!({"kind": "companies"}));
    call("get_app_info", json!({})).unwrap();
    call("set_connection", json!({"kind": "sandbox"})).unwrap();
    call("set_connection", json!({"kind": "flowla"})).unwrap();
    let _ = call("set_api_key", json!({"key": format!("{KEY} with spaces")}));
    call("remove_api_key", json!({})).unwrap();

    let data_dir = h.dir.path().to_path_buf();
    assert!(
        files_under(&data_dir).len() >= 3,
        "the session wrote its database, settings and sandbox state"
    );
    assert!(
        !files_containing(&data_dir, b"Edited online").is_empty(),
        "the scan reads the database files"
    );
    let logged = logs.0.lock().unwrap().clone();
    assert!(contains(&logged, b"roomdesk"), "logs were captured");

    assert_eq!(
        files_containing(&data_dir, KEY.as_bytes()),
        Vec::<String>::new()
    );
    assert!(
        !contains(&logged, KEY.as_bytes()),
        "the key appears in the logs"
    );
    assert!(
        !seen_by_ui.contains(KEY),
        "the key reached the webview: {seen_by_ui}"
    );
    assert!(seen_by_ui.contains("5b2d"), "the UI saw the hint");

    // The checks can fail: plant the key and they find it.
    std::fs::create_dir_all(data_dir.join("planted")).unwrap();
    std::fs::write(
        data_dir.join("planted/blob.bin"),
        [b"\0\x01prefix".as_slice(), KEY.as_bytes(), b"\0"].concat(),
    )
    .unwrap();
    assert_eq!(files_containing(&data_dir, KEY.as_bytes()).len(), 1);
    tracing::info!("planted {KEY}");
    assert!(contains(&logs.0.lock().unwrap(), KEY.as_bytes()));
}
