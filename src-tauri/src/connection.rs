//! Which API the app talks to: the in-app Sandbox (default) or a Flowla account.
//! The choice and the Flowla base URL are saved in `<data dir>/connection.json`;
//! the API key is not: it lives in the keyring only.

use crate::error::{Result, ShellError};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// File name of the saved connection choice inside the data dir.
pub const CONNECTION_FILE: &str = "connection.json";

/// The two kinds of connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ConnectionKind {
    /// The Flowla emulator running inside the app, seeded with sample rooms. No account needed.
    #[default]
    Sandbox,
    /// A real Flowla account: base URL plus an API key from the keyring.
    Flowla,
}

/// What is saved on disk. Never holds a key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ConnectionSettings {
    pub kind: ConnectionKind,
    /// The Flowla base URL, kept while the Sandbox is active so switching back is one click.
    pub flowla_base_url: Option<String>,
}

impl ConnectionSettings {
    /// Reads the saved choice; a missing file means the default (Sandbox).
    pub fn load(data_dir: &Path) -> Result<Self> {
        let path = data_dir.join(CONNECTION_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| ShellError::io("read the connection settings in", &path, e)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(ShellError::io("read", &path, e)),
        }
    }

    /// Saves atomically and durably (temp file fsynced, renamed, the folder fsynced): after
    /// a crash or a power loss the file is the old choice or the new one, never torn.
    pub fn save(&self, data_dir: &Path) -> Result<()> {
        let path = data_dir.join(CONNECTION_FILE);
        let json = serde_json::to_vec_pretty(self)
            .map_err(|e| ShellError::io("encode the connection settings for", &path, e))?;
        roomdesk_emulator::write_file_durably(&path, &json)
            .map_err(|e| ShellError::io("write", &path, e))
    }
}

/// The connection as the settings page shows it. Holds at most the key's last 4 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionInfo {
    pub kind: ConnectionKind,
    /// The API the app talks to now (the Sandbox URL, or the Flowla base URL if set).
    pub base_url: Option<String>,
    /// The saved Flowla base URL, also while the Sandbox is active.
    pub flowla_base_url: Option<String>,
    /// Whether a Flowla API key is stored in the keyring for `flowlaBaseUrl`.
    pub key_configured: bool,
    /// The key's last 4 characters ("a1b2"), when one is stored.
    pub key_hint: Option<String>,
    /// Where keys are kept ("os keyring", or "memory" in tests).
    pub key_store: String,
    /// Set when the keyring cannot be used, in words for the user.
    pub keyring_error: Option<String>,
    /// Whether remote calls can be made right now (false: Flowla without a key).
    pub remote_ready: bool,
}

/// The answer of "Test connection": a clear yes or no, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionTest {
    pub ok: bool,
    pub message: String,
    /// The error code when `ok` is false (`unauthorized`, `network`, `not_configured`, …).
    pub code: Option<String>,
}

/// Checks and normalises a Flowla base URL the user typed, by the one rule
/// ([`roomdesk_client::normalize_base_url`]): https, or http on this computer (an
/// emulator); no credentials, query or fragment; no trailing slash.
pub fn normalize_base_url(raw: &str) -> Result<String> {
    let field = "baseUrl";
    if raw.trim().is_empty() {
        return Err(ShellError::invalid(
            field,
            "enter the Flowla base URL, e.g. https://api.flowla.com",
        ));
    }
    roomdesk_client::normalize_base_url(raw).map_err(|e| match e {
        roomdesk_client::ClientError::InvalidConfig(message) => ShellError::invalid(field, message),
        other => ShellError::invalid(field, other.to_string()),
    })
}

/// Checks an API key the user typed: not empty, no spaces or control characters.
pub fn normalize_api_key(raw: &str) -> Result<String> {
    let field = "apiKey";
    let key = raw.trim();
    if key.is_empty() {
        return Err(ShellError::invalid(
            field,
            "enter the API key from your Flowla settings",
        ));
    }
    if key.len() > 1024 {
        return Err(ShellError::invalid(
            field,
            "is longer than 1024 characters: paste only the key",
        ));
    }
    if key.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(ShellError::invalid(
            field,
            "must not contain spaces, line breaks or control characters",
        ));
    }
    Ok(key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_normalised_or_refused_with_the_field() {
        assert_eq!(
            normalize_base_url(" https://api.flowla.com/ ").unwrap(),
            "https://api.flowla.com"
        );
        assert_eq!(
            normalize_base_url("http://127.0.0.1:7878").unwrap(),
            "http://127.0.0.1:7878"
        );
        assert_eq!(
            normalize_base_url("http://localhost:9000/").unwrap(),
            "http://localhost:9000"
        );
        for bad in [
            "",
            "api.flowla.com",
            "http://api.flowla.com",
            "ftp://x.org",
            "https://u:p@x.org",
            "https://x.org/api/v2",
            "https://x.org?a=1",
        ] {
            let err = normalize_base_url(bad).unwrap_err();
            assert_eq!(err.payload().field.as_deref(), Some("baseUrl"), "{bad}");
        }
    }

    #[test]
    fn api_keys_are_trimmed_and_checked() {
        assert_eq!(normalize_api_key("  key-123 \n").unwrap(), "key-123");
        assert!(normalize_api_key("   ").is_err());
        let err = normalize_api_key("two words").unwrap_err();
        assert_eq!(err.payload().field.as_deref(), Some("apiKey"));
        assert!(
            !err.to_string().contains("two words"),
            "the key is not echoed back"
        );
    }

    #[test]
    fn settings_round_trip_and_default_to_sandbox() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            ConnectionSettings::load(dir.path()).unwrap().kind,
            ConnectionKind::Sandbox
        );
        let s = ConnectionSettings {
            kind: ConnectionKind::Flowla,
            flowla_base_url: Some("https://api.flowla.com".into()),
        };
        s.save(dir.path()).unwrap();
        assert_eq!(ConnectionSettings::load(dir.path()).unwrap(), s);
        std::fs::write(dir.path().join(CONNECTION_FILE), b"{not json").unwrap();
        let err = ConnectionSettings::load(dir.path()).unwrap_err();
        assert_eq!(err.code(), "io");
    }
}
