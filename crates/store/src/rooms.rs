//! The cache of remote rooms: bulk upserts from the API, the full pull, single reads.

use crate::error::{Result, StoreError};
use crate::local_room::LocalRoom;
use crate::view::{local_by_id, parse_room, rebuild_view, sort_keys, to_json};
use crate::Store;
use roomdesk_model::Room;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::collections::HashSet;

/// What a bulk write did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpsertReport {
    /// Rooms inserted or changed.
    pub written: usize,
    /// Rooms identical to the cached version.
    pub unchanged: usize,
    /// Rooms left alone because they have local changes in the outbox (their local view
    /// stays: the version the edit was made against plus the pending edit).
    pub kept_local: usize,
    /// Cached rooms removed because the server no longer lists them (full pull only).
    pub removed: usize,
}

const UPSERT_SQL: &str = "INSERT INTO rooms
        (id, is_draft, server_json, view_json, created_ms, updated_ms, engagements,
         last_engaged_ms, title, cover_title, description)
    VALUES (?1, 0, ?2, NULL, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
    ON CONFLICT (id) DO UPDATE SET
        server_json = excluded.server_json, view_json = NULL,
        created_ms = excluded.created_ms, updated_ms = excluded.updated_ms,
        engagements = excluded.engagements, last_engaged_ms = excluded.last_engaged_ms,
        title = excluded.title, cover_title = excluded.cover_title,
        description = excluded.description
    WHERE rooms.is_draft = 0 AND rooms.server_json IS NOT excluded.server_json
    RETURNING rid";

/// Ids with outbox entries: a pull must not overwrite their local view.
fn ids_with_local_changes(conn: &Connection) -> Result<HashSet<String>> {
    let mut stmt = conn.prepare_cached("SELECT DISTINCT room_id FROM outbox")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

fn ids_with_written_fields(conn: &Connection) -> Result<HashSet<String>> {
    let mut stmt = conn.prepare_cached("SELECT room_id FROM room_written")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Upserts one server room; its row id when it was inserted or changed.
fn upsert_row(stmt: &mut rusqlite::CachedStatement<'_>, room: &Room) -> Result<Option<i64>> {
    let [created, updated, engagements, last_engaged] = sort_keys(room);
    let mut rows = stmt.query(params![
        room.id,
        to_json(room)?,
        created,
        updated,
        engagements,
        last_engaged,
        room.title,
        room.cover_title,
        room.description,
    ])?;
    Ok(match rows.next()? {
        Some(r) => Some(r.get(0)?),
        None => None,
    })
}

/// Writes server rooms into the cache (inside the caller's transaction). The per-row
/// search triggers are paused; new rows are indexed in one statement at the end and
/// changed rows one by one.
pub(crate) fn upsert_in(conn: &Connection, rooms: &[Room]) -> Result<UpsertReport> {
    let local = ids_with_local_changes(conn)?;
    let written_ids = ids_with_written_fields(conn)?;
    let mut report = UpsertReport::default();
    let max_before: i64 = conn
        .prepare_cached("SELECT coalesce(max(rid), 0) FROM rooms")?
        .query_row([], |r| r.get(0))?;
    conn.prepare_cached("INSERT INTO search_pause (only) VALUES (1)")?
        .execute([])?;
    let mut changed = Vec::new();
    let mut overlay = Vec::new();
    {
        let mut stmt = conn.prepare_cached(UPSERT_SQL)?;
        for room in rooms {
            if local.contains(&room.id) {
                report.kept_local += 1;
                continue;
            }
            match upsert_row(&mut stmt, room)? {
                None => report.unchanged += 1,
                Some(rid) => {
                    report.written += 1;
                    if rid <= max_before {
                        changed.push(rid);
                    }
                    if written_ids.contains(&room.id) {
                        overlay.push(room.id.as_str());
                    }
                }
            }
        }
    }
    conn.prepare_cached("DELETE FROM search_pause")?
        .execute([])?;
    conn.prepare_cached(
        "INSERT INTO room_search (rowid, title, cover_title, description)
         SELECT rid, title, cover_title, description FROM rooms WHERE rid > ?1",
    )?
    .execute([max_before])?;
    let mut reindex = conn.prepare_cached(
        "INSERT OR REPLACE INTO room_search (rowid, title, cover_title, description)
         SELECT rid, title, cover_title, description FROM rooms WHERE rid = ?1",
    )?;
    for rid in changed {
        reindex.execute([rid])?;
    }
    for id in overlay {
        rebuild_view(conn, id)?;
    }
    Ok(report)
}

/// Stores a room the server returned as this row (used when a local change completes).
pub(crate) fn store_server_room(conn: &Connection, room: &Room) -> Result<()> {
    upsert_row(&mut conn.prepare_cached(UPSERT_SQL)?, room)?;
    rebuild_view(conn, &room.id)
}

impl Store {
    /// Writes rooms from the server into the cache, in one transaction. Rooms with local
    /// changes in the outbox keep their local view.
    pub fn upsert_rooms(&self, rooms: &[Room]) -> Result<UpsertReport> {
        let tx = self.write_tx()?;
        let report = upsert_in(&tx, rooms)?;
        tx.commit()?;
        Ok(report)
    }

    /// Applies a full pull: `rooms` is everything the server has. Upserts them like
    /// [`Store::upsert_rooms`], then removes cached remote rooms the server no longer
    /// lists, except rooms with local changes. Drafts are never touched. One transaction.
    pub fn replace_all_rooms(&self, rooms: &[Room]) -> Result<UpsertReport> {
        let tx = self.write_tx()?;
        let mut report = upsert_in(&tx, rooms)?;
        let pulled: HashSet<&str> = rooms.iter().map(|r| r.id.as_str()).collect();
        let stale: Vec<String> = {
            let mut stmt = tx.prepare(
                "SELECT id FROM rooms
                 WHERE is_draft = 0 AND id NOT IN (SELECT room_id FROM outbox)",
            )?;
            let ids: Vec<String> = stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids.into_iter()
                .filter(|id| !pulled.contains(id.as_str()))
                .collect()
        };
        for id in &stale {
            tx.prepare_cached("DELETE FROM rooms WHERE id = ?1")?
                .execute([id])?;
            tx.prepare_cached("DELETE FROM room_written WHERE room_id = ?1")?
                .execute([id])?;
        }
        report.removed = stale.len();
        tx.commit()?;
        Ok(report)
    }

    /// The local view of a room (cached or draft), or `RoomNotFound`.
    pub fn get_room(&self, id: &str) -> Result<LocalRoom> {
        self.find_room(id)?
            .ok_or_else(|| StoreError::RoomNotFound(id.to_string()))
    }

    /// The local view of a room, if known.
    pub fn find_room(&self, id: &str) -> Result<Option<LocalRoom>> {
        local_by_id(&self.conn, id)
    }

    /// The room exactly as the server last sent it (no local changes), if cached.
    pub fn server_room(&self, id: &str) -> Result<Option<Room>> {
        let json: Option<Option<String>> = self
            .conn
            .prepare_cached("SELECT server_json FROM rooms WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        json.flatten()
            .map(|j| parse_room(&format!("room {id}"), &j))
            .transpose()
    }

    /// How many rooms the local view holds (cached rooms and drafts).
    pub fn room_count(&self) -> Result<u64> {
        Ok(self
            .conn
            .prepare_cached("SELECT count(*) FROM rooms")?
            .query_row([], |r| r.get(0))?)
    }
}
