//! Where the database lives and the one function that opens every connection.

use crate::error::{Result, StoreError};
use crate::migrate::SCHEMA_VERSION;
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The database file inside the data directory.
pub const DB_FILE_NAME: &str = "roomdesk.db";
/// How long a connection waits for another one (the CLI, the app) to finish writing.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The database file of a data directory.
pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DB_FILE_NAME)
}

/// Copies every commit held in the write-ahead log into the database file and empties the
/// log, so the file alone holds the database (before it is moved). `false` when another
/// connection kept part of the log in use: the file must not be moved then.
pub fn fold_wal(path: &Path) -> Result<bool> {
    let conn = open_connection(path)?;
    let (busy, log, copied): (i64, i64, i64) =
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    Ok(busy == 0 && log <= copied)
}

/// Creates the data directory (and its parents) when missing.
pub fn ensure_data_dir(data_dir: &Path) -> Result<()> {
    std::fs::create_dir_all(data_dir).map_err(|source| StoreError::CreateDataDir {
        path: data_dir.to_path_buf(),
        source,
    })
}

/// What a connection is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reads and writes; creates the file when missing.
    ReadWrite,
    /// Reads only (`query_only`): a reader beside the writer. In WAL mode it sees the last
    /// committed state while the writer works, and never waits for it. The file must exist.
    ReadOnly,
}

/// Opens a read-write connection to the database file, creating an empty one when
/// missing: [`open_connection_as`] with [`Access::ReadWrite`].
pub fn open_connection(path: &Path) -> Result<Connection> {
    open_connection_as(path, Access::ReadWrite)
}

/// Opens a connection to the database file. Every connection of the app goes through
/// here: WAL, `synchronous=NORMAL`, a busy timeout and foreign keys on; a reader
/// ([`Access::ReadOnly`]) is also `query_only`, so a write through it fails.
///
/// Before anything is written, the file is checked: a file that is not a SQLite database,
/// or one whose schema is newer than this build knows, is refused and left untouched.
pub fn open_connection_as(path: &Path, access: Access) -> Result<Connection> {
    let open_err = |source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    };
    // Readers open read-write (WAL readers need the shared-memory index, which a
    // read-only open may not be able to set up) and are made `query_only` below.
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if access == Access::ReadWrite {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;

    // A read first: it fails on garbage and tells the schema version, writing nothing.
    let found: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }

    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::NoWal {
            path: path.to_path_buf(),
            mode,
        });
    }
    // 64 MiB of page cache: a full pull updates several indexes in random order, and a
    // small cache would spill and re-read them for every room.
    conn.execute_batch(
        "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;",
    )
    .map_err(|e| classify(path, e))?;
    if access == Access::ReadOnly {
        conn.execute_batch("PRAGMA query_only = ON")
            .map_err(|e| classify(path, e))?;
    }
    Ok(conn)
}

/// A number that changes whenever another connection commits to the database (this
/// connection's own commits leave it alone): what the caches in memory check.
pub(crate) fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("PRAGMA data_version")?
        .query_row([], |r| r.get(0))?)
}

/// Turns "not a database" and "malformed" into the clear error; anything else stays an
/// open error.
fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
            StoreError::NotADatabase {
                path: path.to_path_buf(),
                detail: e.to_string(),
            }
        }
        _ => StoreError::Open {
            path: path.to_path_buf(),
            source: e,
        },
    }
}
