//! Timestamps travel as ISO 8601 text (`2026-05-05T14:30:44.260Z`). Ordering uses
//! milliseconds since the epoch so that differently formatted but equal instants agree.

use chrono::{DateTime, SecondsFormat, Utc};

/// Milliseconds since the Unix epoch, or `None` when the text is not an RFC 3339 instant.
pub fn parse_timestamp_millis(text: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc).timestamp_millis())
}

/// The contract's form: UTC with milliseconds and a `Z`.
pub fn format_timestamp(millis: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(millis)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Now, in the contract's form.
pub fn now_timestamp() -> String {
    format_timestamp(Utc::now().timestamp_millis())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let t = "2026-05-05T14:30:44.260Z";
        let ms = parse_timestamp_millis(t).unwrap();
        assert_eq!(format_timestamp(ms), t);
        assert_eq!(
            parse_timestamp_millis("2026-05-05T16:30:44.260+02:00"),
            Some(ms)
        );
        assert_eq!(parse_timestamp_millis("yesterday"), None);
    }
}
