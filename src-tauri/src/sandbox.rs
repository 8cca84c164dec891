//! The Sandbox: the Flowla emulator running inside the app on loopback, seeded with
//! realistic rooms, so a newcomer can try everything without an account. Its rooms are
//! kept in `<data dir>/sandbox.json` so sandbox edits survive a restart.

use crate::error::{Result, ShellError};
use roomdesk_emulator::{EmulatorConfig, EmulatorHandle};
use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;

/// The Sandbox's API key. Not a secret (the Sandbox only listens on loopback and holds
/// sample data), so it never goes to the keyring.
pub const SANDBOX_API_KEY: &str = "sandbox-key";
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

impl Sandbox {
    /// Starts the Sandbox on `127.0.0.1:port`; when that port is taken (or `port` is 0),
    /// on a free one.
    pub async fn start(data_dir: &Path, port: u16) -> Result<Sandbox> {
        let config = || EmulatorConfig {
            api_key: SANDBOX_API_KEY.to_string(),
            seed_rooms: SANDBOX_SEED_ROOMS,
            state_file: Some(data_dir.join(SANDBOX_STATE_FILE)),
            ..EmulatorConfig::default()
        };
        let addr = |port| SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let handle = match roomdesk_emulator::spawn(addr(port), config()).await {
            Ok(handle) => handle,
            Err(first) if port != 0 => {
                tracing::info!("Sandbox port {port} is not available ({first}); using a free port");
                roomdesk_emulator::spawn(addr(0), config())
                    .await
                    .map_err(|e| ShellError::Sandbox(e.to_string()))?
            }
            Err(e) => return Err(ShellError::Sandbox(e.to_string())),
        };
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
