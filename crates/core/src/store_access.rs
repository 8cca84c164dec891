//! Shared access to the local store: one writer connection behind a mutex, and reader
//! connections beside it. In WAL mode a reader answers from the last committed state while
//! the writer works, so lists, gets, searches, the outbox and conflicts never wait for a
//! sync. Async callers run store work on the blocking pool, never on a runtime worker.

use crate::error::{CoreError, Result};
use roomdesk_store::Store;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// Readers kept open between calls (more are opened when more reads run at once).
const IDLE_READERS: usize = 2;

#[derive(Clone)]
pub(crate) struct StoreAccess {
    shared: Arc<Shared>,
}

struct Shared {
    writer: Mutex<Store>,
    /// Idle readers, each with its own listing orders and search index.
    readers: Mutex<Vec<Store>>,
    path: PathBuf,
}

fn poisoned<T>(_: T) -> CoreError {
    CoreError::Storage("the local store lock is poisoned".into())
}

fn task_failed(e: tokio::task::JoinError) -> CoreError {
    CoreError::Storage(format!("local store task failed: {e}"))
}

impl StoreAccess {
    pub fn open(data_dir: &Path) -> Result<Self> {
        let writer = Store::open(data_dir)?;
        let path = writer.path().to_path_buf();
        Ok(StoreAccess {
            shared: Arc::new(Shared {
                writer: Mutex::new(writer),
                readers: Mutex::new(Vec::new()),
                path,
            }),
        })
    }

    fn writer(&self) -> Result<MutexGuard<'_, Store>> {
        self.shared.writer.lock().map_err(poisoned)
    }

    /// Runs a short store call with the writer on this thread (waits for a running write).
    pub fn with<T>(&self, f: impl FnOnce(&Store) -> roomdesk_store::Result<T>) -> Result<T> {
        Ok(f(&*self.writer()?)?)
    }

    /// Runs a read on a reader connection on this thread: it never waits for the writer.
    pub fn read_now<T>(&self, f: impl FnOnce(&Store) -> roomdesk_store::Result<T>) -> Result<T> {
        let idle = self.shared.readers.lock().map_err(poisoned)?.pop();
        let reader = match idle {
            Some(reader) => reader,
            None => Store::open_reader(&self.shared.path)?,
        };
        let answer = f(&reader);
        // A reader that failed is dropped rather than reused; one more than needed too.
        if answer.is_ok() {
            let mut idle = self.shared.readers.lock().map_err(poisoned)?;
            if idle.len() < IDLE_READERS {
                idle.push(reader);
            }
        }
        Ok(answer?)
    }

    /// Runs a read on a reader connection on the blocking pool.
    pub async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> roomdesk_store::Result<T> + Send + 'static,
    ) -> Result<T> {
        let this = self.clone();
        tokio::task::spawn_blocking(move || this.read_now(f))
            .await
            .map_err(task_failed)?
    }

    /// Runs a write (or a read that must follow this process's writes exactly, inside
    /// the writer's turn) with the writer on the blocking pool.
    pub async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> roomdesk_store::Result<T> + Send + 'static,
    ) -> Result<T> {
        let this = self.clone();
        tokio::task::spawn_blocking(move || this.with(f))
            .await
            .map_err(task_failed)?
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use roomdesk_model::{ListQuery, NewRoom};
    use std::sync::{Barrier, Condvar};

    /// The writer is busy (its mutex held by a parked write that holds the database's write
    /// lock with an uncommitted change): reads still answer, from the last commit.
    #[test]
    fn reads_answer_while_the_writer_is_held() {
        let dir = tempfile::tempdir().unwrap();
        let access = StoreAccess::open(dir.path()).unwrap();
        let room = access
            .with(|s| {
                s.create_draft(&NewRoom {
                    title: Some("Committed".into()),
                    ..Default::default()
                })
            })
            .unwrap();
        let id = room.room.id.clone();

        let holding = Arc::new(Barrier::new(2));
        let release = Arc::new((Mutex::new(false), Condvar::new()));
        let writer = {
            let (access, holding, release, id) =
                (access.clone(), holding.clone(), release.clone(), id.clone());
            std::thread::spawn(move || {
                access.with(|s| {
                    // The edit is recorded in its own transaction; this one holds the
                    // write lock with a change of its own, never committed.
                    let raw = roomdesk_store::open_connection(s.path())?;
                    raw.execute_batch("BEGIN IMMEDIATE")?;
                    raw.execute(
                        "UPDATE rooms SET title = 'Uncommitted' WHERE id = ?1",
                        [&id],
                    )?;
                    holding.wait();
                    let (done, wake) = &*release;
                    let mut done = done.lock().unwrap();
                    while !*done {
                        done = wake.wait(done).unwrap();
                    }
                    raw.execute_batch("ROLLBACK")?;
                    Ok(())
                })
            })
        };
        holding.wait();
        // The writer's mutex is held and the database is write-locked right now.
        assert!(access.shared.writer.try_lock().is_err(), "writer held");
        let raw = roomdesk_store::open_connection(&access.shared.path).unwrap();
        raw.busy_timeout(std::time::Duration::ZERO).unwrap();
        assert!(
            raw.execute_batch("BEGIN IMMEDIATE").is_err(),
            "database write-locked"
        );

        let found = access.read_now(|s| s.find_room(&id)).unwrap().unwrap();
        assert_eq!(found.room.title, "Committed");
        let (rooms, total) = access
            .read_now(|s| s.list_rooms(&ListQuery::default(), Some("committed")))
            .unwrap();
        assert_eq!(total, 1);
        assert_eq!(rooms[0].room.id, id);
        let outbox = access.read_now(|s| s.outbox()).unwrap();
        assert_eq!(outbox.len(), 1);

        let (done, wake) = &*release;
        *done.lock().unwrap() = true;
        wake.notify_all();
        writer.join().unwrap().unwrap();
    }

    #[test]
    fn a_reader_refuses_writes() {
        let dir = tempfile::tempdir().unwrap();
        let access = StoreAccess::open(dir.path()).unwrap();
        let refused = access.read_now(|s| s.create_draft(&NewRoom::default()));
        assert!(refused.is_err());
        assert!(access.with(|s| s.outbox()).unwrap().is_empty());
    }
}
