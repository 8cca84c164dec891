//! Where Roomdesk keeps its data: one data dir, shared by the desktop app and the CLI, with
//! one workspace per server inside it.
//!
//! ```text
//! <data dir>/
//!   workspaces/sandbox/roomdesk.db      the app's built-in Sandbox
//!   workspaces/<server>/roomdesk.db     a server, named after its normalised base URL
//!                                       (https_api.flowla.com-1a2b3c4d)
//!   connection.json, sandbox.db         the app's connection choice and Sandbox rooms
//! ```
//!
//! The data dir is `$ROOMDESK_DATA_DIR` when set, else `com.roomdesk.app` in the platform's
//! data dir (`~/.local/share` on Linux); debug builds use `com.roomdesk.app.dev`, so
//! development never touches real data.
//!
//! Older layouts are moved in when their workspace is first opened (the database, its
//! write-ahead log folded in first, renamed into place; nothing is copied or dropped):
//! - the app's Sandbox database at `<data dir>/roomdesk.db` → `workspaces/sandbox/`;
//! - the app's per-host workspace `<data dir>/flowla/<host>/` → that server's workspace;
//! - the CLI's old data dir (`~/.local/share/roomdesk`, used for every base URL) → the
//!   workspace of `http://127.0.0.1:7878`, the CLI's old default server, when the data
//!   dir is the default one.

use crate::connection::{Server, SANDBOX_SERVER_ID};
use crate::error::{CoreError, Result};
use roomdesk_model::LOCAL_EMULATOR_URL;
use roomdesk_store::{database_path, ensure_data_dir, fold_wal, DB_FILE_NAME};
use std::path::{Path, PathBuf};

/// Overrides the data dir (tests and the end-to-end suites point it at a temp dir).
pub const DATA_DIR_ENV: &str = "ROOMDESK_DATA_DIR";
/// The app identifier, and the name of the data dir in the platform's data dir.
pub const APP_IDENTIFIER: &str = "com.roomdesk.app";
/// The folder of the workspaces inside the data dir.
pub const WORKSPACES_DIR: &str = "workspaces";

/// The data dir: where workspaces live, and (for the default one) where the CLI's older
/// data dir was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
    /// The CLI's data dir before it shared the app's, moved in on first use.
    older_cli_dir: Option<PathBuf>,
}

impl DataDir {
    /// A data dir at `root`, as given (no older CLI data dir is looked for).
    pub fn at(root: impl Into<PathBuf>) -> DataDir {
        DataDir {
            root: root.into(),
            older_cli_dir: None,
        }
    }

    /// `explicit` (a flag) when given, else `$ROOMDESK_DATA_DIR`, else the default one
    /// (which also takes over the CLI's older data dir).
    pub fn resolve(explicit: Option<PathBuf>) -> Result<DataDir> {
        if let Some(dir) = explicit.filter(|d| !d.as_os_str().is_empty()) {
            return Ok(DataDir::at(dir));
        }
        if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
            return Ok(DataDir::at(dir));
        }
        let base = directories::BaseDirs::new().ok_or_else(|| {
            CoreError::InvalidConfig(format!(
                "no home directory found: set {DATA_DIR_ENV} to choose the data dir"
            ))
        })?;
        let name = if cfg!(debug_assertions) {
            format!("{APP_IDENTIFIER}.dev")
        } else {
            APP_IDENTIFIER.to_string()
        };
        Ok(DataDir {
            root: base.data_dir().join(name),
            older_cli_dir: directories::ProjectDirs::from("", "", "Roomdesk")
                .map(|d| d.data_dir().to_path_buf()),
        })
    }

    /// Like [`DataDir::at`], with the CLI's older data dir to take over (tests).
    pub fn with_older_cli_dir(mut self, dir: impl Into<PathBuf>) -> DataDir {
        self.older_cli_dir = Some(dir.into());
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The workspace directory of a server.
    pub fn workspace_dir(&self, server: &Server) -> PathBuf {
        self.root.join(WORKSPACES_DIR).join(workspace_name(server))
    }

    /// The workspace directory of a server, created, with an older layout's database
    /// moved in when the workspace has none yet.
    pub(crate) fn prepare_workspace(&self, server: &Server) -> Result<PathBuf> {
        let dir = self.workspace_dir(server);
        ensure_data_dir(&dir)?;
        if !database_path(&dir).exists() {
            let older = self.older_databases(server);
            if let Some(found) = older.iter().find(|p| p.is_file()) {
                move_database(found, &dir)?;
                tracing::info!(
                    "moved the workspace of {} from {} to {}",
                    server.id(),
                    found.display(),
                    dir.display()
                );
            }
        }
        Ok(dir)
    }

    /// Where older versions kept this server's database, in the order they are tried.
    fn older_databases(&self, server: &Server) -> Vec<PathBuf> {
        let mut found = Vec::new();
        match server {
            Server::Sandbox => found.push(self.root.join(DB_FILE_NAME)),
            Server::Api(url) => {
                found.push(
                    self.root
                        .join("flowla")
                        .join(older_host_dir(url))
                        .join(DB_FILE_NAME),
                );
                if url == LOCAL_EMULATOR_URL {
                    if let Some(cli) = &self.older_cli_dir {
                        found.push(cli.join(DB_FILE_NAME));
                    }
                }
            }
        }
        found
    }
}

/// The folder name of a server's workspace: `sandbox`, or the base URL spelled with file
/// name characters plus a short hash of it (two URLs that spell alike stay apart).
pub fn workspace_name(server: &Server) -> String {
    match server {
        Server::Sandbox => SANDBOX_SERVER_ID.to_string(),
        Server::Api(url) => {
            let readable: String = url
                .replacen("://", "_", 1)
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                        c.to_ascii_lowercase()
                    } else {
                        '_'
                    }
                })
                .collect();
            format!("{readable}-{:08x}", fnv1a(url.as_bytes()))
        }
    }
}

/// FNV-1a, 32 bits: stable across builds and platforms (std's hasher is not).
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |hash, b| {
        (hash ^ u32::from(*b)).wrapping_mul(0x0100_0193)
    })
}

/// How the app named a server's folder before workspaces: its URL without the scheme.
fn older_host_dir(url: &str) -> String {
    url.trim_start_matches("https://")
        .trim_start_matches("http://")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Moves a database file into `to_dir`: its write-ahead log is folded in first, so the
/// file alone holds every commit; then one rename. A crash leaves it in one place or the
/// other, whole.
fn move_database(from: &Path, to_dir: &Path) -> Result<()> {
    if !fold_wal(from)? {
        return Err(CoreError::Busy(format!(
            "{} is in use by another Roomdesk: close it, then try again (it is moved into {} on first open)",
            from.display(),
            to_dir.display()
        )));
    }
    let to = database_path(to_dir);
    if let Err(e) = std::fs::rename(from, &to) {
        // Another process moved it first.
        if to.is_file() && !from.exists() {
            return Ok(());
        }
        return Err(CoreError::Storage(format!(
            "could not move {} to {}: {e}",
            from.display(),
            to.display()
        )));
    }
    for leftover in ["-wal", "-shm"] {
        let mut name = from.as_os_str().to_owned();
        name.push(leftover);
        match std::fs::remove_file(PathBuf::from(name)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => tracing::warn!(
                "could not remove the emptied log of {}: {e}",
                from.display()
            ),
        }
    }
    for dir in [Some(to_dir), from.parent()].into_iter().flatten() {
        if let Err(e) = std::fs::File::open(dir).and_then(|d| d.sync_all()) {
            tracing::warn!("could not flush {}: {e}", dir.display());
        }
    }
    Ok(())
}
