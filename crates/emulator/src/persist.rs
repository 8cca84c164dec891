//! The optional state file (the desktop Sandbox's): an SQLite database the rooms live in
//! (`state.rs`), so they survive an emulator restart. Also reads the JSON state files
//! earlier versions wrote, to carry their rooms over.

use crate::error::{EmulatorError, Result};
use crate::state::{Db, OpenError};
use roomdesk_model::Room;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The rooms of the state file at `path`, or `None` when it does not exist.
pub(crate) fn load(path: &Path) -> Result<Option<Db>> {
    if !path.exists() {
        return Ok(None);
    }
    let reason = |e: OpenError| match e {
        OpenError::Foreign(why) => format!("not an emulator state file: {why}"),
        OpenError::Sqlite(e) => e.to_string(),
    };
    Db::open(path)
        .map(Some)
        .map_err(|e| EmulatorError::StateLoad {
            path: path.to_path_buf(),
            reason: reason(e),
        })
}

/// Creates the state file at `path` (and its folder) holding `rooms`.
pub(crate) fn create(path: &Path, rooms: Vec<Room>) -> Result<Db> {
    let failed = |e: &dyn std::fmt::Display| EmulatorError::StateSave {
        path: path.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| failed(&e))?;
    }
    let mut db = Db::create(path).map_err(|e| failed(&e))?;
    db.insert_all(rooms).map_err(|e| failed(&e))?;
    Ok(db)
}

/// A JSON state file of earlier versions: `{"version": 1, "rooms": [...]}`.
#[derive(Deserialize)]
struct JsonStateFile<'a> {
    #[allow(dead_code)] // checked for presence by serde; there was one format
    version: u32,
    #[serde(borrow)]
    rooms: Vec<&'a RawValue>,
}

/// Creates the state file `db_path` from the rooms of the JSON state file `json_path`
/// (later copies of an id replace earlier ones); the number of rooms read. `db_path` is
/// written whole or not at all (built aside, then renamed into place); `json_path` is
/// left as it is.
pub fn import_json_state(json_path: &Path, db_path: &Path) -> Result<usize> {
    let unreadable = |reason: String| EmulatorError::StateLoad {
        path: json_path.to_path_buf(),
        reason,
    };
    let text = std::fs::read(json_path).map_err(|e| unreadable(e.to_string()))?;
    let file: JsonStateFile = serde_json::from_slice(&text)
        .map_err(|e| unreadable(format!("not an emulator state file: {e}")))?;
    let rooms = file
        .rooms
        .iter()
        .map(|raw| {
            serde_json::from_str::<Room>(raw.get())
                .map(|room| (room, raw.get()))
                .map_err(|e| unreadable(format!("not an emulator state file: {e}")))
        })
        .collect::<Result<Vec<_>>>()?;
    let failed = |e: &dyn std::fmt::Display| EmulatorError::StateSave {
        path: db_path.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    };
    let mut aside = db_path.as_os_str().to_owned();
    aside.push(format!(".import-{}", std::process::id()));
    let aside = PathBuf::from(aside);
    let _ = std::fs::remove_file(&aside);
    let built = (|| {
        let mut db = Db::create(&aside).map_err(|e| failed(&e))?;
        let n = db.insert_all_with_json(rooms).map_err(|e| failed(&e))?;
        // Back to a single file before the rename (no write-ahead log beside it).
        db.close().map_err(|e| failed(&e))?;
        std::fs::rename(&aside, db_path).map_err(|e| failed(&e))?;
        sync_parent_dir(db_path).map_err(|e| failed(&e))?;
        Ok(n)
    })();
    if built.is_err() {
        let _ = std::fs::remove_file(&aside);
    }
    built
}

/// Replaces the file at `path` with `bytes` so that a crash or a power loss leaves either
/// the old file or the new one, never a torn or vanished one: written to a temp file in
/// the same folder, fsynced, renamed over `path`, then the folder fsynced (the rename
/// itself reaches the disk). The folder must exist. Used for the desktop app's connection
/// file.
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
    use serde_json::json;

    #[test]
    fn a_json_state_file_is_imported_whole_keeping_the_last_copy_of_a_repeated_id() {
        let dir = tempfile::tempdir().unwrap();
        let json_path = dir.path().join("sandbox.json");
        let db_path = dir.path().join("sandbox.db");
        let mut rooms = generate_rooms(3, 7);
        let mut again = rooms[0].clone();
        again.title = "Second copy".into();
        rooms.push(again);
        std::fs::write(
            &json_path,
            json!({"version": 1, "rooms": rooms}).to_string(),
        )
        .unwrap();
        assert_eq!(import_json_state(&json_path, &db_path).unwrap(), 4);
        let all = load(&db_path).unwrap().unwrap().all().unwrap();
        assert_eq!(all.len(), 3);
        assert_eq!(all[0].title, "Second copy");
        assert_eq!(all[1..], rooms[1..3]);
        assert!(json_path.exists(), "the JSON file is left as it was");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "nothing else left behind: {names:?}");
    }

    #[test]
    fn a_broken_json_file_imports_nothing_and_says_which_file() {
        let dir = tempfile::tempdir().unwrap();
        let json_path = dir.path().join("s.json");
        let db_path = dir.path().join("s.db");
        std::fs::write(&json_path, "nope").unwrap();
        let err = import_json_state(&json_path, &db_path)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("s.json") && err.contains("not an emulator state file"),
            "{err}"
        );
        assert!(!db_path.exists());
    }

    #[test]
    fn a_missing_file_is_none_and_a_foreign_one_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("sandbox.db");
        assert!(load(&path).unwrap().is_none());
        let rooms = generate_rooms(5, 1);
        create(&path, rooms.clone()).unwrap();
        assert_eq!(load(&path).unwrap().unwrap().all().unwrap(), rooms);

        let foreign = dir.path().join("s.db");
        std::fs::write(&foreign, "nope").unwrap();
        let err = load(&foreign).unwrap_err().to_string();
        assert!(
            err.contains("s.db") && err.contains("not an emulator state file"),
            "{err}"
        );
    }
}
