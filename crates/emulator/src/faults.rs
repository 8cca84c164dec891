//! Fault machinery: the token bucket behind `rateLimitPerMinute` and the dice behind the
//! fault rates.

use std::time::{Duration, Instant};

/// How early (in seconds of refill) a request may arrive and still get its token.
pub(crate) const JITTER_GRACE_SECS: f64 = 0.02;

/// A token bucket: capacity `max(1, n/60)` tokens, refilled at `n/60` tokens per second.
///
/// A request that arrives up to [`JITTER_GRACE_SECS`] before its token is complete is let
/// through (the bucket briefly goes below zero): a client pacing itself at exactly the
/// same rate must not see 429s because of scheduler jitter on its side or ours.
#[derive(Debug, Clone)]
pub(crate) struct TokenBucket {
    per_minute: Option<u32>,
    tokens: f64,
    last: Instant,
}

impl TokenBucket {
    pub fn new(per_minute: Option<u32>) -> Self {
        let mut b = TokenBucket {
            per_minute,
            tokens: 0.0,
            last: Instant::now(),
        };
        b.tokens = b.capacity();
        b
    }

    fn rate_per_sec(&self) -> f64 {
        self.per_minute.map_or(0.0, |n| f64::from(n) / 60.0)
    }

    fn capacity(&self) -> f64 {
        self.rate_per_sec().max(1.0)
    }

    /// Starts over (full) when the configured rate changes.
    pub fn reconfigure(&mut self, per_minute: Option<u32>) {
        if per_minute != self.per_minute {
            *self = TokenBucket::new(per_minute);
        }
    }

    /// Takes a token at `now`, or says how many whole seconds (at least 1) to wait.
    pub fn take_at(&mut self, now: Instant) -> Result<(), u64> {
        let Some(_) = self.per_minute else {
            return Ok(());
        };
        let rate = self.rate_per_sec();
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + elapsed * rate).min(self.capacity());
        if self.tokens + rate * JITTER_GRACE_SECS >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            let wait = ((1.0 - self.tokens) / rate).ceil();
            Err((wait as u64).max(1))
        }
    }

    pub fn take(&mut self) -> Result<(), u64> {
        self.take_at(Instant::now())
    }
}

/// The injected-error status for a roll in `[0, 1)`: 500, 502 or 503 in equal shares.
pub(crate) fn fault_status(roll: f64) -> u16 {
    match (roll * 3.0) as u32 {
        0 => 500,
        1 => 502,
        _ => 503,
    }
}

/// Added latency as a duration (none for 0).
pub(crate) fn latency(ms: u64) -> Option<Duration> {
    (ms > 0).then(|| Duration::from_millis(ms))
}

/// Breaks a JSON body: cut in the middle so it can never parse.
pub(crate) fn malform(body: &[u8]) -> Vec<u8> {
    let mut out = body[..body.len() / 2].to_vec();
    out.extend_from_slice(b"\x00<!-- truncated by upstream -->");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_allows_capacity_then_asks_to_wait() {
        let t0 = Instant::now();
        let mut b = TokenBucket::new(Some(120)); // 2/s, capacity 2
        assert!(b.take_at(t0).is_ok());
        assert!(b.take_at(t0).is_ok());
        assert_eq!(b.take_at(t0), Err(1));
        // Half a second later one token is back.
        assert!(b.take_at(t0 + Duration::from_millis(500)).is_ok());
        assert!(b.take_at(t0 + Duration::from_millis(500)).is_err());
    }

    #[test]
    fn a_request_a_few_ms_early_is_forgiven_but_not_a_burst() {
        let t0 = Instant::now();
        let mut b = TokenBucket::new(Some(600)); // 10/s, capacity 10
        for _ in 0..10 {
            assert!(b.take_at(t0).is_ok());
        }
        // The next token is due at +100 ms; at +90 ms it is close enough.
        assert!(b.take_at(t0 + Duration::from_millis(90)).is_ok());
        assert!(b.take_at(t0 + Duration::from_millis(90)).is_err());
        // And the debt is paid back: the one after is due at +200 ms, not before +180.
        assert!(b.take_at(t0 + Duration::from_millis(170)).is_err());
        assert!(b.take_at(t0 + Duration::from_millis(195)).is_ok());
    }

    #[test]
    fn slow_bucket_has_capacity_one_and_long_waits() {
        let t0 = Instant::now();
        let mut b = TokenBucket::new(Some(6)); // one every 10 s
        assert!(b.take_at(t0).is_ok());
        assert_eq!(b.take_at(t0), Err(10));
        assert_eq!(b.take_at(t0 + Duration::from_secs(4)), Err(6));
        assert!(b.take_at(t0 + Duration::from_secs(10)).is_ok());
    }

    #[test]
    fn no_limit_never_refuses_and_reconfigure_refills() {
        let mut b = TokenBucket::new(None);
        for _ in 0..1000 {
            assert!(b.take().is_ok());
        }
        b.reconfigure(Some(60));
        assert!(b.take().is_ok());
        assert!(b.take().is_err());
    }

    #[test]
    fn statuses_and_malformed_bodies() {
        assert_eq!(fault_status(0.0), 500);
        assert_eq!(fault_status(0.5), 502);
        assert_eq!(fault_status(0.99), 503);
        let broken = malform(br#"{"id":"rm_1","title":"x"}"#);
        assert!(serde_json::from_slice::<serde_json::Value>(&broken).is_err());
        assert!(serde_json::from_slice::<serde_json::Value>(&malform(b"")).is_err());
        assert_eq!(latency(0), None);
    }
}
