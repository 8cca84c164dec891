//! The server's clock, estimated from the `Date` header of its answers.
//!
//! An answer whose `Date` reads `D` (whole seconds) was stamped by the server at some
//! server time in `[D, D + 1 s)`, while the local clock read between `t0` (just before the
//! request went out) and `t1` (when the answer arrived). So `server − local` lies in
//! `(D − t1, D + 1 s − t0]`. Each answer gives such an interval; the estimate is the
//! intersection of the recent ones, which narrows as answers land at different points of
//! the server's second. If they stop overlapping (a clock was set), only the newest one is
//! kept.

use std::collections::VecDeque;
use std::sync::Mutex;

/// How many recent answers the estimate keeps.
const SAMPLES: usize = 32;

/// `server clock − local clock`, in milliseconds: somewhere in `(lo_ms, hi_ms]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockOffset {
    pub lo_ms: i64,
    pub hi_ms: i64,
}

impl ClockOffset {
    /// The interval one answer gives: `Date` (epoch ms, whole seconds) seen by a request
    /// sent at `sent_ms` and answered at `received_ms` (local clock).
    pub fn from_answer(date_ms: i64, sent_ms: i64, received_ms: i64) -> ClockOffset {
        ClockOffset {
            lo_ms: date_ms - received_ms.max(sent_ms),
            hi_ms: date_ms + 1000 - sent_ms,
        }
    }

    fn intersect(self, other: ClockOffset) -> Option<ClockOffset> {
        let lo_ms = self.lo_ms.max(other.lo_ms);
        let hi_ms = self.hi_ms.min(other.hi_ms);
        (lo_ms < hi_ms).then_some(ClockOffset { lo_ms, hi_ms })
    }
}

/// The recent answers' intervals.
#[derive(Debug, Default)]
pub(crate) struct ServerClock {
    samples: Mutex<VecDeque<ClockOffset>>,
}

impl ServerClock {
    /// Records an answer's `Date` header (ignored when missing or unreadable).
    pub fn record(&self, date: Option<&str>, sent_ms: i64, received_ms: i64) {
        let Some(date_ms) = date.and_then(parse_http_date) else {
            return;
        };
        let sample = ClockOffset::from_answer(date_ms, sent_ms, received_ms);
        let mut samples = self.samples.lock().unwrap_or_else(|p| p.into_inner());
        if samples.len() == SAMPLES {
            samples.pop_front();
        }
        samples.push_back(sample);
    }

    /// The intersection of the recent answers' intervals (newest first; older ones that
    /// contradict the newer are dropped). `None` before any answer carried a `Date`.
    pub fn offset(&self) -> Option<ClockOffset> {
        let mut samples = self.samples.lock().unwrap_or_else(|p| p.into_inner());
        let mut estimate = *samples.back()?;
        let mut keep = 1;
        for sample in samples.iter().rev().skip(1) {
            match estimate.intersect(*sample) {
                Some(narrower) => {
                    estimate = narrower;
                    keep += 1;
                }
                None => break,
            }
        }
        // Older samples than the first contradiction describe a clock that was reset.
        let drop = samples.len() - keep;
        samples.drain(..drop);
        Some(estimate)
    }
}

/// An HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`) as epoch milliseconds.
fn parse_http_date(value: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc2822(value.trim())
        .ok()
        .map(|d| d.timestamp_millis())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATE: &str = "Sat, 05 Dec 2026 00:55:32 GMT";

    #[test]
    fn one_answer_bounds_the_offset_by_a_second_plus_the_round_trip() {
        let d = parse_http_date(DATE).unwrap();
        assert_eq!(d % 1000, 0);
        let clock = ServerClock::default();
        assert_eq!(clock.offset(), None, "no answer yet");
        clock.record(None, 0, 10);
        assert_eq!(clock.offset(), None, "no Date header: no estimate");
        // Same clocks: the server stamped the answer 300 ms into its second.
        let sent = d + 290;
        clock.record(Some(DATE), sent, sent + 20);
        let o = clock.offset().unwrap();
        assert!(o.lo_ms < 0 && o.hi_ms > 0, "{o:?}");
        assert_eq!(o.hi_ms - o.lo_ms, 1020);
    }

    #[test]
    fn answers_at_other_points_of_the_second_narrow_it() {
        let clock = ServerClock::default();
        let skew = 42_000; // the server runs 42 s ahead
        for into_second in [900, 30, 500, 980, 5] {
            let server_ms = parse_http_date(DATE).unwrap() + into_second;
            let date = chrono::DateTime::from_timestamp_millis(server_ms)
                .unwrap()
                .format("%a, %d %b %Y %H:%M:%S GMT")
                .to_string();
            let local = server_ms - skew;
            clock.record(Some(&date), local - 2, local + 2);
        }
        let o = clock.offset().unwrap();
        assert!(o.lo_ms < skew && skew <= o.hi_ms, "{o:?}");
        assert!(o.hi_ms - o.lo_ms <= 40, "narrowed to {o:?}");
    }

    #[test]
    fn a_clock_set_meanwhile_restarts_the_estimate() {
        let clock = ServerClock::default();
        let d = parse_http_date(DATE).unwrap();
        clock.record(Some(DATE), d + 100, d + 110);
        // An hour later by the server, a second later locally: the server clock moved.
        let later = "Sat, 05 Dec 2026 01:55:33 GMT";
        clock.record(Some(later), d + 1100, d + 1110);
        let o = clock.offset().unwrap();
        assert!(o.lo_ms > 3_500_000, "{o:?}");
    }
}
