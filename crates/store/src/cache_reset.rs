//! Emptying the cache of server rooms ("Reset local cache"): the rooms are pulled again by
//! the next listing or sync. Unsynced work (drafts, pending edits, their conflicts) is
//! kept unless the caller says to drop it too.

use crate::checkpoint::BULK_ROWS;
use crate::error::Result;
use crate::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a cache reset removed and what it kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CacheCleared {
    /// Rooms removed from the local database (cached server rooms, and drafts when dropped).
    #[ts(type = "number")]
    pub rooms_removed: u64,
    /// Outbox entries (creates and edits) thrown away.
    #[ts(type = "number")]
    pub changes_dropped: u64,
    /// Conflicts thrown away.
    #[ts(type = "number")]
    pub conflicts_dropped: u64,
    /// Rooms kept because they hold unsynced work.
    #[ts(type = "number")]
    pub rooms_kept: u64,
}

/// Rooms with unsynced work: drafts, rooms with outbox entries or open conflicts.
/// Every statement has a WHERE clause: SQLite's truncate shortcut for a bare
/// `DELETE FROM rooms` would skip the update hook the search index listens to.
const UNSYNCED: &str = "is_draft = 1
     OR id IN (SELECT room_id FROM outbox)
     OR id IN (SELECT room_id FROM conflicts)";

impl Store {
    /// Removes every cached server room and what this app remembered writing to them.
    /// With `drop_unsynced`, also every draft, every outbox entry and every conflict:
    /// the database then holds no room at all. Without it, rooms with unsynced work stay
    /// exactly as they were. One transaction.
    pub fn clear_cache(&self, drop_unsynced: bool) -> Result<CacheCleared> {
        let tx = self.write_tx()?;
        let mut cleared = CacheCleared::default();
        if drop_unsynced {
            cleared.changes_dropped =
                tx.execute("DELETE FROM outbox WHERE seq IS NOT NULL", [])? as u64;
            cleared.conflicts_dropped =
                tx.execute("DELETE FROM conflicts WHERE room_id IS NOT NULL", [])? as u64;
            tx.execute("DELETE FROM room_written WHERE room_id IS NOT NULL", [])?;
            cleared.rooms_removed =
                tx.execute("DELETE FROM rooms WHERE rid IS NOT NULL", [])? as u64;
        } else {
            tx.execute(
                &format!(
                    "DELETE FROM room_written WHERE room_id NOT IN (SELECT id FROM rooms WHERE {UNSYNCED})"
                ),
                [],
            )?;
            cleared.rooms_removed =
                tx.execute(&format!("DELETE FROM rooms WHERE NOT ({UNSYNCED})"), [])? as u64;
            cleared.rooms_kept = tx.query_row("SELECT count(*) FROM rooms", [], |r| r.get(0))?;
        }
        if cleared.rooms_removed as usize >= BULK_ROWS {
            self.commit_bulk(tx)?;
        } else {
            tx.commit()?;
        }
        Ok(cleared)
    }
}
