//! Client-side pacing: request starts spread evenly across every task sharing a client,
//! and a shared pause when the server says 429.
//!
//! With `requests_per_minute = n`, starts are at least `60/n` seconds apart (plus a small
//! safety margin for network jitter), so a server token bucket of capacity `max(1, n/60)`
//! refilling `n/60` per second never runs dry.

use std::sync::Mutex;
use std::time::Duration;
use tokio::time::Instant;

/// Extra spacing on top of `60/n`, so requests that arrive a little late do not find
/// the next one's token missing.
const MARGIN: f64 = 0.03;

#[derive(Debug)]
pub(crate) struct Pacer {
    interval: Option<Duration>,
    state: Mutex<PacerState>,
}

#[derive(Debug)]
struct PacerState {
    next_start: Instant,
    paused_until: Instant,
}

impl Pacer {
    pub fn new(requests_per_minute: Option<u32>) -> Self {
        let interval = requests_per_minute
            .filter(|n| *n > 0)
            .map(|n| Duration::from_secs_f64(60.0 / f64::from(n) * (1.0 + MARGIN)));
        let now = Instant::now();
        Pacer {
            interval,
            state: Mutex::new(PacerState {
                next_start: now,
                paused_until: now,
            }),
        }
    }

    /// Reserves the next start slot and returns when it is.
    pub fn reserve(&self, now: Instant) -> Instant {
        let mut s = match self.state.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        let start = now.max(s.next_start).max(s.paused_until);
        if let Some(interval) = self.interval {
            s.next_start = start + interval;
        }
        start
    }

    /// Waits for this task's turn to start a request.
    pub async fn wait_turn(&self) {
        let start = self.reserve(Instant::now());
        tokio::time::sleep_until(start).await;
    }

    /// Holds every new request until `until` (the server asked us to slow down).
    pub fn pause_until(&self, until: Instant) {
        let mut s = match self.state.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        s.paused_until = s.paused_until.max(until);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_are_spread_evenly() {
        let pacer = Pacer::new(Some(600)); // one per 100 ms (+ margin)
        let t0 = Instant::now();
        let slots: Vec<Instant> = (0..5).map(|_| pacer.reserve(t0)).collect();
        assert_eq!(slots[0], t0);
        for w in slots.windows(2) {
            let gap = w[1] - w[0];
            assert!(gap >= Duration::from_millis(100), "{gap:?}");
            assert!(gap <= Duration::from_millis(105), "{gap:?}");
        }
        // Later callers start no earlier than now.
        let late = t0 + Duration::from_secs(10);
        assert_eq!(pacer.reserve(late), late);
    }

    #[test]
    fn no_pacing_means_no_waiting_except_a_pause() {
        let pacer = Pacer::new(None);
        let t0 = Instant::now();
        assert_eq!(pacer.reserve(t0), t0);
        assert_eq!(pacer.reserve(t0), t0);
        pacer.pause_until(t0 + Duration::from_secs(2));
        assert_eq!(pacer.reserve(t0), t0 + Duration::from_secs(2));
        pacer.pause_until(t0 + Duration::from_secs(1)); // never shortens a pause
        assert_eq!(pacer.reserve(t0), t0 + Duration::from_secs(2));
    }

    /// Simulates the emulator's token bucket fed by the pacer's schedule: never empty.
    #[test]
    fn a_matching_token_bucket_never_refuses() {
        for n in [1u32, 30, 60, 61, 119, 120, 600, 6000, 12000] {
            let pacer = Pacer::new(Some(n));
            let t0 = Instant::now();
            let rate = f64::from(n) / 60.0;
            let capacity = rate.max(1.0);
            let mut tokens = capacity;
            let mut last = t0;
            for _ in 0..500 {
                let at = pacer.reserve(t0);
                tokens = (tokens + (at - last).as_secs_f64() * rate).min(capacity);
                last = at;
                assert!(tokens >= 1.0, "n={n}: bucket ran dry ({tokens})");
                tokens -= 1.0;
            }
        }
    }
}
