//! The optional state file: rooms survive an emulator restart (the desktop Sandbox).
//! Written atomically (temp file in the same folder, then rename).

use crate::error::{EmulatorError, Result};
use roomdesk_model::Room;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

#[derive(Serialize, Deserialize)]
struct StateFile {
    version: u32,
    rooms: Vec<Room>,
}

/// Rooms from the file, or `None` when it does not exist.
pub(crate) fn load(path: &Path) -> Result<Option<Vec<Room>>> {
    let text = match std::fs::read(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(EmulatorError::StateLoad {
                path: path.to_path_buf(),
                reason: e.to_string(),
            })
        }
    };
    let file: StateFile = serde_json::from_slice(&text).map_err(|e| EmulatorError::StateLoad {
        path: path.to_path_buf(),
        reason: format!("not an emulator state file: {e}"),
    })?;
    Ok(Some(file.rooms))
}

/// Saves snapshots in order: a snapshot older than the last one written is skipped.
#[derive(Debug)]
pub(crate) struct Saver {
    path: PathBuf,
    last_version: Mutex<Option<u64>>,
}

impl Saver {
    pub fn new(path: PathBuf) -> Self {
        Saver {
            path,
            last_version: Mutex::new(None),
        }
    }

    pub fn save(&self, version: u64, rooms: &[Room]) -> Result<()> {
        let mut last = self
            .last_version
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        if last.is_some_and(|v| v >= version) {
            return Ok(());
        }
        write_atomically(&self.path, rooms).map_err(|source| EmulatorError::StateSave {
            path: self.path.clone(),
            source,
        })?;
        *last = Some(version);
        Ok(())
    }
}

fn write_atomically(path: &Path, rooms: &[Room]) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Out<'a> {
        version: u32,
        rooms: &'a [Room],
    }
    let body = serde_json::to_vec(&Out { version: 1, rooms }).map_err(std::io::Error::other)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut tmp_name = path.as_os_str().to_owned();
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = PathBuf::from(tmp_name);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&body)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::generate_rooms;

    #[test]
    fn round_trip_and_stale_snapshots_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("sandbox.json");
        assert!(load(&path).unwrap().is_none());
        let saver = Saver::new(path.clone());
        let rooms = generate_rooms(5, 1);
        saver.save(2, &rooms).unwrap();
        saver.save(1, &rooms[..1]).unwrap();
        assert_eq!(load(&path).unwrap().unwrap(), rooms);
        let leftovers = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(leftovers, 1, "no temp file left behind");
    }

    #[test]
    fn a_broken_file_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        std::fs::write(&path, "nope").unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(
            err.contains("s.json") && err.contains("not an emulator state file"),
            "{err}"
        );
    }
}
