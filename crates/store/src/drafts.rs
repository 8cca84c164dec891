//! Local drafts: created offline as a room row plus an outbox create, in one transaction;
//! replaced by the server room when the create is confirmed.

use crate::error::{Result, StoreError};
use crate::local_room::LocalRoom;
use crate::outbox::{
    entry_for, load_entry, now_ms, OutboxEntry, OutboxKind, OutboxOp, OutboxState,
};
use crate::patches::coalesce;
use crate::rooms::store_server_room;
use crate::view::{local_by_id, parse_json_map, rebuild_view, remember_written, to_json};
use crate::Store;
use roomdesk_model::{NewRoom, Room, RoomPatch};
use rusqlite::{params, Connection, OptionalExtension};

/// Prefix of local draft ids.
pub const DRAFT_ID_PREFIX: &str = "draft-";

fn is_draft(conn: &Connection, id: &str) -> Result<bool> {
    conn.prepare_cached("SELECT is_draft FROM rooms WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::RoomNotFound(id.to_string()))
}

/// Points every reference to a draft at the room the server created for it.
fn repoint(conn: &Connection, draft_id: &str, server: &Room) -> Result<()> {
    let server_json = to_json(server)?;
    conn.prepare_cached(
        "UPDATE outbox SET room_id = ?2, base_json = COALESCE(base_json, ?3) WHERE room_id = ?1",
    )?
    .execute(params![draft_id, server.id, server_json])?;
    conn.prepare_cached("UPDATE conflicts SET room_id = ?2 WHERE room_id = ?1")?
        .execute(params![draft_id, server.id])?;
    // Other drafts duplicating this one.
    let creates: Vec<(i64, String)> = conn
        .prepare_cached("SELECT seq, payload_json FROM outbox WHERE kind = 'create'")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (seq, payload) in creates {
        let mut fields = parse_json_map("outbox payload", &payload)?;
        if fields.get("duplicateFromId").and_then(|v| v.as_str()) == Some(draft_id) {
            fields.insert("duplicateFromId".into(), server.id.clone().into());
            conn.prepare_cached("UPDATE outbox SET payload_json = ?2 WHERE seq = ?1")?
                .execute(params![seq, to_json(&fields)?])?;
        }
    }
    let written: Option<String> = conn
        .prepare_cached("DELETE FROM room_written WHERE room_id = ?1 RETURNING fields_json")?
        .query_row([draft_id], |r| r.get(0))
        .optional()?;
    if let Some(text) = written {
        remember_written(conn, &server.id, &parse_json_map("written fields", &text)?)?;
    }
    Ok(())
}

impl Store {
    /// Creates a local draft (validated) and its outbox create, in one transaction.
    pub fn create_draft(&self, new_room: &NewRoom) -> Result<LocalRoom> {
        self.create_draft_entry(new_room).map(|(room, _)| room)
    }

    /// [`Store::create_draft`], also returning the `seq` of the draft's outbox create
    /// (for a caller that sends it at once).
    pub fn create_draft_entry(&self, new_room: &NewRoom) -> Result<(LocalRoom, i64)> {
        let body = new_room.validate()?;
        let id = format!("{DRAFT_ID_PREFIX}{}", uuid::Uuid::new_v4());
        let now = now_ms();
        let tx = self.write_tx()?;
        let seq: i64 = tx
            .prepare_cached(
                "INSERT INTO outbox (room_id, kind, payload_json, created_at_ms)
                 VALUES (?1, 'create', ?2, ?3) RETURNING seq",
            )?
            .query_row(params![id, to_json(&body)?, now], |r| r.get(0))?;
        tx.prepare_cached(
            "INSERT INTO rooms (id, is_draft, view_json, created_ms, updated_ms)
             VALUES (?1, 1, '{}', ?2, ?2)",
        )?
        .execute(params![id, now])?;
        rebuild_view(&tx, &id)?;
        let room = local_by_id(&tx, &id)?.ok_or_else(|| StoreError::RoomNotFound(id.clone()))?;
        tx.commit()?;
        Ok((room, seq))
    }

    /// Discards a draft that was never sent, with its outbox entries. A draft whose
    /// create may have reached the server cannot be discarded (sync first).
    pub fn discard_draft(&self, id: &str) -> Result<()> {
        let tx = self.write_tx()?;
        if !is_draft(&tx, id)? {
            return Err(StoreError::InvalidState(format!(
                "room {id} is on the server, not a draft; rooms cannot be deleted"
            )));
        }
        if let Some(create) = entry_for(&tx, id, OutboxKind::Create)? {
            if create.state == OutboxState::Uncertain {
                return Err(StoreError::InvalidState(format!(
                    "draft {id} may already exist on the server (it was sent); sync before discarding it"
                )));
            }
        }
        for sql in [
            "DELETE FROM outbox WHERE room_id = ?1",
            "DELETE FROM conflicts WHERE room_id = ?1",
            "DELETE FROM room_written WHERE room_id = ?1",
            "DELETE FROM rooms WHERE id = ?1",
        ] {
            tx.prepare_cached(sql)?.execute([id])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The server confirmed a create: the draft becomes `server_room` everywhere (its
    /// row, later edits, conflicts, other drafts duplicating it), the write-only fields
    /// it sent are remembered and the entry leaves the outbox. One transaction.
    pub fn complete_create(&self, seq: i64, server_room: &Room) -> Result<LocalRoom> {
        let _durable = self.durable()?;
        let tx = self.write_tx()?;
        let entry = load_entry(&tx, seq)?;
        let OutboxOp::Create(body) = &entry.op else {
            return Err(StoreError::InvalidState(format!(
                "outbox entry {seq} is an edit, not a create"
            )));
        };
        let written = body.to_fields();
        let room = settle_create(&tx, &entry, server_room, &written)?;
        tx.commit()?;
        Ok(room)
    }

    /// The user says an uncertain create made `server_room`, one of the rooms recorded as
    /// its candidates: the draft becomes that room as in [`Store::complete_create`], but
    /// nothing the draft sent is taken as written (the room may not hold it). `patch` (the
    /// draft's updatable fields that the room does not show) becomes a pending edit of the
    /// room against it, sent on the next sync. One transaction.
    pub fn adopt_create(
        &self,
        seq: i64,
        server_room: &Room,
        patch: &RoomPatch,
    ) -> Result<LocalRoom> {
        let patch = if patch.fields().is_empty() {
            RoomPatch::default()
        } else {
            patch.validate()?
        };
        let _durable = self.durable()?;
        let tx = self.write_tx()?;
        let entry = load_entry(&tx, seq)?;
        if entry.kind() != OutboxKind::Create || entry.state != OutboxState::Uncertain {
            return Err(StoreError::InvalidState(format!(
                "draft {} is not waiting for a decision",
                entry.room_id
            )));
        }
        if !entry.candidates.iter().any(|c| c.id == server_room.id) {
            return Err(StoreError::InvalidState(format!(
                "room {} is not one of the rooms draft {} may have become",
                server_room.id, entry.room_id
            )));
        }
        // The draft's fields go under any edit made to it since it was sent (newer).
        match entry_for(&tx, &entry.room_id, OutboxKind::Patch)? {
            Some(later) => {
                let OutboxOp::Patch(later_patch) = &later.op else {
                    return Err(StoreError::InvalidState(format!(
                        "outbox entry {} is not an edit",
                        later.seq
                    )));
                };
                let mut merged = patch.clone();
                merged.merge(later_patch);
                tx.prepare_cached("UPDATE outbox SET payload_json = ?2 WHERE seq = ?1")?
                    .execute(params![later.seq, to_json(&merged)?])?;
            }
            None if !patch.fields().is_empty() => coalesce(&tx, &entry.room_id, &patch, None)?,
            None => {}
        }
        // Moves that edit to the room, against the room as it is now.
        let room = settle_create(&tx, &entry, server_room, &serde_json::Map::new())?;
        tx.commit()?;
        Ok(room)
    }
}

/// The draft of create `entry` becomes `server_room`: the entry leaves the outbox, the
/// row and every reference move to the server id, `written` is remembered.
fn settle_create(
    tx: &Connection,
    entry: &OutboxEntry,
    server_room: &Room,
    written: &serde_json::Map<String, serde_json::Value>,
) -> Result<LocalRoom> {
    let draft_id = entry.room_id.as_str();
    tx.prepare_cached("DELETE FROM outbox WHERE seq = ?1")?
        .execute([entry.seq])?;
    let server_row_exists: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM rooms WHERE id = ?1)")?
        .query_row([&server_room.id], |r| r.get(0))?;
    if server_row_exists {
        // A pull already brought the room: the draft row goes.
        tx.prepare_cached("DELETE FROM rooms WHERE id = ?1 AND is_draft = 1")?
            .execute([draft_id])?;
    } else {
        tx.prepare_cached("UPDATE rooms SET id = ?2, is_draft = 0 WHERE id = ?1")?
            .execute(params![draft_id, server_room.id])?;
    }
    remember_written(tx, &server_room.id, written)?;
    repoint(tx, draft_id, server_room)?;
    store_server_room(tx, server_room)?;
    local_by_id(tx, &server_room.id)?
        .ok_or_else(|| StoreError::RoomNotFound(server_room.id.clone()))
}
