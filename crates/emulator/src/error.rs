//! Errors: [`EmulatorError`] for the Rust API, [`ApiError`] for NestJS-style HTTP answers.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::path::PathBuf;

/// Why an emulator could not start.
#[derive(Debug, thiserror::Error)]
pub enum EmulatorError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot read the state file {path}: {reason}")]
    StateLoad { path: PathBuf, reason: String },
    #[error("cannot save the state file {path}: {source}")]
    StateSave {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("invalid faults: {0}")]
    InvalidFaults(String),
    #[error("the emulator's room store failed: {0}")]
    Store(String),
}

pub type Result<T, E = EmulatorError> = std::result::Result<T, E>;

/// An HTTP error in the server's shape: `{"statusCode", "message", "error"}`, where
/// `message` is a string or (for validation) an array of strings.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: Value,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: Value::String(message.into()),
        }
    }

    /// A `400` listing every problem.
    pub fn bad_request(messages: Vec<String>) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: json!(messages),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    pub fn body(&self) -> Value {
        json!({
            "statusCode": self.status.as_u16(),
            "message": self.message,
            "error": self.status.canonical_reason().unwrap_or("Error"),
        })
    }
}

/// The room store failed (a disk error under the Sandbox's state file): `500`.
impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the emulator's room store failed: {e}"),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(self.body())).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_has_the_nest_shape() {
        let e = ApiError::bad_request(vec!["themeColor must be a hex color".into()]);
        assert_eq!(
            e.body(),
            json!({"statusCode": 400, "message": ["themeColor must be a hex color"],
                   "error": "Bad Request"})
        );
        let e = ApiError::new(StatusCode::TOO_MANY_REQUESTS, "slow down");
        assert_eq!(e.body()["error"], "Too Many Requests");
    }
}
