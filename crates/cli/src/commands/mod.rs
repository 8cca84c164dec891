//! One module per subcommand, and what they share: opening the service, the CLI's error.

pub mod emulator;
pub mod outbox;
pub mod rooms;
pub mod sync;

use roomdesk_client::ClientConfig;
use roomdesk_core::{CoreError, ErrorCode, ErrorPayload, RoomsService, ServiceOptions};
use std::path::PathBuf;

/// The key the sandbox emulator accepts; used only against a loopback base URL when
/// `FLOWLA_API_KEY` is not set.
const SANDBOX_KEY: &str = "sandbox-key";

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
                | ErrorCode::InvalidState => 2,
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

fn is_loopback(base_url: &str) -> bool {
    let rest = base_url
        .strip_prefix("http://")
        .or_else(|| base_url.strip_prefix("https://"))
        .unwrap_or(base_url);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => authority.split(':').next().unwrap_or(""),
    };
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .map(|ip| ip.is_loopback())
            .unwrap_or(false)
}

/// Opens the service on the data dir, with the remote configured when a key is known.
pub fn open_service(base_url: &str, data_dir: Option<PathBuf>) -> Result<RoomsService, CliError> {
    let data_dir = match data_dir {
        Some(d) => d,
        None => roomdesk_store::default_data_dir().map_err(CoreError::from)?,
    };
    let key = std::env::var("FLOWLA_API_KEY")
        .ok()
        .filter(|k| !k.trim().is_empty())
        .or_else(|| is_loopback(base_url).then(|| SANDBOX_KEY.to_string()));
    let remote = key.map(|k| ClientConfig::new(base_url, k));
    Ok(RoomsService::open(ServiceOptions { data_dir, remote })?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_detection() {
        assert!(is_loopback("http://127.0.0.1:7878"));
        assert!(is_loopback("http://localhost:1/api"));
        assert!(is_loopback("http://[::1]:8080"));
        assert!(!is_loopback("https://api.flowla.com"));
        assert!(!is_loopback("http://127.0.0.1.evil.com"));
    }

    #[test]
    fn a_refused_key_says_where_the_cli_reads_it_and_the_core_does_not() {
        let core = CoreError::Unauthorized.to_string();
        assert!(!core.contains("FLOWLA_API_KEY"), "{core}");
        let cli = CliError::Core(CoreError::Unauthorized).payload();
        assert_eq!(cli.code, "unauthorized");
        assert!(cli.message.starts_with(&core), "{}", cli.message);
        assert!(cli.message.contains("FLOWLA_API_KEY"), "{}", cli.message);
        assert_eq!(CliError::Core(CoreError::Unauthorized).exit_code(), 4);
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
