//! The Sandbox: the Flowla emulator running inside the app on loopback, seeded with
//! realistic rooms, so a newcomer can try everything without an account. Its rooms are
//! kept in `<data dir>/sandbox.json` so sandbox edits survive a restart.

use crate::error::{Result, ShellError};
use roomdesk_emulator::{EmulatorConfig, EmulatorError, EmulatorHandle, LoadedState};
use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};

/// The port the Sandbox tries first, so the CLI can reach it at a known address.
pub const SANDBOX_PORT: u16 = 7878;
/// How many rooms a new Sandbox starts with.
pub const SANDBOX_SEED_ROOMS: usize = 500;
/// The file inside the data dir the Sandbox keeps its rooms in.
pub const SANDBOX_STATE_FILE: &str = "sandbox.json";

/// A running Sandbox. Dropping it leaves the server running until the process exits.
pub struct Sandbox {
    handle: EmulatorHandle,
}

/// The Sandbox's rooms as read from `<data dir>/sandbox.json`, before the Sandbox starts.
/// Parsing thousands of rooms is the slow part of starting it and has no side effect, so
/// the app reads them on another thread while the window's machinery starts.
pub struct SandboxRooms {
    state_file: PathBuf,
    read: std::result::Result<LoadedState, EmulatorError>,
}

impl SandboxRooms {
    /// Reads the data dir's Sandbox rooms (a missing file is no error: a new Sandbox is
    /// seeded when it starts).
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

/// Renames an unreadable state file to `sandbox.json.unreadable-<unix seconds>`.
fn set_aside(state_file: &Path) -> Result<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let aside = state_file.with_extension(format!("json.unreadable-{secs}"));
    std::fs::rename(state_file, &aside).map_err(|e| ShellError::io("set aside", state_file, e))?;
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

    #[test]
    fn an_unreadable_state_file_is_kept_aside_and_the_sandbox_starts_fresh() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SANDBOX_STATE_FILE), b"{ not json").unwrap();
        let sandbox = tauri::async_runtime::block_on(Sandbox::start(dir.path(), 0)).unwrap();
        assert_eq!(sandbox.handle().rooms().len(), SANDBOX_SEED_ROOMS);
        let kept: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("sandbox.json.unreadable-"))
            .collect();
        assert_eq!(kept.len(), 1, "the unreadable file is kept, renamed");
        let bytes = std::fs::read(dir.path().join(&kept[0])).unwrap();
        assert_eq!(bytes, b"{ not json");
    }
}
