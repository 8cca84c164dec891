//! The optional state file: rooms survive an emulator restart (the desktop Sandbox).
//! Written atomically (temp file in the same folder, then rename).

use crate::error::{EmulatorError, Result};
use crate::state::Db;
use roomdesk_model::Room;
use serde::de::{Error as _, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The state file as read: rooms go into the store one by one as they are parsed, so a
/// Sandbox of thousands of rooms never holds them twice (a `Vec<Room>` and the store),
/// nor leaves the allocator keeping the difference.
#[derive(Deserialize)]
struct LoadedStateFile {
    #[allow(dead_code)] // checked for presence by serde; one format so far
    version: u32,
    rooms: LoadedRooms,
}

struct LoadedRooms(Db);

impl<'de> Deserialize<'de> for LoadedRooms {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct Rooms;
        impl<'de> Visitor<'de> for Rooms {
            type Value = Db;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of rooms")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Db, A::Error> {
                let mut db = Db::default();
                // Each room is checked by parsing it, then kept as the text it came as
                // (no second serialisation at start-up).
                while let Some(raw) = seq.next_element::<&'de RawValue>()? {
                    let room: Room = serde_json::from_str(raw.get()).map_err(A::Error::custom)?;
                    db.upsert_with_json(&room, raw.get());
                }
                db.mark_initial();
                Ok(db)
            }
        }
        deserializer.deserialize_seq(Rooms).map(LoadedRooms)
    }
}

/// The rooms of the file, or `None` when it does not exist.
pub(crate) fn load(path: &Path) -> Result<Option<Db>> {
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
    let file: LoadedStateFile =
        serde_json::from_slice(&text).map_err(|e| EmulatorError::StateLoad {
            path: path.to_path_buf(),
            reason: format!("not an emulator state file: {e}"),
        })?;
    Ok(Some(file.rooms.0))
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
    write_file_durably(path, &body)
}

/// Replaces the file at `path` with `bytes` so that a crash or a power loss leaves either
/// the old file or the new one, never a torn or vanished one: written to a temp file in
/// the same folder, fsynced, renamed over `path`, then the folder fsynced (the rename
/// itself reaches the disk). The folder must exist. Used for the Sandbox's state file and
/// the desktop app's connection file.
pub fn write_file_durably(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp_name = path.as_os_str().to_owned();
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = PathBuf::from(tmp_name);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        sync_parent_dir(path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Makes a rename into `path`'s directory durable: the new directory entry reaches the
/// disk (a power loss after a rename could otherwise bring back the old file). A no-op
/// where directories cannot be opened as files (Windows).
pub(crate) fn sync_parent_dir(path: &Path) -> std::io::Result<()> {
    let dir = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(d) => d,
        None => Path::new("."),
    };
    if cfg!(unix) {
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::generate_rooms;

    #[test]
    fn a_loaded_file_keeps_the_last_copy_of_a_repeated_id_and_starts_at_version_0() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sandbox.json");
        let mut rooms = generate_rooms(3, 7);
        let mut again = rooms[0].clone();
        again.title = "Second copy".into();
        rooms.push(again);
        write_atomically(&path, &rooms).unwrap();
        let db = load(&path).unwrap().unwrap();
        assert_eq!(db.version(), 0);
        let all = db.all();
        assert_eq!(all.len(), 3);
        assert_eq!(all[0].title, "Second copy");
        assert_eq!(all[1..], rooms[1..3]);
        let first = db.get(&rooms[0].id).unwrap();
        assert_eq!(first.title, "Second copy");
    }

    #[test]
    fn round_trip_and_stale_snapshots_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("sandbox.json");
        assert!(load(&path).unwrap().is_none());
        let saver = Saver::new(path.clone());
        let rooms = generate_rooms(5, 1);
        saver.save(2, &rooms).unwrap();
        saver.save(1, &rooms[..1]).unwrap();
        assert_eq!(load(&path).unwrap().unwrap().all(), rooms);
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
