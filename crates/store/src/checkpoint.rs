//! Checkpoints after bulk writes run on a thread of their own.
//!
//! SQLite copies the write-ahead log back into the database file (a checkpoint) when a
//! commit leaves more than 1000 pages in the log, and the committing call pays for it.
//! After a pull of 100,000 rooms that is a copy of ~80 MB, about a quarter of the whole
//! write. A bulk write therefore commits with the automatic checkpoint off and hands the
//! copy to a short-lived second connection; readers and writers carry on meanwhile (that
//! is what WAL allows) and dropping the store waits for it. Small writes keep SQLite's
//! automatic checkpoint.

use crate::error::Result;
use crate::open::open_connection;
use crate::Store;
use rusqlite::Transaction;
use std::path::Path;

/// Writes touching at least this many rooms commit as bulk writes.
pub(crate) const BULK_ROWS: usize = 1_000;

/// SQLite's default for `wal_autocheckpoint`, restored after a bulk commit.
const AUTOCHECKPOINT_PAGES: i64 = 1_000;

fn checkpoint(path: &Path) -> Result<()> {
    let conn = open_connection(path)?;
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
    Ok(())
}

impl Store {
    /// Commits a transaction that wrote many rows, leaving the checkpoint to a
    /// background connection.
    pub(crate) fn commit_bulk(&self, tx: Transaction<'_>) -> Result<()> {
        tx.pragma_update(None, "wal_autocheckpoint", 0)?;
        let committed = tx.commit();
        self.conn
            .pragma_update(None, "wal_autocheckpoint", AUTOCHECKPOINT_PAGES)?;
        committed?;
        self.wait_for_checkpoint();
        let path = self.path.clone();
        let spawned = std::thread::Builder::new()
            .name("roomdesk-checkpoint".into())
            .spawn(move || {
                // A failed checkpoint loses nothing: the log stays and the next one copies it.
                let _ = checkpoint(&path);
            });
        match spawned {
            Ok(handle) => *self.checkpointer.borrow_mut() = Some(handle),
            // No thread to be had: do it here.
            Err(_) => {
                let _ = checkpoint(&self.path);
            }
        }
        Ok(())
    }

    /// Waits until a checkpoint started by a bulk write has finished (returns at once
    /// when none runs). Dropping the store does this too.
    pub fn wait_for_checkpoint(&self) {
        if let Some(handle) = self.checkpointer.borrow_mut().take() {
            let _ = handle.join();
        }
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        self.wait_for_checkpoint();
    }
}
