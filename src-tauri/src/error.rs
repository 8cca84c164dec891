//! The shell's one error type, and how it reaches the UI: as the core's
//! `ErrorPayload { code, message, field?, retryable }`.

use crate::secrets::SecretError;
use roomdesk_core::{CoreError, ErrorCode, ErrorPayload};
use std::path::PathBuf;

pub type Result<T, E = ShellError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum ShellError {
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error(transparent)]
    Secrets(#[from] SecretError),
    /// Bad input to a settings command, naming the field (camelCase, as the UI sends it).
    #[error("{field}: {message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    #[error("could not {action} {}: {message}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        message: String,
    },
    #[error("the Sandbox could not start: {0}")]
    Sandbox(String),
}

impl ShellError {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        ShellError::Invalid {
            field,
            message: message.into(),
        }
    }

    pub fn io(action: &'static str, path: impl Into<PathBuf>, e: impl std::fmt::Display) -> Self {
        ShellError::Io {
            action,
            path: path.into(),
            message: e.to_string(),
        }
    }

    /// A stable code the UI branches on.
    pub fn code(&self) -> &'static str {
        self.error_code().as_str()
    }

    pub fn error_code(&self) -> ErrorCode {
        match self {
            ShellError::Core(e) => e.error_code(),
            ShellError::Secrets(SecretError::Unavailable(_)) => ErrorCode::KeyringUnavailable,
            ShellError::Secrets(SecretError::Failed(_)) => ErrorCode::Keyring,
            ShellError::Invalid { .. } => ErrorCode::Validation,
            ShellError::Io { .. } => ErrorCode::Io,
            ShellError::Sandbox(_) => ErrorCode::Sandbox,
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        match self {
            ShellError::Core(e) => e.payload(),
            ShellError::Invalid { field, .. } => ErrorPayload {
                code: self.code().to_string(),
                message: self.to_string(),
                field: Some((*field).to_string()),
                retryable: false,
            },
            other => ErrorPayload {
                code: other.code().to_string(),
                message: other.to_string(),
                field: None,
                retryable: false,
            },
        }
    }
}

impl From<ShellError> for ErrorPayload {
    fn from(e: ShellError) -> Self {
        e.payload()
    }
}

/// For `map_err` in commands: any shell or core error as the UI's payload.
pub fn to_payload(e: impl Into<ShellError>) -> ErrorPayload {
    e.into().payload()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_input_names_its_field() {
        let p = ShellError::invalid("baseUrl", "must start with https://").payload();
        assert_eq!(p.code, "validation");
        assert_eq!(p.field.as_deref(), Some("baseUrl"));
        assert!(p.message.contains("https://"));
        assert!(!p.retryable);
    }

    #[test]
    fn keyring_missing_has_its_own_code() {
        let p = to_payload(SecretError::Unavailable("no D-Bus".into()));
        assert_eq!(p.code, "keyring_unavailable");
        assert!(p
            .message
            .starts_with("No keyring (Secret Service) is available"));
    }

    #[test]
    fn core_errors_keep_their_code() {
        let p = to_payload(CoreError::Timeout);
        assert_eq!(p.code, "timeout");
        assert!(p.retryable);
    }
}
