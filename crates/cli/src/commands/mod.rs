//! One module per subcommand, and what they share: opening the service, the CLI's error.

pub mod emulator;
pub mod outbox;
pub mod rooms;
pub mod sync;

use roomdesk_client::{is_loopback_url, normalize_base_url};
use roomdesk_core::{Connection, CoreError, DataDir, ErrorCode, ErrorPayload, RoomsService};
use roomdesk_model::SANDBOX_API_KEY;
use std::path::PathBuf;

/// Exit codes: 1 other, 2 bad usage or input, 3 not found, 4 server or network trouble.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error("{0}")]
    Usage(String),
    #[error("cannot start: {0}")]
    Runtime(String),
    #[error("emulator: {0}")]
    Emulator(String),
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Core(e) => match e.error_code() {
                ErrorCode::Validation
                | ErrorCode::InvalidConfig
                | ErrorCode::NoSuchConflict
                | ErrorCode::InvalidState
                | ErrorCode::WrongServer => 2,
                ErrorCode::NotFound => 3,
                ErrorCode::Storage => 1,
                _ => 4,
            },
            CliError::Runtime(_) | CliError::Emulator(_) => 1,
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        match self {
            // The core's words are for every front end; here the key comes from one place.
            CliError::Core(e @ CoreError::Unauthorized) => ErrorPayload {
                message: format!("{e} (the CLI reads it from FLOWLA_API_KEY)"),
                ..e.payload()
            },
            CliError::Core(e @ CoreError::NotConfigured) => ErrorPayload {
                message: format!(
                    "{e} (the CLI reads the key from FLOWLA_API_KEY; --sandbox uses the Sandbox)"
                ),
                ..e.payload()
            },
            CliError::Core(e) => e.payload(),
            CliError::Usage(m) => ErrorPayload {
                code: "usage".into(),
                message: m.clone(),
                field: None,
                retryable: false,
            },
            CliError::Runtime(_) | CliError::Emulator(_) => ErrorPayload {
                code: "internal".into(),
                message: self.to_string(),
                field: None,
                retryable: false,
            },
        }
    }
}

/// The server a command talks to: `--sandbox` (the Sandbox's workspace, on a loopback
/// address), else `--base-url`.
pub fn connection(base_url: &str, sandbox: Option<&str>) -> Result<Connection, CliError> {
    match sandbox {
        Some(url) if is_loopback_url(url) => Ok(Connection::sandbox(normalize_base_url(url)
            .map_err(CoreError::from)?)),
        Some(url) => Err(CliError::Usage(format!(
            "--sandbox {url}: the Sandbox answers on this computer only (e.g. http://127.0.0.1:7878)"
        ))),
        None => Ok(Connection::api(base_url)?),
    }
}

/// Opens the connection's workspace in the data dir (the app's unless `data_dir` is
/// given), with the API configured when a key is known: `FLOWLA_API_KEY`, else the
/// sandbox key against a loopback URL (the Sandbox always uses its own).
pub fn open_service(
    connection: &Connection,
    data_dir: Option<PathBuf>,
) -> Result<RoomsService, CliError> {
    let data = DataDir::resolve(data_dir)?;
    let key = std::env::var("FLOWLA_API_KEY")
        .ok()
        .filter(|k| !k.trim().is_empty())
        .or_else(|| is_loopback_url(connection.api_url()).then(|| SANDBOX_API_KEY.to_string()));
    Ok(connection.open(&data, key)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_key_says_where_the_cli_reads_it_and_the_core_does_not() {
        let core = CoreError::Unauthorized.to_string();
        assert!(!core.contains("FLOWLA_API_KEY"), "{core}");
        let cli = CliError::Core(CoreError::Unauthorized).payload();
        assert_eq!(cli.code, "unauthorized");
        assert!(cli.message.starts_with(&core), "{}", cli.message);
        assert!(cli.message.contains("FLOWLA_API_KEY"), "{}", cli.message);
        assert_eq!(CliError::Core(CoreError::Unauthorized).exit_code(), 4);
        let no_key = CliError::Core(CoreError::NotConfigured).payload();
        assert_eq!(no_key.code, "not_configured");
        assert!(
            no_key.message.contains("FLOWLA_API_KEY"),
            "{}",
            no_key.message
        );
        assert!(no_key.message.contains("--sandbox"), "{}", no_key.message);
        let elsewhere = CliError::Core(CoreError::WrongServer {
            bound: "sandbox".into(),
            requested: "https://api.flowla.com".into(),
        });
        assert_eq!(elsewhere.exit_code(), 2);
        assert_eq!(elsewhere.payload().code, "wrong_server");
        assert_eq!(
            CliError::Core(CoreError::NotFound {
                what: "room",
                id: "x".into()
            })
            .exit_code(),
            3
        );
    }
}
