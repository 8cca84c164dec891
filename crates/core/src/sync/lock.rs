//! One sync at a time per data dir, across processes (the desktop app and the CLI may
//! share a database). The lock is a file created atomically, holding the owner's pid; a
//! lock left by a process that died (killed mid-sync) is taken over.

use crate::error::{CoreError, Result};
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const LOCK_FILE: &str = "sync.lock";
/// Where a process cannot be checked for life, a lock this old is taken as abandoned.
const STALE_AFTER: Duration = Duration::from_secs(15 * 60);

/// Held while a sync runs; removes the lock file when dropped.
pub(crate) struct SyncLock {
    path: PathBuf,
}

impl Drop for SyncLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn owner_is_gone(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else {
        return false; // being written right now: not ours to take
    };
    let pid = text.trim();
    if pid.is_empty() || pid.parse::<u32>().is_err() {
        return true;
    }
    if pid == std::process::id().to_string() {
        return false;
    }
    let proc_dir = Path::new("/proc");
    if proc_dir.is_dir() {
        return !proc_dir.join(pid).exists();
    }
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age > STALE_AFTER)
}

/// Takes the sync lock of `data_dir`, or says who holds it.
pub(crate) fn acquire(data_dir: &Path) -> Result<SyncLock> {
    let path = data_dir.join(LOCK_FILE);
    for _ in 0..2 {
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                write!(file, "{}", std::process::id()).map_err(CoreError::storage)?;
                return Ok(SyncLock { path });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                if owner_is_gone(&path) {
                    let _ = std::fs::remove_file(&path);
                    continue;
                }
                break;
            }
            Err(e) => {
                return Err(CoreError::storage(format!(
                    "cannot create {}: {e}",
                    path.display()
                )))
            }
        }
    }
    let owner = std::fs::read_to_string(&path).unwrap_or_default();
    Err(CoreError::Busy(format!(
        "another sync is running (process {}); try again when it has finished",
        owner.trim()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time_and_dead_holders_are_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let held = acquire(dir.path()).unwrap();
        // Same process, second taker: refused (the in-process mutex normally prevents it).
        assert_eq!(acquire(dir.path()).err().map(|e| e.code()), Some("busy"));
        drop(held);
        assert!(!dir.path().join(LOCK_FILE).exists());
        // A lock left by a process that no longer exists is taken over.
        std::fs::write(dir.path().join(LOCK_FILE), "4294967294").unwrap();
        let again = acquire(dir.path()).unwrap();
        drop(again);
    }
}
