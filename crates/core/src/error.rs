//! The one error type of the core, and its serialisable form for the UI and the CLI.

use crate::error_code::ErrorCode;
use roomdesk_client::ClientError;
use roomdesk_model::ValidationErrors;
use roomdesk_store::StoreError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// Bad input: every problem, each naming its field. Nothing was stored or sent.
    #[error("{0}")]
    Validation(ValidationErrors),
    #[error("{what} {id} was not found")]
    NotFound { what: &'static str, id: String },
    #[error("no Flowla API is configured: set a base URL and an API key, or use the local source")]
    NotConfigured,
    #[error("the server refused the API key (401): check it, or replace it with a valid one")]
    Unauthorized,
    #[error("the server is rate limiting us: try again in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    #[error("the server failed ({status}): {message}")]
    Server { status: u16, message: String },
    #[error("cannot reach the server: {0}")]
    Network(String),
    #[error("the server did not answer in time")]
    Timeout,
    #[error("the server sent an answer we cannot read: {0}")]
    Malformed(String),
    /// The server's answer was over the size limit and was refused unread.
    #[error("the server sent an answer larger than {} MiB; it was refused unread", limit_bytes / (1024 * 1024))]
    ReplyTooLarge { limit_bytes: u64 },
    #[error("the server may or may not have created the room ({0}); the next sync checks before trying again")]
    Uncertain(String),
    /// Several server rooms (or none for sure) could be the one an uncertain create made:
    /// the user adopts one or creates the room again.
    #[error("{0}")]
    NeedsDecision(String),
    #[error("invalid configuration: {0}")]
    InvalidConfig(String),
    #[error("no conflict on {field} of room {room_id}")]
    NoSuchConflict { room_id: String, field: String },
    #[error("{0}")]
    Busy(String),
    /// The operation does not fit the room's state (e.g. discarding a draft already sent).
    #[error("{0}")]
    InvalidState(String),
    #[error("local database: {0}")]
    Storage(String),
    /// The workspace belongs to another server: nothing of it is sent to, or fetched
    /// from, this one.
    #[error("this workspace belongs to {bound}, not to {requested}: its drafts and edits are never sent to another server and its cached rooms never mixed with another's (open the workspace of {requested} instead)")]
    WrongServer { bound: String, requested: String },
}

impl CoreError {
    /// A stable code the UI branches on (never on the message).
    pub fn code(&self) -> &'static str {
        self.error_code().as_str()
    }

    /// The code as the enum every command error uses.
    pub fn error_code(&self) -> ErrorCode {
        match self {
            CoreError::Validation(_) => ErrorCode::Validation,
            CoreError::NotFound { .. } => ErrorCode::NotFound,
            CoreError::NotConfigured => ErrorCode::NotConfigured,
            CoreError::Unauthorized => ErrorCode::Unauthorized,
            CoreError::RateLimited { .. } => ErrorCode::RateLimited,
            CoreError::Server { .. } => ErrorCode::Server,
            CoreError::Network(_) => ErrorCode::Network,
            CoreError::Timeout => ErrorCode::Timeout,
            CoreError::Malformed(_) => ErrorCode::Malformed,
            CoreError::ReplyTooLarge { .. } => ErrorCode::ReplyTooLarge,
            CoreError::Uncertain(_) => ErrorCode::Uncertain,
            CoreError::NeedsDecision(_) => ErrorCode::NeedsDecision,
            CoreError::InvalidConfig(_) => ErrorCode::InvalidConfig,
            CoreError::NoSuchConflict { .. } => ErrorCode::NoSuchConflict,
            CoreError::Busy(_) => ErrorCode::Busy,
            CoreError::InvalidState(_) => ErrorCode::InvalidState,
            CoreError::Storage(_) => ErrorCode::Storage,
            CoreError::WrongServer { .. } => ErrorCode::WrongServer,
        }
    }

    /// Whether trying the same thing again later can succeed.
    pub fn retryable(&self) -> bool {
        matches!(
            self,
            CoreError::RateLimited { .. }
                | CoreError::Server { .. }
                | CoreError::Network(_)
                | CoreError::Timeout
                | CoreError::Malformed(_)
                | CoreError::Uncertain(_)
                | CoreError::Busy(_)
        )
    }

    /// The first field the error is about (camelCase contract name), if any.
    pub fn field(&self) -> Option<String> {
        match self {
            CoreError::Validation(v) => v.errors.first().map(|e| e.field.clone()),
            CoreError::NoSuchConflict { field, .. } => Some(field.clone()),
            _ => None,
        }
    }

    /// Whether the server could not be reached or answered with an outage: a sync stops
    /// pushing (keeping the rest of the outbox) instead of failing each entry in turn.
    pub fn is_outage(&self) -> bool {
        matches!(
            self,
            CoreError::RateLimited { .. }
                | CoreError::Server { .. }
                | CoreError::Network(_)
                | CoreError::Timeout
                | CoreError::Unauthorized
                | CoreError::NotConfigured
        )
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload::from(self)
    }

    pub(crate) fn storage(e: impl std::fmt::Display) -> CoreError {
        CoreError::Storage(e.to_string())
    }
}

impl From<ValidationErrors> for CoreError {
    fn from(v: ValidationErrors) -> Self {
        CoreError::Validation(v)
    }
}

impl From<ClientError> for CoreError {
    fn from(e: ClientError) -> Self {
        match e {
            ClientError::Unauthorized => CoreError::Unauthorized,
            ClientError::NotFound { .. } => CoreError::NotFound {
                what: "room",
                id: String::new(),
            },
            ClientError::Validation {
                messages, fields, ..
            } => {
                if fields.errors.is_empty() {
                    CoreError::Validation(ValidationErrors::single("body", messages.join("; ")))
                } else {
                    CoreError::Validation(fields)
                }
            }
            ClientError::InvalidInput(v) => CoreError::Validation(v),
            ClientError::RateLimited { retry_after_secs } => {
                CoreError::RateLimited { retry_after_secs }
            }
            ClientError::Server { status, message } => CoreError::Server { status, message },
            ClientError::Network(m) => CoreError::Network(m),
            ClientError::Timeout => CoreError::Timeout,
            ClientError::Malformed(m) => CoreError::Malformed(m),
            ClientError::ReplyTooLarge { limit_bytes } => CoreError::ReplyTooLarge { limit_bytes },
            ClientError::Uncertain { reason, .. } => CoreError::Uncertain(reason),
            ClientError::InvalidConfig(m) => CoreError::InvalidConfig(m),
        }
    }
}

impl From<StoreError> for CoreError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::RoomNotFound(id) => CoreError::NotFound { what: "room", id },
            StoreError::Invalid(v) => CoreError::Validation(v),
            StoreError::InvalidState(m) => CoreError::InvalidState(m),
            StoreError::ConflictNotFound { room_id, field } => CoreError::NoSuchConflict {
                room_id,
                field: field.name().to_string(),
            },
            other => CoreError::storage(other),
        }
    }
}

/// A `CoreError` as the desktop shell returns it and the CLI prints it with `--json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorPayload {
    /// One of the `ErrorCode`s (a string here so that every layer can print it as is).
    #[ts(type = "ErrorCode")]
    pub code: String,
    pub message: String,
    pub field: Option<String>,
    pub retryable: bool,
}

impl From<&CoreError> for ErrorPayload {
    fn from(e: &CoreError) -> Self {
        ErrorPayload {
            code: e.code().to_string(),
            message: e.to_string(),
            field: e.field(),
            retryable: e.retryable(),
        }
    }
}

impl From<CoreError> for ErrorPayload {
    fn from(e: CoreError) -> Self {
        ErrorPayload::from(&e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_names_the_first_field() {
        let e = CoreError::from(ValidationErrors::single("themeColor", "is not a hex color"));
        let p = e.payload();
        assert_eq!(p.code, "validation");
        assert_eq!(p.field.as_deref(), Some("themeColor"));
        assert!(!p.retryable);
        assert!(p.message.contains("themeColor"));
    }

    #[test]
    fn outages_are_retryable_and_not_found_is_not() {
        assert!(CoreError::Network("refused".into()).retryable());
        assert!(CoreError::RateLimited {
            retry_after_secs: 3
        }
        .is_outage());
        let nf = CoreError::NotFound {
            what: "room",
            id: "rm_x".into(),
        };
        assert!(!nf.retryable());
        assert_eq!(nf.code(), "not_found");
        assert_eq!(nf.to_string(), "room rm_x was not found");
    }

    #[test]
    fn payload_serialises_in_camel_case() {
        let v = serde_json::to_value(CoreError::Timeout.payload()).unwrap();
        assert_eq!(v["code"], "timeout");
        assert_eq!(v["retryable"], true);
        assert!(v.get("field").is_some());
    }
}
