//! Small key/value bookkeeping for sync (last pull time, a sync-in-progress marker, ...).

use crate::error::Result;
use crate::Store;
use rusqlite::{params, OptionalExtension};

impl Store {
    pub fn sync_state(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM sync_state WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_sync_state(&self, key: &str, value: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO sync_state (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?
            .execute(params![key, value])?;
        Ok(())
    }

    pub fn clear_sync_state(&self, key: &str) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM sync_state WHERE key = ?1")?
            .execute([key])?;
        Ok(())
    }
}
