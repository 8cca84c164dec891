//! The client's one error type, and how HTTP answers become it.

use roomdesk_model::{FieldError, RoomField, ValidationErrors};
use serde_json::Value;

pub type Result<T, E = ClientError> = std::result::Result<T, E>;

/// Everything that can go wrong talking to the Flowla API. The UI branches on
/// [`ClientError::code`], never on the message.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClientError {
    #[error("the Flowla API refused the API key (401): check that it is set and still valid")]
    Unauthorized,
    #[error("not found on the Flowla API: {message}")]
    NotFound { message: String },
    #[error("the Flowla API refused the request ({status}): {}", messages.join("; "))]
    Validation {
        status: u16,
        messages: Vec<String>,
        fields: ValidationErrors,
    },
    #[error("the Flowla API is rate limiting us: try again in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    #[error("the Flowla API failed ({status}): {message}")]
    Server { status: u16, message: String },
    #[error("cannot reach the Flowla API: {0}")]
    Network(String),
    #[error("the Flowla API did not answer in time")]
    Timeout,
    #[error("the Flowla API sent an answer we cannot read: {0}")]
    Malformed(String),
    #[error(
        "the Flowla API sent an answer larger than {} MiB; it was refused unread",
        limit_bytes / (1024 * 1024)
    )]
    ReplyTooLarge { limit_bytes: u64 },
    #[error(
        "the room may or may not have been created ({reason}); look for it before trying again"
    )]
    Uncertain { sent_at_millis: i64, reason: String },
    #[error("invalid client settings: {0}")]
    InvalidConfig(String),
    #[error("{0}")]
    InvalidInput(ValidationErrors),
}

impl ClientError {
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            ClientError::Unauthorized => "unauthorized",
            ClientError::NotFound { .. } => "not_found",
            ClientError::Validation { .. } => "validation",
            ClientError::RateLimited { .. } => "rate_limited",
            ClientError::Server { .. } => "server",
            ClientError::Network(_) => "network",
            ClientError::Timeout => "timeout",
            ClientError::Malformed(_) => "malformed",
            ClientError::ReplyTooLarge { .. } => "reply_too_large",
            ClientError::Uncertain { .. } => "uncertain",
            ClientError::InvalidConfig(_) => "invalid_config",
            ClientError::InvalidInput(_) => "invalid_input",
        }
    }

    /// Whether the same request may succeed later without changing anything.
    /// `Uncertain` is not: the caller must first look for the room (`find_created`).
    pub fn retryable(&self) -> bool {
        match self {
            ClientError::RateLimited { .. }
            | ClientError::Network(_)
            | ClientError::Timeout
            | ClientError::Malformed(_) => true,
            ClientError::Server { status, .. } => *status >= 500,
            ClientError::Unauthorized
            | ClientError::NotFound { .. }
            | ClientError::Validation { .. }
            | ClientError::Uncertain { .. }
            | ClientError::ReplyTooLarge { .. }
            | ClientError::InvalidConfig(_)
            | ClientError::InvalidInput(_) => false,
        }
    }

    /// The field the error is about, when there is exactly one obvious one.
    pub fn field(&self) -> Option<&str> {
        let fields = match self {
            ClientError::Validation { fields, .. } | ClientError::InvalidInput(fields) => fields,
            _ => return None,
        };
        fields.errors.first().map(|e| e.field.as_str())
    }
}

/// The messages of an error body: NestJS `message` as a string or an array, else
/// `error`, else nothing (HTML from a proxy, an empty body).
pub(crate) fn body_messages(body: &[u8]) -> Vec<String> {
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return Vec::new();
    };
    let from = |v: Option<&Value>| -> Vec<String> {
        match v {
            Some(Value::String(s)) if !s.trim().is_empty() => vec![s.clone()],
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|i| match i {
                    Value::String(s) => Some(s.clone()),
                    Value::Null => None,
                    other => Some(other.to_string()),
                })
                .collect(),
            _ => Vec::new(),
        }
    };
    let messages = from(value.get("message"));
    if messages.is_empty() {
        from(value.get("error"))
    } else {
        messages
    }
}

/// A server message as a field error: "themeColor must be a hex color" belongs to
/// `themeColor` when its first word is a room field, anything else to `body`.
pub(crate) fn field_error(message: &str) -> FieldError {
    let mut words = message.trim().splitn(2, char::is_whitespace);
    let first = words.next().unwrap_or("");
    match RoomField::from_name(first) {
        Some(field) => FieldError::new(field.name(), words.next().unwrap_or("").trim()),
        None => FieldError::new("body", message.trim()),
    }
}

/// The error for a non-2xx answer. `retry_after` is the parsed `Retry-After` header.
pub(crate) fn from_status(status: u16, body: &[u8], retry_after: Option<u64>) -> ClientError {
    let messages = body_messages(body);
    let summary = if messages.is_empty() {
        describe_status(status, body)
    } else {
        messages.join("; ")
    };
    match status {
        401 | 403 => ClientError::Unauthorized,
        404 => ClientError::NotFound { message: summary },
        429 => ClientError::RateLimited {
            retry_after_secs: retry_after.unwrap_or(1),
        },
        400 | 409 | 422 => {
            let messages = if messages.is_empty() {
                vec![summary]
            } else {
                messages
            };
            let fields = ValidationErrors {
                errors: messages.iter().map(|m| field_error(m)).collect(),
            };
            ClientError::Validation {
                status,
                messages,
                fields,
            }
        }
        _ => ClientError::Server {
            status,
            message: summary,
        },
    }
}

/// A short description of an answer whose body says nothing we can read.
fn describe_status(status: u16, body: &[u8]) -> String {
    let reason = reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("unexpected status");
    let trimmed = String::from_utf8_lossy(body);
    let trimmed = trimmed.trim();
    if trimmed.is_empty() {
        format!("HTTP {status} {reason} (empty body)")
    } else if trimmed.starts_with('<') {
        format!("HTTP {status} {reason} (an HTML page, not the API's JSON)")
    } else {
        format!("HTTP {status} {reason}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nest_validation_bodies_map_to_fields() {
        let body = br#"{"statusCode":400,"message":["themeColor must be a hex color","property foo should not exist"],"error":"Bad Request"}"#;
        let err = from_status(400, body, None);
        let ClientError::Validation {
            status,
            messages,
            fields,
        } = &err
        else {
            panic!("{err:?}")
        };
        assert_eq!(*status, 400);
        assert_eq!(messages.len(), 2);
        assert_eq!(fields.for_field("themeColor"), Some("must be a hex color"));
        assert_eq!(
            fields.for_field("body"),
            Some("property foo should not exist")
        );
        assert_eq!(err.code(), "validation");
        assert_eq!(err.field(), Some("themeColor"));
        assert!(!err.retryable());
    }

    #[test]
    fn string_message_and_other_statuses() {
        let err = from_status(400, br#"{"message":"title should not be empty"}"#, None);
        assert_eq!(err.field(), Some("title"));
        assert_eq!(
            from_status(401, br#"{"message":"Unauthorized"}"#, None),
            ClientError::Unauthorized
        );
        let nf = from_status(
            404,
            br#"{"statusCode":404,"message":"Room rm_x not found"}"#,
            None,
        );
        assert_eq!(
            nf,
            ClientError::NotFound {
                message: "Room rm_x not found".into()
            }
        );
        assert_eq!(
            from_status(429, b"", Some(7)),
            ClientError::RateLimited {
                retry_after_secs: 7
            }
        );
        let s = from_status(
            503,
            br#"{"statusCode":503,"error":"Service Unavailable"}"#,
            None,
        );
        assert_eq!(
            s,
            ClientError::Server {
                status: 503,
                message: "Service Unavailable".into()
            }
        );
        assert!(s.retryable());
    }

    #[test]
    fn non_json_bodies_report_the_status() {
        let html = from_status(502, b"<html><body>Bad gateway</body></html>", None);
        assert_eq!(html.code(), "server");
        assert!(html.to_string().contains("502"), "{html}");
        assert!(html.to_string().contains("HTML"), "{html}");
        let empty = from_status(500, b"", None);
        assert!(empty.to_string().contains("500"));
        assert!(empty.to_string().contains("empty body"));
        let v = from_status(400, b"oops", None);
        assert_eq!(v.field(), Some("body"));
        assert!(v.to_string().contains("400"));
        let nf = from_status(404, b"", None);
        assert_eq!(nf.code(), "not_found");
    }

    #[test]
    fn codes_and_retryability() {
        assert!(ClientError::Network("x".into()).retryable());
        assert!(ClientError::Timeout.retryable());
        assert!(!ClientError::Uncertain {
            sent_at_millis: 1,
            reason: "x".into()
        }
        .retryable());
        assert!(!ClientError::Server {
            status: 418,
            message: String::new()
        }
        .retryable());
        assert_eq!(
            ClientError::InvalidConfig(String::new()).code(),
            "invalid_config"
        );
        let input = ClientError::InvalidInput(ValidationErrors::single("title", "can't be blank"));
        assert_eq!(input.code(), "invalid_input");
        assert_eq!(input.field(), Some("title"));
        assert_eq!(input.to_string(), "title: can't be blank");
    }
}
