//! Local edits: written to the local view and the outbox in one transaction, coalesced
//! per field; completed field by field when the server confirms what was sent.

use crate::error::{Result, StoreError};
use crate::local_room::LocalRoom;
use crate::outbox::{entry_for, load_entry, now_ms, OutboxKind, OutboxOp, OutboxState};
use crate::rooms::store_server_room;
use crate::view::{local_by_id, rebuild_view, remember_written, to_json};
use crate::Store;
use roomdesk_model::{Room, RoomPatch};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{Map, Value};

/// Adds `patch` to the room's patch entry (later values win per field), creating the
/// entry against `base_json` when there is none. An existing entry keeps its base.
pub(crate) fn coalesce(
    conn: &Connection,
    room_id: &str,
    patch: &RoomPatch,
    base_json: Option<&str>,
) -> Result<()> {
    match entry_for(conn, room_id, OutboxKind::Patch)? {
        Some(entry) => {
            let OutboxOp::Patch(mut current) = entry.op else {
                return Err(StoreError::InvalidState(format!(
                    "outbox entry {} is not an edit",
                    entry.seq
                )));
            };
            current.merge(patch);
            conn.prepare_cached("UPDATE outbox SET payload_json = ?2 WHERE seq = ?1")?
                .execute(params![entry.seq, to_json(&current)?])?;
        }
        None => {
            conn.prepare_cached(
                "INSERT INTO outbox (room_id, kind, payload_json, base_json, created_at_ms)
                 VALUES (?1, 'patch', ?2, ?3, ?4)",
            )?
            .execute(params![room_id, to_json(patch)?, base_json, now_ms()])?;
        }
    }
    Ok(())
}

/// Records a validated edit of one room inside `conn`'s transaction and rebuilds its
/// view. `false` when there is no such room (nothing written).
fn record_in(conn: &Connection, room_id: &str, patch: &RoomPatch) -> Result<bool> {
    let row: Option<(bool, Option<String>)> = conn
        .prepare_cached("SELECT is_draft, server_json FROM rooms WHERE id = ?1")?
        .query_row([room_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((is_draft, server_json)) = row else {
        return Ok(false);
    };
    if is_draft {
        let create = entry_for(conn, room_id, OutboxKind::Create)?.ok_or_else(|| {
            StoreError::InvalidState(format!("draft {room_id} has no create in the outbox"))
        })?;
        match (&create.state, create.op) {
            (OutboxState::Pending, OutboxOp::Create(body)) => {
                let mut fields = body.to_fields();
                fields.extend(patch.to_fields());
                conn.prepare_cached("UPDATE outbox SET payload_json = ?2 WHERE seq = ?1")?
                    .execute(params![create.seq, to_json(&fields)?])?;
            }
            _ => coalesce(conn, room_id, patch, None)?,
        }
    } else {
        coalesce(conn, room_id, patch, server_json.as_deref())?;
    }
    rebuild_view(conn, room_id)?;
    Ok(true)
}

impl Store {
    /// Records a local edit (validated): the local view changes and the outbox holds the
    /// edit, in one transaction. Edits to a draft fold into its create body while that
    /// create is surely unsent.
    pub fn record_patch(&self, room_id: &str, patch: &RoomPatch) -> Result<LocalRoom> {
        let patch = patch.validate()?;
        let tx = self.write_tx_keeping_order()?;
        if !record_in(&tx, room_id, &patch)? {
            return Err(StoreError::RoomNotFound(room_id.to_string()));
        }
        let room = local_by_id(&tx, room_id)?
            .ok_or_else(|| StoreError::RoomNotFound(room_id.to_string()))?;
        tx.commit()?;
        Ok(room)
    }

    /// Records the same edit (validated once) on every room in `room_ids`, in ONE
    /// transaction, each exactly as [`Store::record_patch`] would. Answers the ids no room
    /// has (skipped; the others are recorded); an id listed twice is recorded once.
    pub fn record_patches(&self, room_ids: &[String], patch: &RoomPatch) -> Result<Vec<String>> {
        let patch = patch.validate()?;
        let tx = self.write_tx_keeping_order()?;
        let mut missing = Vec::new();
        let mut seen = std::collections::HashSet::with_capacity(room_ids.len());
        for id in room_ids {
            if seen.insert(id.as_str()) && !record_in(&tx, id, &patch)? {
                missing.push(id.clone());
            }
        }
        tx.commit()?;
        Ok(missing)
    }

    /// The server confirmed an edit: `sent` is the patch that was sent, `server_room` the
    /// room it answered with. Fields whose pending value is still what was sent leave the
    /// entry (with their conflicts); fields edited again meanwhile stay pending against
    /// the new server version. One transaction.
    pub fn complete_patch(
        &self,
        seq: i64,
        sent: &RoomPatch,
        server_room: &Room,
    ) -> Result<LocalRoom> {
        let _durable = self.durable()?;
        let tx = self.write_tx()?;
        let entry = load_entry(&tx, seq)?;
        let OutboxOp::Patch(current) = &entry.op else {
            return Err(StoreError::InvalidState(format!(
                "outbox entry {seq} is a create, not an edit"
            )));
        };
        if entry.room_id != server_room.id {
            return Err(StoreError::InvalidState(format!(
                "outbox entry {seq} edits room {}, but the server answered with room {}",
                entry.room_id, server_room.id
            )));
        }
        let sent_fields = sent.to_fields();
        let mut remaining: Map<String, Value> = current.to_fields();
        remaining.retain(|k, v| sent_fields.get(k) != Some(v));
        for k in sent_fields.keys().filter(|k| !remaining.contains_key(*k)) {
            tx.prepare_cached("DELETE FROM conflicts WHERE room_id = ?1 AND field = ?2")?
                .execute(params![entry.room_id, k])?;
        }
        remember_written(&tx, &entry.room_id, &sent_fields)?;
        if remaining.is_empty() {
            tx.prepare_cached("DELETE FROM outbox WHERE seq = ?1")?
                .execute([seq])?;
        } else {
            tx.prepare_cached(
                "UPDATE outbox SET payload_json = ?2, base_json = ?3, attempts = 0, last_error = NULL
                 WHERE seq = ?1",
            )?
            .execute(params![seq, to_json(&remaining)?, to_json(server_room)?])?;
        }
        store_server_room(&tx, server_room)?;
        let room = local_by_id(&tx, &entry.room_id)?
            .ok_or_else(|| StoreError::RoomNotFound(entry.room_id.clone()))?;
        tx.commit()?;
        Ok(room)
    }

    /// Throws away the pending edits of a cached room (and their conflicts): its local
    /// view goes back to the server's last version. For an edit nobody can send any more
    /// (the room was deleted on the server) or that the user no longer wants. Drafts have
    /// [`Store::discard_draft`]. One transaction.
    pub fn discard_edits(&self, room_id: &str) -> Result<LocalRoom> {
        let tx = self.write_tx_keeping_order()?;
        let is_draft: bool = tx
            .prepare_cached("SELECT is_draft FROM rooms WHERE id = ?1")?
            .query_row([room_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::RoomNotFound(room_id.to_string()))?;
        if is_draft {
            return Err(StoreError::InvalidState(format!(
                "{room_id} is a draft: discard the draft itself"
            )));
        }
        let removed = tx
            .prepare_cached("DELETE FROM outbox WHERE room_id = ?1 AND kind = 'patch'")?
            .execute([room_id])?;
        if removed == 0 {
            return Err(StoreError::InvalidState(format!(
                "room {room_id} has no local edits to discard"
            )));
        }
        tx.prepare_cached("DELETE FROM conflicts WHERE room_id = ?1")?
            .execute([room_id])?;
        rebuild_view(&tx, room_id)?;
        let room = local_by_id(&tx, room_id)?
            .ok_or_else(|| StoreError::RoomNotFound(room_id.to_string()))?;
        tx.commit()?;
        Ok(room)
    }
}
