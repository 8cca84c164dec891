//! The cache of remote rooms: bulk upserts from the API, the full pull, single reads.

use crate::checkpoint::BULK_ROWS;
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

const FIND_SQL: &str = "SELECT is_draft, server_json IS ?2 FROM rooms WHERE id = ?1";

// Plain statements on purpose (no DO UPDATE, no RETURNING): an upsert with RETURNING, or
// any per-row trigger on the table, makes SQLite open a statement journal for every row
// (measured ~4x slower on a 100k-room pull). The search index in memory learns of the
// rows written from the connection's update hook (see `search`).
const INSERT_SQL: &str = "INSERT INTO rooms
        (id, is_draft, server_json, view_json, created_ms, updated_ms, engagements,
         last_engaged_ms, title, cover_title, description)
    VALUES (?1, 0, ?2, NULL, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
    ON CONFLICT (id) DO NOTHING";

const UPDATE_SQL: &str = "UPDATE rooms SET
        server_json = ?2, view_json = NULL, created_ms = ?3, updated_ms = ?4,
        engagements = ?5, last_engaged_ms = ?6, title = ?7, cover_title = ?8,
        description = ?9
    WHERE id = ?1";

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

/// What writing one server room did to its row.
enum RowWrite {
    /// A new row, or a row that existed with other content.
    Written,
    /// Same content as cached, or the id belongs to a draft: nothing written.
    Unchanged,
}

/// A room as its row stores it: the JSON text and the sort keys.
struct Encoded {
    json: String,
    keys: [Option<i64>; 4],
}

fn encode(room: &Room) -> Result<Encoded> {
    Ok(Encoded {
        json: to_json(room)?,
        keys: sort_keys(room),
    })
}

/// Calls `write` with each room and its encoding, in order. Large inputs are encoded on a
/// second thread, a chunk ahead of the writes (JSON and timestamps are ~15% of a pull).
fn for_each_encoded(
    rooms: &[&Room],
    mut write: impl FnMut(&Room, Encoded) -> Result<()>,
) -> Result<()> {
    const CHUNK: usize = 512;
    if rooms.len() <= CHUNK {
        for room in rooms {
            write(room, encode(room)?)?;
        }
        return Ok(());
    }
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Result<Encoded>>>(4);
        scope.spawn(move || {
            for chunk in rooms.chunks(CHUNK) {
                let encoded = chunk.iter().map(|room| encode(room)).collect();
                if sender.send(encoded).is_err() {
                    return; // the writer stopped on an error
                }
            }
        });
        for (room, encoded) in rooms.iter().zip(receiver.into_iter().flatten()) {
            write(room, encoded?)?;
        }
        Ok(())
    })
}

/// Writes one server room into its row. New ids are inserted at once; for a known id the
/// cached content is compared first.
fn write_row(conn: &Connection, room: &Room, encoded: Encoded) -> Result<RowWrite> {
    let Encoded { json, keys } = encoded;
    let [created, updated, engagements, last_engaged] = keys;
    // The insert and the update take the same parameters, in the same order.
    let values = params![
        room.id,
        json,
        created,
        updated,
        engagements,
        last_engaged,
        room.title,
        room.cover_title,
        room.description
    ];
    if conn.prepare_cached(INSERT_SQL)?.execute(values)? == 1 {
        return Ok(RowWrite::Written);
    }
    let (is_draft, same): (bool, bool) = conn
        .prepare_cached(FIND_SQL)?
        .query_row(params![room.id, json], |r| Ok((r.get(0)?, r.get(1)?)))?;
    if is_draft || same {
        return Ok(RowWrite::Unchanged);
    }
    conn.prepare_cached(UPDATE_SQL)?.execute(values)?;
    Ok(RowWrite::Written)
}

/// Writes server rooms into the cache (inside the caller's transaction).
///
/// Rows are written in id order: both indexes of `rooms` lead with the id, so a pull
/// appends to them (or walks them once) instead of touching pages at random.
pub(crate) fn upsert_in(conn: &Connection, rooms: &[Room]) -> Result<UpsertReport> {
    let local = ids_with_local_changes(conn)?;
    let written_ids = ids_with_written_fields(conn)?;
    let mut report = UpsertReport::default();
    let mut sorted: Vec<&Room> = rooms.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    sorted.retain(|room| !local.contains(&room.id));
    report.kept_local = rooms.len() - sorted.len();
    let mut overlay = Vec::new();
    for_each_encoded(&sorted, |room, encoded| {
        if let RowWrite::Unchanged = write_row(conn, room, encoded)? {
            report.unchanged += 1;
            return Ok(());
        }
        report.written += 1;
        if written_ids.contains(&room.id) {
            overlay.push(room.id.clone());
        }
        Ok(())
    })?;
    for id in &overlay {
        rebuild_view(conn, id)?;
    }
    Ok(report)
}

/// Cached remote rooms without local changes that `rooms` does not hold.
fn unlisted_in(conn: &Connection, rooms: &[Room]) -> Result<Vec<String>> {
    let listed: HashSet<&str> = rooms.iter().map(|r| r.id.as_str()).collect();
    unlisted_among(conn, |id| listed.contains(id))
}

/// Cached remote rooms without local changes for which `listed` says no.
fn unlisted_among(conn: &Connection, listed: impl Fn(&str) -> bool) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT id FROM rooms WHERE is_draft = 0 AND id NOT IN (SELECT room_id FROM outbox)",
    )?;
    let ids: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids.into_iter().filter(|id| !listed(id)).collect())
}

/// Removes cached remote rooms (never drafts, never rooms with outbox entries) and what
/// this app remembered writing to them.
fn remove_in(conn: &Connection, ids: &[String]) -> Result<usize> {
    let mut removed = 0;
    for id in ids {
        let n = conn
            .prepare_cached(
                "DELETE FROM rooms WHERE id = ?1 AND is_draft = 0
                 AND NOT EXISTS (SELECT 1 FROM outbox WHERE room_id = ?1)",
            )?
            .execute([id])?;
        if n > 0 {
            conn.prepare_cached("DELETE FROM room_written WHERE room_id = ?1")?
                .execute([id])?;
            removed += n;
        }
    }
    Ok(removed)
}

/// Stores a room the server returned as this row (used when a local change completes).
pub(crate) fn store_server_room(conn: &Connection, room: &Room) -> Result<()> {
    write_row(conn, room, encode(room)?)?;
    rebuild_view(conn, &room.id)
}

impl Store {
    /// Ids of cached server rooms whose `createdAt` is at or after `since_ms` (epoch ms):
    /// what Roomdesk has seen of the rooms made lately.
    pub fn cached_ids_created_since(&self, since_ms: i64) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM rooms WHERE is_draft = 0 AND created_ms >= ?1 ORDER BY id",
        )?;
        let ids = stmt
            .query_map([since_ms], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// Writes rooms from the server into the cache, in one transaction. Rooms with local
    /// changes in the outbox keep their local view.
    pub fn upsert_rooms(&self, rooms: &[Room]) -> Result<UpsertReport> {
        let tx = self.write_tx()?;
        let report = upsert_in(&tx, rooms)?;
        if report.written >= BULK_ROWS {
            self.commit_bulk(tx)?;
        } else {
            tx.commit()?;
        }
        Ok(report)
    }

    /// Applies a full pull: `rooms` is everything the server has. Upserts them like
    /// [`Store::upsert_rooms`], then removes cached remote rooms the server no longer
    /// lists, except rooms with local changes. Drafts are never touched. One transaction.
    /// Only for a listing known to be complete: sync uses [`Store::upsert_listing`] and
    /// removes a room only once the server says it is gone ([`Store::remove_gone_rooms`]).
    pub fn replace_all_rooms(&self, rooms: &[Room]) -> Result<UpsertReport> {
        let tx = self.write_tx()?;
        let mut report = upsert_in(&tx, rooms)?;
        let stale = unlisted_in(&tx, rooms)?;
        report.removed = remove_in(&tx, &stale)?;
        if report.written + report.removed >= BULK_ROWS {
            self.commit_bulk(tx)?;
        } else {
            tx.commit()?;
        }
        Ok(report)
    }

    /// Applies a listing of every room (a full pull) without removing anything: upserts
    /// `rooms` like [`Store::upsert_rooms`] and returns, with the report, the cached
    /// remote rooms it did not list (no drafts, no rooms with local changes). A paged
    /// listing can skip a room when another one is deleted meanwhile, so those are only
    /// candidates: ask the server for each before [`Store::remove_gone_rooms`]. One
    /// transaction.
    pub fn upsert_listing(&self, rooms: &[Room]) -> Result<(UpsertReport, Vec<String>)> {
        let tx = self.write_tx()?;
        let report = upsert_in(&tx, rooms)?;
        let unlisted = unlisted_in(&tx, rooms)?;
        if report.written >= BULK_ROWS {
            self.commit_bulk(tx)?;
        } else {
            tx.commit()?;
        }
        Ok((report, unlisted))
    }

    /// The cached remote rooms (no drafts, no rooms with local changes) whose ids are not
    /// in `listed`: after a listing written in batches ([`Store::upsert_rooms`] per
    /// batch), the candidates [`Store::upsert_listing`] would return. Ask the server for
    /// each before [`Store::remove_gone_rooms`].
    pub fn unlisted_rooms(&self, listed: &HashSet<String>) -> Result<Vec<String>> {
        unlisted_among(&self.conn, |id| listed.contains(id))
    }

    /// Removes cached remote rooms the server said are gone (a 404 on a get), with the
    /// write-only fields remembered for them. Drafts and rooms with local changes stay.
    /// Returns how many were removed. One transaction.
    pub fn remove_gone_rooms(&self, ids: &[String]) -> Result<usize> {
        let tx = self.write_tx()?;
        let removed = remove_in(&tx, ids)?;
        tx.commit()?;
        Ok(removed)
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
