//! When to try a request again, and how long to wait: pure decisions, no I/O.
//!
//! Reads and updates (`GET`, `PATCH`: idempotent) retry 429, 502/503/504, dropped
//! connections and timeouts. A create (`POST`) is retried only when the server surely did
//! nothing: the connection was never made, or it answered 429 or 503. Any other failure
//! after the request went out makes the create *uncertain*.

use std::time::{Duration, SystemTime};

/// The longest `Retry-After` we honour; a server asking for more gets this.
pub(crate) const RETRY_AFTER_CAP: Duration = Duration::from_secs(60);

/// What kind of request is being sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RequestKind {
    /// Safe to repeat: reads, and `PATCH` (setting the same fields twice is harmless).
    Idempotent,
    /// `POST /rooms`: repeating it may make a duplicate.
    Create,
}

/// How one attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// A complete answer (any status).
    Answer {
        status: u16,
        retry_after: Option<u64>,
    },
    /// No connection was made: nothing was sent.
    ConnectFailed(String),
    /// No complete answer in time after the request went out (a connect timeout is
    /// `ConnectFailed`: nothing was sent).
    TimedOut,
    /// The request went out, the connection was lost before a full answer.
    Dropped(String),
    /// An answer whose body is over the size limit: refused, not read.
    Oversized,
}

/// What to do after an attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Report this outcome (success or a final error).
    Finish,
    /// Try again (if attempts remain); the server may have asked for a wait in seconds.
    Retry { server_wait: Option<u64> },
    /// A create whose effect is unknown: report it, never retry.
    Uncertain(String),
}

pub(crate) fn verdict(kind: RequestKind, outcome: &Outcome) -> Verdict {
    match (kind, outcome) {
        (
            _,
            Outcome::Answer {
                status: 429,
                retry_after,
            },
        ) => Verdict::Retry {
            server_wait: *retry_after,
        },
        (
            _,
            Outcome::Answer {
                status: 503,
                retry_after,
            },
        ) => Verdict::Retry {
            server_wait: *retry_after,
        },
        (
            RequestKind::Idempotent,
            Outcome::Answer {
                status: 502 | 504, ..
            },
        ) => Verdict::Retry { server_wait: None },
        (RequestKind::Create, Outcome::Answer { status, .. }) if *status >= 500 => {
            Verdict::Uncertain(format!("the server answered HTTP {status}"))
        }
        (_, Outcome::Answer { .. }) => Verdict::Finish,
        (_, Outcome::ConnectFailed(_)) => Verdict::Retry { server_wait: None },
        (RequestKind::Idempotent, Outcome::TimedOut | Outcome::Dropped(_)) => {
            Verdict::Retry { server_wait: None }
        }
        (RequestKind::Create, Outcome::TimedOut) => {
            Verdict::Uncertain("no answer in time after the request was sent".to_string())
        }
        (RequestKind::Create, Outcome::Dropped(why)) => Verdict::Uncertain(format!(
            "the connection was lost after the request was sent ({why})"
        )),
        // The server did answer a create, with more than we read: it may have made it.
        (RequestKind::Create, Outcome::Oversized) => {
            Verdict::Uncertain("the answer was too large to read".to_string())
        }
        (RequestKind::Idempotent, Outcome::Oversized) => Verdict::Finish,
    }
}

/// Capped exponential backoff with "equal jitter": half of the capped delay is fixed,
/// the other half scaled by `jitter` (a number in `[0, 1]`). `attempt` counts from 0.
pub(crate) fn backoff(attempt: u32, base: Duration, max: Duration, jitter: f64) -> Duration {
    let factor = 2u32.saturating_pow(attempt.min(30));
    let capped = base.saturating_mul(factor).min(max);
    let jitter = jitter.clamp(0.0, 1.0);
    capped / 2 + capped.mul_f64(jitter) / 2
}

/// The wait before the next attempt: what the server asked for (capped), else backoff.
pub(crate) fn delay(
    server_wait: Option<u64>,
    attempt: u32,
    base: Duration,
    max: Duration,
    jitter: f64,
) -> Duration {
    match server_wait {
        Some(secs) => Duration::from_secs(secs).min(RETRY_AFTER_CAP),
        None => backoff(attempt, base, max, jitter),
    }
}

/// `Retry-After` as seconds to wait: delta-seconds (what our contract uses), or an
/// HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`), counted from `now` and rounded up; a
/// date already past means "now". Anything else is treated as absent.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<u64> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if v.chars().all(|c| c.is_ascii_digit()) {
        return Some(v.parse::<u64>().unwrap_or(u64::MAX));
    }
    let at = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let now = chrono::DateTime::<chrono::Utc>::from(now);
    let ms = (at.with_timezone(&chrono::Utc) - now)
        .num_milliseconds()
        .max(0);
    Some((ms as u64).div_ceil(1000))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;
    use RequestKind::{Create, Idempotent};

    fn answer(status: u16) -> Outcome {
        Outcome::Answer {
            status,
            retry_after: None,
        }
    }

    const RETRY: Verdict = Verdict::Retry { server_wait: None };

    #[test]
    fn reads_and_updates_retry_transient_failures() {
        for s in [502, 503, 504] {
            assert_eq!(verdict(Idempotent, &answer(s)), RETRY, "{s}");
        }
        let limited = Outcome::Answer {
            status: 429,
            retry_after: Some(3),
        };
        assert_eq!(
            verdict(Idempotent, &limited),
            Verdict::Retry {
                server_wait: Some(3)
            }
        );
        for s in [200, 201, 400, 401, 404, 500] {
            assert_eq!(verdict(Idempotent, &answer(s)), Verdict::Finish, "{s}");
        }
        assert_eq!(
            verdict(Idempotent, &Outcome::ConnectFailed("x".into())),
            RETRY
        );
        assert_eq!(verdict(Idempotent, &Outcome::Dropped("x".into())), RETRY);
        assert_eq!(verdict(Idempotent, &Outcome::TimedOut), RETRY);
    }

    #[test]
    fn creates_retry_only_when_nothing_happened() {
        assert_eq!(
            verdict(Create, &Outcome::ConnectFailed("refused".into())),
            RETRY
        );
        assert_eq!(verdict(Create, &answer(503)), RETRY);
        assert!(matches!(
            verdict(Create, &answer(429)),
            Verdict::Retry { .. }
        ));
        for s in [500, 502, 504] {
            let v = verdict(Create, &answer(s));
            assert!(
                matches!(&v, Verdict::Uncertain(m) if m.contains(&s.to_string())),
                "{s}: {v:?}"
            );
        }
        assert!(matches!(
            verdict(Create, &Outcome::TimedOut),
            Verdict::Uncertain(_)
        ));
        assert!(matches!(
            verdict(Create, &Outcome::Dropped("reset".into())),
            Verdict::Uncertain(_)
        ));
        for s in [201, 400, 401, 404] {
            assert_eq!(verdict(Create, &answer(s)), Verdict::Finish, "{s}");
        }
    }

    #[test]
    fn backoff_doubles_is_capped_and_jittered_within_bounds() {
        let base = Duration::from_millis(200);
        let max = Duration::from_secs(5);
        assert_eq!(backoff(0, base, max, 1.0), Duration::from_millis(200));
        assert_eq!(backoff(0, base, max, 0.0), Duration::from_millis(100));
        assert_eq!(backoff(1, base, max, 1.0), Duration::from_millis(400));
        assert_eq!(backoff(3, base, max, 1.0), Duration::from_millis(1600));
        assert_eq!(backoff(5, base, max, 1.0), max);
        assert_eq!(backoff(5, base, max, 0.0), max / 2);
        assert_eq!(
            backoff(u32::MAX, base, max, 0.5),
            Duration::from_millis(3750)
        );
        for j in [0.0, 0.3, 0.99, 7.0, -1.0] {
            let d = backoff(2, base, max, j);
            assert!(d >= Duration::from_millis(400) && d <= Duration::from_millis(800));
        }
    }

    #[test]
    fn server_waits_are_honoured_but_capped() {
        let (b, m) = (Duration::from_millis(200), Duration::from_secs(5));
        assert_eq!(delay(Some(2), 0, b, m, 0.5), Duration::from_secs(2));
        assert_eq!(delay(Some(3600), 0, b, m, 0.5), RETRY_AFTER_CAP);
        assert_eq!(delay(None, 0, b, m, 1.0), b);
    }

    #[test]
    fn retry_after_is_seconds_or_an_http_date() {
        // 2015-10-21T07:28:00Z
        let now = UNIX_EPOCH + Duration::from_secs(1_445_412_480);
        assert_eq!(parse_retry_after(" 7 ", now), Some(7));
        assert_eq!(
            parse_retry_after("99999999999999999999999", now),
            Some(u64::MAX)
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now),
            Some(30)
        );
        // Part of a second still to wait counts as a whole one.
        let later = now + Duration::from_millis(29_500);
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", later),
            Some(1)
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now),
            Some(0),
            "a date in the past: try now"
        );
        for junk in ["", "-1", "1.5", "soon", "Wed, 32 Oct 2015 07:28:00 GMT"] {
            assert_eq!(parse_retry_after(junk, now), None, "{junk:?}");
        }
    }
}
