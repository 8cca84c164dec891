//! The state one emulator shares between its connections, its control API and its handle.

use crate::config::{EmulatorConfig, Faults};
use crate::faults::TokenBucket;
use crate::rng::Rng;
use crate::state::{Db, DbResult};
use roomdesk_model::{format_timestamp, parse_timestamp_millis, Room, RoomPatch};
use serde::Serialize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

/// Request counters (`GET /__emulator/stats`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmulatorStats {
    /// API requests received (control requests are not counted).
    pub requests: u64,
    /// Requests answered `429`.
    pub rate_limited: u64,
    /// Injected faults: 5xx answers, malformed bodies, dropped connections (offline or
    /// after a create).
    pub faults_injected: u64,
    /// Rooms stored by `POST /api/v2/rooms` (including creates whose answer was dropped).
    pub rooms_created: u64,
}

#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub requests: AtomicU64,
    pub rate_limited: AtomicU64,
    pub faults_injected: AtomicU64,
    pub rooms_created: AtomicU64,
}

impl Counters {
    pub fn bump(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    pub fn snapshot(&self) -> EmulatorStats {
        EmulatorStats {
            requests: self.requests.load(Ordering::Relaxed),
            rate_limited: self.rate_limited.load(Ordering::Relaxed),
            faults_injected: self.faults_injected.load(Ordering::Relaxed),
            rooms_created: self.rooms_created.load(Ordering::Relaxed),
        }
    }
}

/// Locks a mutex, recovering the data if another thread panicked while holding it (the
/// emulator's state stays usable; every write leaves it consistent).
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poison| poison.into_inner())
}

#[derive(Debug)]
pub(crate) struct App {
    pub api_key: String,
    pub db: Mutex<Db>,
    faults: Mutex<Faults>,
    pub bucket: Mutex<TokenBucket>,
    pub dice: Mutex<Rng>,
    pub counters: Counters,
}

impl App {
    pub fn new(config: &EmulatorConfig, db: Db) -> Self {
        App {
            api_key: config.api_key.clone(),
            db: Mutex::new(db),
            bucket: Mutex::new(TokenBucket::new(config.faults.rate_limit_per_minute)),
            faults: Mutex::new(config.faults.clone()),
            dice: Mutex::new(Rng::new(config.rng_seed ^ 0xFA17)),
            counters: Counters::default(),
        }
    }

    pub fn faults(&self) -> Faults {
        lock(&self.faults).clone()
    }

    pub fn set_faults(&self, faults: Faults) {
        lock(&self.bucket).reconfigure(faults.rate_limit_per_minute);
        *lock(&self.faults) = faults;
    }

    /// Rolls the fault dice: true with probability `p`.
    pub fn roll(&self, p: f64) -> bool {
        lock(&self.dice).chance(p)
    }

    pub fn roll_unit(&self) -> f64 {
        lock(&self.dice).unit()
    }

    /// Deletes a room as Flowla's web app would; `false` when the id is unknown.
    pub fn delete_room(&self, id: &str) -> DbResult<bool> {
        lock(&self.db).remove(id)
    }

    /// Applies an already validated patch to a stored room and moves `updatedAt` strictly
    /// forward. `None` when the id is unknown.
    pub fn apply_patch(&self, id: &str, patch: &RoomPatch) -> DbResult<Option<Room>> {
        let mut db = lock(&self.db);
        db.update(id, |room| {
            let previous = parse_timestamp_millis(&room.updated_at).unwrap_or(i64::MIN);
            patch.apply_to(room);
            room.updated_at = format_timestamp(next_millis(previous));
        })
    }
}

/// Now in milliseconds, but strictly after `previous`.
pub(crate) fn next_millis(previous: i64) -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    now.max(previous.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_millis_is_strictly_after_the_previous_even_in_the_future() {
        let far = 4_000_000_000_000;
        assert_eq!(next_millis(far), far + 1);
        assert!(next_millis(0) > 1_700_000_000_000);
    }

    #[test]
    fn patch_moves_updated_at_forward_twice_in_a_row() {
        let rooms = crate::seed::generate_rooms(1, 1);
        let id = rooms[0].id.clone();
        let app = App::new(&EmulatorConfig::default(), Db::from_rooms(rooms));
        let patch = RoomPatch {
            title: Some("A".into()),
            ..Default::default()
        };
        let a = app.apply_patch(&id, &patch).unwrap().unwrap();
        let b = app.apply_patch(&id, &patch).unwrap().unwrap();
        let (ta, tb) = (
            parse_timestamp_millis(&a.updated_at).unwrap(),
            parse_timestamp_millis(&b.updated_at).unwrap(),
        );
        assert!(tb > ta, "{} then {}", a.updated_at, b.updated_at);
        assert!(app.apply_patch("rm_nope", &patch).unwrap().is_none());
    }
}
