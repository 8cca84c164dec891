//! The rooms the emulator holds, in an SQLite database: a file for the desktop Sandbox
//! (the rooms survive a restart, and live on disk rather than in the app's memory), or
//! in memory for tests and benchmarks. Each room is kept as the JSON it is served as,
//! beside its four sort keys; one index per sort field and direction serves the listing
//! in the contract's order without sorting.

use roomdesk_model::{sort_key, ListQuery, Room, SortDirection, SortField};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::path::Path;

pub(crate) type DbResult<T> = std::result::Result<T, rusqlite::Error>;

/// Marks a database as an emulator state file (`PRAGMA user_version`).
const FORMAT_VERSION: i64 = 1;

/// The column holding a field's sort key (`roomdesk_model::sort_key`).
fn key_column(field: SortField) -> &'static str {
    match field {
        SortField::CreatedAt => "k_created",
        SortField::UpdatedAt => "k_updated",
        SortField::TotalEngagements => "k_engagements",
        SortField::LastEngagedAt => "k_engaged",
    }
}

const SCHEMA: &str = "
CREATE TABLE rooms (
    pos INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    json TEXT NOT NULL,
    k_created INTEGER,
    k_updated INTEGER,
    k_engagements INTEGER,
    k_engaged INTEGER
);
CREATE INDEX rooms_created_asc ON rooms (k_created ASC, id ASC);
CREATE INDEX rooms_created_desc ON rooms (k_created DESC, id ASC);
CREATE INDEX rooms_updated_asc ON rooms (k_updated ASC, id ASC);
CREATE INDEX rooms_updated_desc ON rooms (k_updated DESC, id ASC);
CREATE INDEX rooms_engagements_asc ON rooms (k_engagements ASC, id ASC);
CREATE INDEX rooms_engagements_desc ON rooms (k_engagements DESC, id ASC);
CREATE INDEX rooms_engaged_asc ON rooms (k_engaged ASC, id ASC);
CREATE INDEX rooms_engaged_desc ON rooms (k_engaged DESC, id ASC);
";

/// Why a file could not be opened as a state file.
#[derive(Debug, thiserror::Error)]
pub(crate) enum OpenError {
    #[error("not an emulator state file ({0})")]
    Foreign(String),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

#[derive(Debug)]
pub(crate) struct Db {
    conn: Connection,
}

impl Db {
    /// An empty store in memory.
    pub fn in_memory() -> DbResult<Db> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(SCHEMA)?;
        Ok(Db { conn })
    }

    /// Creates a new, empty state file at `path` (which must not exist yet).
    pub fn create(path: &Path) -> DbResult<Db> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn)?;
        conn.execute_batch(&format!(
            "BEGIN; {SCHEMA} PRAGMA user_version = {FORMAT_VERSION}; COMMIT;"
        ))?;
        Ok(Db { conn })
    }

    /// Opens an existing state file.
    pub fn open(path: &Path) -> Result<Db, OpenError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::NotADatabase) => OpenError::Foreign(e.to_string()),
                _ => OpenError::Sqlite(e),
            })?;
        if version != FORMAT_VERSION {
            return Err(OpenError::Foreign(format!(
                "format {version}, this version reads {FORMAT_VERSION}"
            )));
        }
        configure(&conn)?;
        Ok(Db { conn })
    }

    /// Closes the database (a state file is then one file: the write-ahead log is merged).
    pub fn close(self) -> DbResult<()> {
        self.conn.close().map_err(|(_, e)| e)
    }

    /// An in-memory store holding `rooms` (later rooms with an id already seen replace
    /// earlier ones). For tests.
    #[cfg(test)]
    pub fn from_rooms(rooms: Vec<Room>) -> Db {
        let mut db = Db::in_memory().expect("an in-memory database opens");
        db.insert_all(rooms).expect("rooms are stored");
        db
    }

    /// Stores `rooms` in one transaction, each as [`Db::upsert`] would.
    pub fn insert_all(&mut self, rooms: impl IntoIterator<Item = Room>) -> DbResult<()> {
        let tx = self.conn.transaction()?;
        for room in rooms {
            put(
                &tx,
                &room,
                &serde_json::to_string(&room).unwrap_or_default(),
            )?;
        }
        tx.commit()
    }

    /// Stores rooms given as the JSON texts they are served as, in one transaction
    /// (`rooms` yields each room with its text).
    pub fn insert_all_with_json<'a>(
        &mut self,
        rooms: impl IntoIterator<Item = (Room, &'a str)>,
    ) -> DbResult<usize> {
        let tx = self.conn.transaction()?;
        let mut n = 0;
        for (room, json) in rooms {
            put(&tx, &room, json)?;
            n += 1;
        }
        tx.commit()?;
        Ok(n)
    }

    pub fn get(&self, id: &str) -> DbResult<Option<Room>> {
        self.conn
            .prepare_cached("SELECT json FROM rooms WHERE id = ?1")?
            .query_row([id], |r| r.get::<_, String>(0))
            .optional()
            .and_then(|json| json.map(|j| parse(&j)).transpose())
    }

    pub fn contains(&self, id: &str) -> DbResult<bool> {
        self.conn
            .prepare_cached("SELECT 1 FROM rooms WHERE id = ?1")?
            .exists([id])
    }

    /// Every room, in insertion order.
    pub fn all(&self) -> DbResult<Vec<Room>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT json FROM rooms ORDER BY pos")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|json| json.and_then(|j| parse(&j))).collect()
    }

    /// Inserts a room, or replaces the room with the same id (which keeps its place in
    /// the insertion order).
    pub fn upsert(&mut self, room: &Room) -> DbResult<()> {
        put(
            &self.conn,
            room,
            &serde_json::to_string(room).unwrap_or_default(),
        )
    }

    /// Changes one room in place; the changed room, or `None` when the id is unknown.
    pub fn update<F: FnOnce(&mut Room)>(&mut self, id: &str, change: F) -> DbResult<Option<Room>> {
        let tx = self.conn.transaction()?;
        let Some(json) = tx
            .prepare_cached("SELECT json FROM rooms WHERE id = ?1")?
            .query_row([id], |r| r.get::<_, String>(0))
            .optional()?
        else {
            return Ok(None);
        };
        let mut room = parse(&json)?;
        change(&mut room);
        put(
            &tx,
            &room,
            &serde_json::to_string(&room).unwrap_or_default(),
        )?;
        tx.commit()?;
        Ok(Some(room))
    }

    /// Removes a room (what deleting it in Flowla's web app looks like to the API).
    /// `false` when the id is unknown.
    pub fn remove(&mut self, id: &str) -> DbResult<bool> {
        self.conn
            .prepare_cached("DELETE FROM rooms WHERE id = ?1")?
            .execute([id])
            .map(|n| n > 0)
    }

    /// One page in the contract's order, and the total number of rooms.
    #[cfg(test)]
    pub fn page(&self, q: &ListQuery) -> DbResult<(Vec<Room>, usize)> {
        self.page_hiding(q, &[])
    }

    /// One page in the contract's order (`roomdesk_model::compare_rooms`: by the key,
    /// `null` smallest, ties by id ascending) as though the rooms `hidden` did not exist
    /// (the pages after them close up), and the total number of rooms listed.
    pub fn page_hiding(&self, q: &ListQuery, hidden: &[String]) -> DbResult<(Vec<Room>, usize)> {
        let column = key_column(q.sort_by);
        let direction = match q.sort_direction {
            SortDirection::Asc => "ASC",
            SortDirection::Desc => "DESC",
        };
        let hidden_json = serde_json::to_string(hidden).unwrap_or_else(|_| "[]".into());
        let filter = if hidden.is_empty() {
            ""
        } else {
            "WHERE id NOT IN (SELECT value FROM json_each(?1))"
        };
        let sql = format!(
            "SELECT json FROM rooms {filter} ORDER BY {column} {direction}, id ASC LIMIT ?2 OFFSET ?3"
        );
        let offset = i64::try_from(q.offset()).unwrap_or(i64::MAX);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![hidden_json, i64::from(q.limit), offset])?;
        let mut rooms = Vec::new();
        while let Some(row) = rows.next()? {
            rooms.push(parse(&row.get::<_, String>(0)?)?);
        }
        let total: i64 = if hidden.is_empty() {
            self.conn
                .prepare_cached("SELECT count(*) FROM rooms")?
                .query_row([], |r| r.get(0))?
        } else {
            self.conn
                .prepare_cached(&format!("SELECT count(*) FROM rooms {filter}"))?
                .query_row([&hidden_json], |r| r.get(0))?
        };
        Ok((rooms, usize::try_from(total).unwrap_or_default()))
    }
}

/// Writes survive a crash of the process at once and a power loss from the next
/// checkpoint (WAL, `synchronous = NORMAL`): the Sandbox holds sample data, and a write
/// costs no fsync. Pages are cached up to 1 MiB: listing a page touches a few dozen.
fn configure(conn: &Connection) -> DbResult<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -1024;",
    )
}

/// Inserts or replaces one room given with its JSON text.
fn put(conn: &Connection, room: &Room, json: &str) -> DbResult<()> {
    let [created, updated, engagements, engaged] = SortField::ALL.map(|f| sort_key(room, f));
    conn.prepare_cached(
        "INSERT INTO rooms (id, json, k_created, k_updated, k_engagements, k_engaged)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET json = excluded.json, k_created = excluded.k_created,
           k_updated = excluded.k_updated, k_engagements = excluded.k_engagements,
           k_engaged = excluded.k_engaged",
    )?
    .execute(params![
        room.id,
        json,
        created,
        updated,
        engagements,
        engaged
    ])
    .map(|_| ())
}

/// A stored room's text. `put` writes it from a `Room`, so it parses back unless the file
/// was changed by hand; then the room is an error (a `500` for its request), not a blank
/// room.
fn parse(json: &str) -> DbResult<Room> {
    serde_json::from_str(json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::generate_rooms;
    use roomdesk_model::sort_rooms;

    #[test]
    fn removing_a_room_keeps_every_other_room_reachable_and_in_order() {
        let rooms = generate_rooms(50, 9);
        let mut db = Db::from_rooms(rooms.clone());
        assert!(db.remove(&rooms[3].id).unwrap());
        assert!(!db.remove(&rooms[3].id).unwrap());
        assert!(db.remove(&rooms[49].id).unwrap());
        assert_eq!(db.all().unwrap().len(), 48);
        assert!(db.get(&rooms[3].id).unwrap().is_none());
        for r in rooms
            .iter()
            .filter(|r| r.id != rooms[3].id && r.id != rooms[49].id)
        {
            assert_eq!(db.get(&r.id).unwrap().as_ref(), Some(r));
        }
        let mut expected: Vec<Room> = db.all().unwrap();
        sort_rooms(&mut expected, SortField::UpdatedAt, SortDirection::Desc);
        let (page, total) = db
            .page(&ListQuery {
                page: 1,
                limit: 100,
                sort_by: SortField::UpdatedAt,
                sort_direction: SortDirection::Desc,
            })
            .unwrap();
        assert_eq!(total, 48);
        assert_eq!(page, expected);
    }

    #[test]
    fn pages_follow_compare_rooms_for_every_field_and_direction() {
        let mut rooms = generate_rooms(300, 3);
        // Force ties: several rooms share a createdAt; some have no engagement yet.
        for r in rooms.iter_mut().take(20) {
            r.created_at = "2026-01-01T00:00:00.000Z".into();
        }
        for r in rooms.iter_mut().skip(20).take(10) {
            r.last_engaged_at = None;
            r.total_engagements = None;
        }
        let db = Db::from_rooms(rooms.clone());
        for field in SortField::ALL {
            for direction in [SortDirection::Asc, SortDirection::Desc] {
                let mut expected = rooms.clone();
                sort_rooms(&mut expected, field, direction);
                let mut got = Vec::new();
                for page in 1..=4 {
                    let q = ListQuery {
                        page,
                        limit: 100,
                        sort_by: field,
                        sort_direction: direction,
                    };
                    let (p, total) = db.page(&q).unwrap();
                    assert_eq!(total, 300);
                    got.extend(p);
                }
                assert_eq!(got, expected, "{field} {direction}");
            }
        }
    }

    #[test]
    fn every_listing_order_is_served_by_an_index_not_a_sort() {
        let db = Db::from_rooms(generate_rooms(5, 1));
        for field in SortField::ALL {
            for direction in ["ASC", "DESC"] {
                let plan: Vec<String> = db
                    .conn
                    .prepare(&format!(
                        "EXPLAIN QUERY PLAN SELECT json FROM rooms ORDER BY {} {direction}, id ASC LIMIT 10",
                        key_column(field)
                    ))
                    .unwrap()
                    .query_map([], |r| r.get::<_, String>(3))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect();
                assert!(
                    plan.iter().any(|p| p.contains("USING INDEX"))
                        && !plan.iter().any(|p| p.contains("TEMP B-TREE")),
                    "{field} {direction}: {plan:?}"
                );
            }
        }
    }

    #[test]
    fn hidden_rooms_leave_the_listing_and_later_pages_close_up() {
        let rooms = generate_rooms(250, 5);
        let db = Db::from_rooms(rooms.clone());
        let mut expected = rooms.clone();
        sort_rooms(&mut expected, SortField::CreatedAt, SortDirection::Desc);
        let hidden = vec![expected[10].id.clone()];
        let q = |page| ListQuery {
            page,
            limit: 100,
            sort_by: SortField::CreatedAt,
            sort_direction: SortDirection::Desc,
        };
        let (second, total) = db.page_hiding(&q(2), &hidden).unwrap();
        assert_eq!(total, 249);
        assert_eq!(
            second.first(),
            Some(&expected[101]),
            "page 2 moved up by one"
        );
        assert_eq!(db.page_hiding(&q(3), &hidden).unwrap().0.len(), 49);
        assert!(
            db.get(&hidden[0]).unwrap().is_some(),
            "a get still finds it"
        );
        assert_eq!(db.page(&q(2)).unwrap().0.first(), Some(&expected[100]));
    }

    #[test]
    fn an_update_reorders_the_listing_and_an_upsert_keeps_the_insertion_place() {
        let rooms = generate_rooms(10, 1);
        let mut db = Db::from_rooms(rooms.clone());
        let q = ListQuery {
            sort_by: SortField::UpdatedAt,
            ..Default::default()
        };
        let last = db.page(&q).unwrap().0.last().unwrap().id.clone();
        db.update(&last, |r| r.updated_at = "2030-01-01T00:00:00.000Z".into())
            .unwrap()
            .unwrap();
        assert_eq!(db.page(&q).unwrap().0[0].id, last);
        assert!(db.update("rm_missing", |_| {}).unwrap().is_none());

        let mut again = rooms[0].clone();
        again.title = "Second copy".into();
        db.upsert(&again).unwrap();
        let all = db.all().unwrap();
        assert_eq!(all.len(), 10);
        assert_eq!(all[0].title, "Second copy");
    }

    #[test]
    fn a_row_that_is_no_room_is_an_error_not_a_blank_room() {
        let rooms = generate_rooms(3, 2);
        let mut db = Db::from_rooms(rooms.clone());
        db.conn
            .execute(
                "UPDATE rooms SET json = '{oops' WHERE id = ?1",
                [&rooms[1].id],
            )
            .unwrap();
        assert!(db.get(&rooms[1].id).is_err());
        assert_eq!(db.get(&rooms[0].id).unwrap().as_ref(), Some(&rooms[0]));
        assert!(db.all().is_err());
        assert!(db
            .page(&ListQuery {
                limit: 100,
                ..Default::default()
            })
            .is_err());
        assert!(db.update(&rooms[1].id, |_| {}).is_err());
    }

    #[test]
    fn a_state_file_reopens_with_its_rooms_and_a_foreign_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let rooms = generate_rooms(20, 4);
        Db::create(&path)
            .unwrap()
            .insert_all(rooms.clone())
            .unwrap();
        assert_eq!(Db::open(&path).unwrap().all().unwrap(), rooms);

        let text = dir.path().join("text.db");
        std::fs::write(&text, "{ not a database").unwrap();
        assert!(matches!(Db::open(&text), Err(OpenError::Foreign(_))));
        let other = dir.path().join("other.db");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t (x)")
            .unwrap();
        assert!(matches!(Db::open(&other), Err(OpenError::Foreign(_))));
    }
}
