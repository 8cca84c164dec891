//! The Sandbox: the Flowla emulator running inside the app on loopback, seeded with
//! realistic rooms, so a newcomer can try everything without an account. Its rooms are
//! kept in the SQLite database `<data dir>/sandbox.db` so sandbox edits survive a
//! restart (and thousands of rooms stay on disk, not in the app's memory).

use crate::error::{Result, ShellError};
use roomdesk_emulator::{EmulatorConfig, EmulatorError, EmulatorHandle, LoadedState};
use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};

/// The port the Sandbox tries first, so the CLI can reach it at a known address.
pub const SANDBOX_PORT: u16 = 7878;
/// How many rooms a new Sandbox starts with.
pub const SANDBOX_SEED_ROOMS: usize = 500;
/// The file inside the data dir the Sandbox keeps its rooms in.
pub const SANDBOX_STATE_FILE: &str = "sandbox.db";
/// Where earlier versions kept them (JSON); carried over into [`SANDBOX_STATE_FILE`] once.
pub const LEGACY_SANDBOX_STATE_FILE: &str = "sandbox.json";

/// A running Sandbox. Dropping it leaves the server running until the process exits.
pub struct Sandbox {
    handle: EmulatorHandle,
}

/// The Sandbox's state file opened ahead of the Sandbox's start, on another thread while
/// the window's machinery starts (opening has no side effect).
pub struct SandboxRooms {
    state_file: PathBuf,
    read: std::result::Result<LoadedState, EmulatorError>,
}

impl SandboxRooms {
    /// Opens the data dir's Sandbox state file (a missing file is no error: a new
    /// Sandbox is seeded, or an earlier version's rooms carried over, when it starts).
    pub fn read(data_dir: &Path) -> SandboxRooms {
        let state_file = data_dir.join(SANDBOX_STATE_FILE);
        let read = roomdesk_emulator::read_state(&state_file);
        SandboxRooms { state_file, read }
    }
}

impl Sandbox {
    /// Starts the Sandbox of `data_dir`; see [`Sandbox::start_with`].
    pub async fn start(data_dir: &Path, port: u16) -> Result<Sandbox> {
        Sandbox::start_with(SandboxRooms::read(data_dir), port).await
    }

    /// Starts the Sandbox on `127.0.0.1:port` with `rooms`; when that port is taken (or
    /// `port` is 0), on a free one. An unreadable state file is set aside (renamed, not
    /// deleted) and the Sandbox starts afresh: it only holds sample data.
    pub async fn start_with(rooms: SandboxRooms, port: u16) -> Result<Sandbox> {
        let SandboxRooms { state_file, read } = rooms;
        let state = match read {
            Ok(state) if !state.is_loaded() => carry_over_legacy_rooms(&state_file)?,
            Ok(state) => state,
            Err(EmulatorError::StateLoad { reason, .. }) => {
                let aside = set_aside(&state_file)?;
                tracing::warn!(
                    "the Sandbox state could not be read ({reason}); kept it as {} and started a fresh Sandbox",
                    aside.display()
                );
                LoadedState::default()
            }
            Err(other) => return Err(ShellError::Sandbox(other.to_string())),
        };
        let config = EmulatorConfig {
            api_key: roomdesk_model::SANDBOX_API_KEY.to_string(),
            seed_rooms: SANDBOX_SEED_ROOMS,
            state_file: Some(state_file),
            ..EmulatorConfig::default()
        };
        let handle = bind_with_port_fallback(port)
            .await
            .and_then(|listener| roomdesk_emulator::spawn_on(listener, config, state))
            .map_err(|e| ShellError::Sandbox(e.to_string()))?;
        tracing::info!(url = %handle.base_url(), "Sandbox started");
        Ok(Sandbox { handle })
    }

    /// `http://127.0.0.1:PORT`
    pub fn base_url(&self) -> String {
        self.handle.base_url()
    }

    pub fn handle(&self) -> &EmulatorHandle {
        &self.handle
    }
}

async fn bind_with_port_fallback(
    port: u16,
) -> std::result::Result<std::net::TcpListener, EmulatorError> {
    let addr = |port| SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    match roomdesk_emulator::bind(addr(port)).await {
        Err(EmulatorError::Bind { source, .. }) if port != 0 => {
            tracing::info!("Sandbox port {port} is not available ({source}); using a free port");
            roomdesk_emulator::bind(addr(0)).await
        }
        other => other,
    }
}

/// The rooms an earlier version kept in `<data dir>/sandbox.json`, carried over into a new
/// state file at `state_file`; the JSON file is then renamed `sandbox.json.imported`. With
/// no such file, nothing (the Sandbox seeds itself). One that cannot be read is set aside.
fn carry_over_legacy_rooms(state_file: &Path) -> Result<LoadedState> {
    let legacy = state_file.with_file_name(LEGACY_SANDBOX_STATE_FILE);
    if !legacy.exists() {
        return Ok(LoadedState::default());
    }
    match roomdesk_emulator::import_json_state(&legacy, state_file) {
        Ok(n) => {
            // The state file now holds the rooms; a JSON file left in place is ignored
            // from now on, so failing to rename it is no reason to stop the start.
            let done = legacy.with_file_name(format!("{LEGACY_SANDBOX_STATE_FILE}.imported"));
            if let Err(e) = std::fs::rename(&legacy, &done) {
                tracing::warn!("could not rename {} ({e})", legacy.display());
            }
            tracing::info!(
                "carried {n} Sandbox rooms over from {} into {}",
                legacy.display(),
                state_file.display()
            );
            roomdesk_emulator::read_state(state_file)
                .map_err(|e| ShellError::Sandbox(e.to_string()))
        }
        Err(EmulatorError::StateLoad { reason, .. }) => {
            let aside = set_aside(&legacy)?;
            tracing::warn!(
                "the earlier Sandbox rooms could not be read ({reason}); kept them as {} and started a fresh Sandbox",
                aside.display()
            );
            Ok(LoadedState::default())
        }
        Err(other) => Err(ShellError::Sandbox(other.to_string())),
    }
}

/// Renames an unreadable state file to `<its name>.unreadable-<unix seconds>`, with the
/// SQLite write-ahead files beside it (a log left behind would be replayed into the new
/// database of the same name).
fn set_aside(state_file: &Path) -> Result<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let with_suffix = |path: &Path, suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    let aside = with_suffix(state_file, &format!(".unreadable-{secs}"));
    std::fs::rename(state_file, &aside).map_err(|e| ShellError::io("set aside", state_file, e))?;
    for companion in ["-wal", "-shm"] {
        let from = with_suffix(state_file, companion);
        if from.exists() {
            let to = with_suffix(&aside, companion);
            std::fs::rename(&from, &to).map_err(|e| ShellError::io("set aside", &from, e))?;
        }
    }
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_port_falls_back_to_a_free_one() {
        let dir = tempfile::tempdir().unwrap();
        let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = busy.local_addr().unwrap().port();
        let sandbox = tauri::async_runtime::block_on(Sandbox::start(dir.path(), port)).unwrap();
        assert!(sandbox.base_url().starts_with("http://127.0.0.1:"));
        assert_ne!(sandbox.handle().addr().port(), port);
        assert_eq!(sandbox.handle().rooms().len(), SANDBOX_SEED_ROOMS);
    }

    #[test]
    fn rooms_read_ahead_start_the_sandbox_with_them_and_a_missing_file_seeds_one() {
        let dir = tempfile::tempdir().unwrap();
        let ahead = SandboxRooms::read(dir.path());
        assert!(
            ahead.read.as_ref().is_ok_and(|s| !s.is_loaded()),
            "no file yet"
        );
        let first = tauri::async_runtime::block_on(Sandbox::start_with(ahead, 0)).unwrap();
        let seeded: Vec<String> = first.handle().rooms().into_iter().map(|r| r.id).collect();
        assert_eq!(seeded.len(), SANDBOX_SEED_ROOMS);
        assert!(
            dir.path().join(SANDBOX_STATE_FILE).exists(),
            "the seed is written"
        );
        // Read ahead again (as the app does at its next start): the same rooms.
        let again = SandboxRooms::read(dir.path());
        assert!(again.read.as_ref().is_ok_and(LoadedState::is_loaded));
        let second = tauri::async_runtime::block_on(Sandbox::start_with(again, 0)).unwrap();
        let loaded: Vec<String> = second.handle().rooms().into_iter().map(|r| r.id).collect();
        assert_eq!(loaded, seeded);
    }

    fn names_in(dir: &Path, prefix: &str) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(prefix))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn an_unreadable_state_file_is_kept_aside_and_the_sandbox_starts_fresh() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SANDBOX_STATE_FILE), b"{ not a database").unwrap();
        let sandbox = tauri::async_runtime::block_on(Sandbox::start(dir.path(), 0)).unwrap();
        assert_eq!(sandbox.handle().rooms().len(), SANDBOX_SEED_ROOMS);
        let kept = names_in(dir.path(), "sandbox.db.unreadable-");
        assert_eq!(
            kept.len(),
            1,
            "the unreadable file is kept, renamed: {kept:?}"
        );
        let bytes = std::fs::read(dir.path().join(&kept[0])).unwrap();
        assert_eq!(bytes, b"{ not a database");
    }

    #[test]
    fn a_state_file_set_aside_takes_its_write_ahead_files_along() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join(SANDBOX_STATE_FILE);
        std::fs::write(&state, b"db").unwrap();
        std::fs::write(dir.path().join("sandbox.db-wal"), b"log").unwrap();
        std::fs::write(dir.path().join("sandbox.db-shm"), b"index").unwrap();
        let aside = set_aside(&state).unwrap();
        assert_eq!(names_in(dir.path(), "sandbox.db-"), Vec::<String>::new());
        let name = aside.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(
            names_in(dir.path(), "sandbox.db"),
            vec![name.clone(), format!("{name}-shm"), format!("{name}-wal")]
        );
        assert_eq!(
            std::fs::read(format!("{}-wal", aside.display())).unwrap(),
            b"log"
        );
    }

    #[test]
    fn an_earlier_versions_json_rooms_are_carried_over_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut rooms = roomdesk_emulator::generate_rooms(3, 5);
        rooms[1].title = "Kept from before – 以前".into();
        let json = serde_json::json!({"version": 1, "rooms": rooms}).to_string();
        std::fs::write(dir.path().join(LEGACY_SANDBOX_STATE_FILE), json).unwrap();
        let first = tauri::async_runtime::block_on(Sandbox::start(dir.path(), 0)).unwrap();
        assert_eq!(first.handle().rooms(), rooms);
        assert_eq!(
            names_in(dir.path(), "sandbox.json"),
            vec!["sandbox.json.imported".to_string()]
        );
        // The next start reads the database, not the JSON file again.
        let again = tauri::async_runtime::block_on(Sandbox::start(dir.path(), 0)).unwrap();
        assert_eq!(again.handle().rooms(), rooms);
    }

    #[test]
    fn unreadable_json_rooms_are_set_aside_and_the_sandbox_seeds_itself() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(LEGACY_SANDBOX_STATE_FILE), b"{ broken").unwrap();
        let sandbox = tauri::async_runtime::block_on(Sandbox::start(dir.path(), 0)).unwrap();
        assert_eq!(sandbox.handle().rooms().len(), SANDBOX_SEED_ROOMS);
        let kept = names_in(dir.path(), "sandbox.json");
        assert_eq!(kept.len(), 1);
        assert!(kept[0].starts_with("sandbox.json.unreadable-"), "{kept:?}");
    }
}
