//! The app's state: the data dir, the secret store, the Sandbox, and the rooms service
//! for the active connection (swapped when the user switches connection).

use crate::connection::{
    normalize_api_key, normalize_base_url, ConnectionInfo, ConnectionKind, ConnectionSettings,
    ConnectionTest,
};
use crate::error::{Result, ShellError};
use crate::sandbox::{Sandbox, SandboxRooms};
use crate::secrets::{key_hint, SecretStore};
use roomdesk_client::{ClientConfig, FlowlaClient};
use roomdesk_core::{Connection, CoreError, DataDir, RoomsService};
use roomdesk_model::ListQuery;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;
use ts_rs::TS;

/// Where the app keeps its data: `$ROOMDESK_DATA_DIR`, else `com.roomdesk.app` in the
/// platform's data dir (`com.roomdesk.app.dev` for debug builds). The CLI uses the same one
/// (the rule is the core's [`DataDir::resolve`]).
pub fn default_data_dir() -> Result<PathBuf> {
    Ok(DataDir::resolve(None)?.root().to_path_buf())
}

/// Facts for the About/settings page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub sandbox_url: String,
    /// Where API keys are kept ("os keyring", or "memory" in tests).
    pub key_store: String,
    /// True for a debug build (its data dir is kept apart from the release app's).
    pub dev_build: bool,
}

/// How `AppState::open` starts.
pub struct StateOptions {
    pub data_dir: PathBuf,
    pub secrets: Arc<dyn SecretStore>,
    /// Port the Sandbox tries first (0: any free port).
    pub sandbox_port: u16,
    /// The Sandbox's rooms when already read (the app reads them while its window's
    /// machinery starts); `None` reads them in [`AppState::open`].
    pub sandbox_rooms: Option<SandboxRooms>,
}

pub struct AppState {
    env: Env,
    active: RwLock<Active>,
}

/// What does not change while the app runs.
struct Env {
    data_dir: PathBuf,
    /// The data dir as the core lays it out: one workspace per server.
    workspaces: DataDir,
    secrets: Arc<dyn SecretStore>,
    sandbox: Sandbox,
}

struct Active {
    settings: ConnectionSettings,
    service: RoomsService,
}

fn poisoned() -> ShellError {
    ShellError::Core(CoreError::InvalidConfig(
        "the app state lock was poisoned".into(),
    ))
}

impl AppState {
    /// Creates the data dir, starts the Sandbox and opens the service for the saved connection.
    pub async fn open(options: StateOptions) -> Result<AppState> {
        let data_dir = options.data_dir;
        std::fs::create_dir_all(&data_dir).map_err(|e| ShellError::io("create", &data_dir, e))?;
        let rooms = match options.sandbox_rooms {
            Some(rooms) => rooms,
            None => SandboxRooms::read(&data_dir),
        };
        let sandbox = Sandbox::start_with(rooms, options.sandbox_port).await?;
        let settings = ConnectionSettings::load(&data_dir).unwrap_or_else(|e| {
            tracing::warn!("{e}; starting on the Sandbox");
            ConnectionSettings::default()
        });
        let env = Env {
            workspaces: DataDir::at(&data_dir),
            data_dir,
            secrets: options.secrets,
            sandbox,
        };
        let active = env.connect(settings)?;
        Ok(AppState {
            env,
            active: RwLock::new(active),
        })
    }

    /// The rooms service of the active connection (cheap clone).
    pub fn service(&self) -> Result<RoomsService> {
        Ok(self.active.read().map_err(|_| poisoned())?.service.clone())
    }

    pub fn data_dir(&self) -> &Path {
        &self.env.data_dir
    }

    pub fn sandbox(&self) -> &Sandbox {
        &self.env.sandbox
    }

    /// Re-reads the key for the active connection and hands the service its new API config.
    fn refresh_remote(&self) -> Result<()> {
        let active = self.active.read().map_err(|_| poisoned())?;
        let remote = self.env.remote_for(&active.settings)?;
        active.service.set_remote(remote)?;
        Ok(())
    }

    fn settings(&self) -> Result<ConnectionSettings> {
        Ok(self.active.read().map_err(|_| poisoned())?.settings.clone())
    }

    pub fn connection_info(&self) -> Result<ConnectionInfo> {
        let settings = self.settings()?;
        let (key, keyring_error) = match &settings.flowla_base_url {
            Some(url) => match self.env.secrets.get(url) {
                Ok(key) => (key, None),
                Err(e) => (None, Some(e.to_string())),
            },
            None => (None, None),
        };
        let base_url = match settings.kind {
            ConnectionKind::Sandbox => Some(self.env.sandbox.base_url()),
            ConnectionKind::Flowla => settings.flowla_base_url.clone(),
        };
        Ok(ConnectionInfo {
            kind: settings.kind,
            base_url,
            flowla_base_url: settings.flowla_base_url.clone(),
            key_configured: key.is_some(),
            key_hint: key.as_deref().map(key_hint),
            key_store: self.env.secrets.kind().to_string(),
            keyring_error,
            remote_ready: self.service()?.has_remote(),
        })
    }

    /// Switches connection (Flowla needs a base URL) and saves the choice.
    pub fn set_connection(
        &self,
        kind: ConnectionKind,
        base_url: Option<String>,
    ) -> Result<ConnectionInfo> {
        let mut settings = self.settings()?;
        settings.kind = kind;
        match (kind, base_url.filter(|u| !u.trim().is_empty())) {
            (_, Some(url)) => settings.flowla_base_url = Some(normalize_base_url(&url)?),
            (ConnectionKind::Flowla, None) if settings.flowla_base_url.is_none() => {
                return Err(ShellError::invalid(
                    "baseUrl",
                    "enter the Flowla base URL, e.g. https://api.flowla.com",
                ))
            }
            _ => {}
        }
        let active = self.env.connect(settings.clone())?;
        settings.save(&self.env.data_dir)?;
        *self.active.write().map_err(|_| poisoned())? = active;
        tracing::info!(kind = ?kind, "connection switched");
        self.connection_info()
    }

    /// Stores the Flowla API key in the keyring (replacing any earlier one).
    pub fn set_api_key(&self, key: &str) -> Result<ConnectionInfo> {
        let key = normalize_api_key(key)?;
        let url = self.flowla_url()?;
        self.env.secrets.set(&url, &key)?;
        tracing::info!("Flowla API key stored in the {}", self.env.secrets.kind());
        self.refresh_remote()?;
        self.connection_info()
    }

    /// Deletes the Flowla API key from the keyring.
    pub fn remove_api_key(&self) -> Result<ConnectionInfo> {
        let url = self.flowla_url()?;
        self.env.secrets.delete(&url)?;
        tracing::info!(
            "Flowla API key removed from the {}",
            self.env.secrets.kind()
        );
        self.refresh_remote()?;
        self.connection_info()
    }

    fn flowla_url(&self) -> Result<String> {
        self.settings()?.flowla_base_url.ok_or_else(|| {
            ShellError::invalid("baseUrl", "set the Flowla base URL before the API key")
        })
    }

    /// Asks the active connection's API for one room: a clear yes, or no and why.
    pub async fn test_connection(&self) -> Result<ConnectionTest> {
        let settings = self.settings()?;
        let remote = match self.env.remote_for(&settings) {
            Ok(Some(remote)) => remote,
            Ok(None) => {
                return Ok(failed(
                    "not_configured",
                    "No API key is stored for this Flowla connection: add one first.",
                ))
            }
            Err(e) => return Ok(failed(e.code(), e.to_string())),
        };
        let config = ClientConfig {
            max_retries: 1,
            timeout: Duration::from_secs(10),
            ..remote
        };
        let query = ListQuery {
            limit: 1,
            ..ListQuery::default()
        };
        let outcome = match FlowlaClient::new(config) {
            Ok(client) => client.list_rooms(&query).await.map_err(CoreError::from),
            Err(e) => Err(CoreError::from(e)),
        };
        Ok(match outcome {
            Ok(_) => ConnectionTest {
                ok: true,
                message: "Connected: the server accepted the API key.".into(),
                code: None,
            },
            Err(CoreError::Unauthorized) => failed(
                "unauthorized",
                "The server refused the API key (401): check or replace the key.",
            ),
            Err(e) => failed(e.code(), format!("Could not connect: {e}")),
        })
    }

    pub fn app_info(&self) -> AppInfo {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            data_dir: self.env.data_dir.display().to_string(),
            sandbox_url: self.env.sandbox.base_url(),
            key_store: self.env.secrets.kind().to_string(),
            dev_build: cfg!(debug_assertions),
        }
    }
}

impl Env {
    /// The server of the saved choice. A Flowla choice without a base URL (a hand-edited
    /// file) falls back to the Sandbox.
    fn connection(&self, settings: &ConnectionSettings) -> Result<Connection> {
        match (settings.kind, &settings.flowla_base_url) {
            (ConnectionKind::Flowla, Some(url)) => Ok(Connection::api(url)?),
            _ => Ok(Connection::sandbox(self.sandbox.base_url())),
        }
    }

    /// The API config of a connection, when it has one (Flowla needs a stored key).
    fn remote_for(&self, settings: &ConnectionSettings) -> Result<Option<ClientConfig>> {
        let connection = self.connection(settings)?;
        let key = match (settings.kind, &settings.flowla_base_url) {
            (ConnectionKind::Flowla, Some(url)) => self.secrets.get(url)?,
            (ConnectionKind::Flowla, None) => return Ok(None),
            (ConnectionKind::Sandbox, _) => None,
        };
        Ok(connection.client_config(key))
    }

    /// Opens the workspace of `settings`' server (the core's layout, bound to that
    /// server). A keyring failure leaves the service without an API (local work goes on)
    /// and is reported by `connection_info`.
    fn connect(&self, settings: ConnectionSettings) -> Result<Active> {
        let connection = self.connection(&settings)?;
        let key = match (settings.kind, &settings.flowla_base_url) {
            (ConnectionKind::Flowla, Some(url)) => self.secrets.get(url).unwrap_or_else(|e| {
                tracing::warn!("{e}");
                None
            }),
            _ => None,
        };
        let service = connection.open(&self.workspaces, key)?;
        Ok(Active { settings, service })
    }
}

fn failed(code: &str, message: impl Into<String>) -> ConnectionTest {
    ConnectionTest {
        ok: false,
        message: message.into(),
        code: Some(code.to_string()),
    }
}
