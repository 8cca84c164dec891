//! Every error code a command can answer with, as one enum. The UI branches on these
//! (never on message text); the bindings export them as a TypeScript union, so a code the
//! UI tests for that Rust never sends fails `tsc`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The `code` of an `ErrorPayload`. The core's errors use most of them; the
/// desktop shell adds the keyring, file and Sandbox codes at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Bad input; `field` names the (first) field. Nothing was stored or sent.
    Validation,
    NotFound,
    /// No API is configured for the active connection (e.g. Flowla without a key).
    NotConfigured,
    /// The server refused the API key (401).
    Unauthorized,
    RateLimited,
    /// The server answered with an error (5xx, or a status we do not expect).
    Server,
    /// The server could not be reached.
    Network,
    Timeout,
    /// The server's answer could not be read.
    Malformed,
    /// The server's answer was over the size limit (16 MiB) and was refused unread.
    ReplyTooLarge,
    /// A create may or may not have reached the server; the next sync finds out.
    Uncertain,
    /// A create may have made one of several look-alike rooms: the user adopts one or
    /// creates it again (the outbox lists them).
    NeedsDecision,
    InvalidConfig,
    NoSuchConflict,
    /// Another sync (in this or another process) is running.
    Busy,
    /// The operation does not fit the room's state.
    InvalidState,
    /// The local database failed.
    Storage,
    /// The workspace belongs to another server; nothing was sent or fetched.
    WrongServer,
    /// Desktop shell: no keyring (Secret Service) is available.
    KeyringUnavailable,
    /// Desktop shell: the keyring refused or failed an operation.
    Keyring,
    /// Desktop shell: a file in the data dir could not be read or written.
    Io,
    /// Desktop shell: the in-app Sandbox could not start.
    Sandbox,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 22] = [
        ErrorCode::Validation,
        ErrorCode::NotFound,
        ErrorCode::NotConfigured,
        ErrorCode::Unauthorized,
        ErrorCode::RateLimited,
        ErrorCode::Server,
        ErrorCode::Network,
        ErrorCode::Timeout,
        ErrorCode::Malformed,
        ErrorCode::ReplyTooLarge,
        ErrorCode::Uncertain,
        ErrorCode::NeedsDecision,
        ErrorCode::InvalidConfig,
        ErrorCode::NoSuchConflict,
        ErrorCode::Busy,
        ErrorCode::InvalidState,
        ErrorCode::Storage,
        ErrorCode::WrongServer,
        ErrorCode::KeyringUnavailable,
        ErrorCode::Keyring,
        ErrorCode::Io,
        ErrorCode::Sandbox,
    ];

    /// The code as it travels: `"not_found"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Validation => "validation",
            ErrorCode::NotFound => "not_found",
            ErrorCode::NotConfigured => "not_configured",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::Server => "server",
            ErrorCode::Network => "network",
            ErrorCode::Timeout => "timeout",
            ErrorCode::Malformed => "malformed",
            ErrorCode::ReplyTooLarge => "reply_too_large",
            ErrorCode::Uncertain => "uncertain",
            ErrorCode::NeedsDecision => "needs_decision",
            ErrorCode::InvalidConfig => "invalid_config",
            ErrorCode::NoSuchConflict => "no_such_conflict",
            ErrorCode::Busy => "busy",
            ErrorCode::InvalidState => "invalid_state",
            ErrorCode::Storage => "storage",
            ErrorCode::WrongServer => "wrong_server",
            ErrorCode::KeyringUnavailable => "keyring_unavailable",
            ErrorCode::Keyring => "keyring",
            ErrorCode::Io => "io",
            ErrorCode::Sandbox => "sandbox",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wire_names_are_the_serde_names_and_all_distinct() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::Value::String(code.as_str().to_string())
            );
            assert!(seen.insert(code.as_str()), "{code} twice");
        }
    }
}
