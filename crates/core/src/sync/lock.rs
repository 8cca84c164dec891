//! One writer to the server at a time per data dir, across processes (the desktop app and
//! the CLI may share a database): an OS advisory lock (`flock` on Unix, `LockFileEx` on
//! Windows) on `sync.lock`, held through an open file for as long as a sync, a remote
//! create or a remote update runs. The OS releases it when the process ends, however it
//! ends, so a killed sync never leaves a lock behind and nothing depends on pids. The file
//! stays in place: removing it would let another process lock a new file while the first
//! still holds the old one. Its text (the holder's pid) is only for the busy message.

use crate::error::{CoreError, Result};
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::Path;
use std::time::Duration;

const LOCK_FILE: &str = "sync.lock";
/// How often a waiting taker tries again.
const RETRY_EVERY: Duration = Duration::from_millis(50);

/// Held while a sync (or a remote write) runs; the lock goes with the file handle.
#[derive(Debug)]
pub(crate) struct SyncLock {
    _file: File,
}

fn open(data_dir: &Path) -> Result<File> {
    let path = data_dir.join(LOCK_FILE);
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| CoreError::storage(format!("cannot open {}: {e}", path.display())))
}

/// Takes the lock of `data_dir` if nobody holds it.
pub(crate) fn try_acquire(data_dir: &Path) -> Result<Option<SyncLock>> {
    let mut file = open(data_dir)?;
    match file.try_lock() {
        Ok(()) => {
            // Who holds it, for the message another taker shows; not part of the lock.
            let _ = file
                .set_len(0)
                .and_then(|()| file.rewind())
                .and_then(|()| write!(file, "{}", std::process::id()));
            Ok(Some(SyncLock { _file: file }))
        }
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(e)) => Err(CoreError::storage(format!(
            "cannot lock {}: {e}",
            data_dir.join(LOCK_FILE).display()
        ))),
    }
}

fn busy(data_dir: &Path) -> CoreError {
    let mut owner = String::new();
    if let Ok(mut f) = File::open(data_dir.join(LOCK_FILE)) {
        let _ = f.read_to_string(&mut owner);
    }
    let owner = owner.trim();
    let who = if owner.is_empty() {
        String::new()
    } else {
        format!(" (process {owner})")
    };
    CoreError::Busy(format!(
        "another Roomdesk sync is running on this data folder{who}; try again when it has finished"
    ))
}

/// Takes the lock of `data_dir`, or says that someone holds it.
pub(crate) fn acquire(data_dir: &Path) -> Result<SyncLock> {
    try_acquire(data_dir)?.ok_or_else(|| busy(data_dir))
}

/// Takes the lock of `data_dir`, waiting up to `wait` for its holder to finish.
pub(crate) async fn acquire_within(data_dir: &Path, wait: Duration) -> Result<SyncLock> {
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        if let Some(lock) = try_acquire(data_dir)? {
            return Ok(lock);
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(busy(data_dir));
        }
        tokio::time::sleep(RETRY_EVERY).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Another process holding the lock, as far as the OS can tell: another open file
    /// description of the same file (`flock` locks belong to those, not to processes).
    fn held_elsewhere(dir: &Path) -> File {
        let f = open(dir).unwrap();
        f.try_lock().unwrap();
        f
    }

    #[test]
    fn a_held_lock_refuses_others_even_while_its_file_is_still_empty() {
        let dir = tempfile::tempdir().unwrap();
        let other = held_elsewhere(dir.path());
        // The holder has not written its pid yet: that is no reason to take over.
        assert_eq!(std::fs::read(dir.path().join(LOCK_FILE)).unwrap(), b"");
        let err = acquire(dir.path()).unwrap_err();
        assert_eq!(err.code(), "busy");
        assert!(err.to_string().contains("another Roomdesk sync"), "{err}");
        drop(other);
        let mine = acquire(dir.path()).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join(LOCK_FILE)).unwrap(),
            std::process::id().to_string()
        );
        assert!(acquire(dir.path()).is_err(), "one holder at a time");
        drop(mine);
        assert!(dir.path().join(LOCK_FILE).exists(), "the file stays");
        acquire(dir.path()).unwrap();
    }

    #[test]
    fn a_file_naming_a_live_process_that_holds_no_lock_is_no_lock() {
        let dir = tempfile::tempdir().unwrap();
        // A sync that died left its pid; the pid now belongs to a live process (this one).
        std::fs::write(dir.path().join(LOCK_FILE), std::process::id().to_string()).unwrap();
        acquire(dir.path()).unwrap();
    }

    #[tokio::test]
    async fn a_waiting_taker_gets_the_lock_when_the_holder_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let other = held_elsewhere(dir.path());
        let err = acquire_within(dir.path(), Duration::from_millis(120))
            .await
            .unwrap_err();
        assert_eq!(err.code(), "busy");
        let path = dir.path().to_path_buf();
        let waiter = tokio::spawn(async move {
            acquire_within(&path, Duration::from_secs(30))
                .await
                .map(|_| ())
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        drop(other);
        waiter.await.unwrap().unwrap();
    }
}
