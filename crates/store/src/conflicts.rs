//! Conflicts: fields where a pending edit and a server change disagree. Kept until the
//! user chooses, per field, to keep theirs or to keep mine.

use crate::error::{Result, StoreError};
use crate::local_room::LocalRoom;
use crate::outbox::{entry_for, now_ms, OutboxKind, OutboxOp};
use crate::rooms::store_server_room;
use crate::view::{local_by_id, parse_json_map, rebuild_view, to_json};
use crate::Store;
use roomdesk_model::{Room, RoomField};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// A conflict found by sync, to store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewConflict {
    pub field: RoomField,
    /// The pending local value.
    pub mine: Value,
    /// The server's current value.
    pub theirs: Value,
    /// The value both started from (the outbox entry's base).
    pub base: Value,
}

/// A stored conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    pub room_id: String,
    pub field: RoomField,
    pub mine: Value,
    pub theirs: Value,
    pub base: Value,
    #[ts(type = "number")]
    pub detected_at_ms: i64,
}

/// The user's choice for one conflicting field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Resolution {
    /// Send my value (it stays pending; it no longer counts as a conflict with theirs).
    KeepMine,
    /// Drop my edit of this field; the server's value stands.
    TakeTheirs,
}

fn value_json(v: &Value) -> Result<String> {
    to_json(v)
}

fn parse_value(text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| crate::error::unreadable("conflict value", e))
}

impl Store {
    /// Replaces the conflicts of a room with `conflicts` and stores `server_room` as its
    /// latest server version (the local view shows it with the pending edits on top).
    pub fn put_conflicts(
        &self,
        room_id: &str,
        server_room: &Room,
        conflicts: &[NewConflict],
    ) -> Result<()> {
        let tx = self.write_tx()?;
        if server_room.id != room_id {
            return Err(StoreError::InvalidState(format!(
                "conflicts for room {room_id} came with the server version of room {}",
                server_room.id
            )));
        }
        tx.prepare_cached("DELETE FROM conflicts WHERE room_id = ?1")?
            .execute([room_id])?;
        let now = now_ms();
        for c in conflicts {
            tx.prepare_cached(
                "INSERT INTO conflicts (room_id, field, mine_json, theirs_json, base_json, detected_at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                room_id,
                c.field.name(),
                value_json(&c.mine)?,
                value_json(&c.theirs)?,
                value_json(&c.base)?,
                now
            ])?;
        }
        store_server_room(&tx, server_room)?;
        tx.commit()?;
        Ok(())
    }

    /// Every stored conflict, by room and field.
    pub fn conflicts(&self) -> Result<Vec<Conflict>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT room_id, field, mine_json, theirs_json, base_json, detected_at_ms
             FROM conflicts ORDER BY room_id, field",
        )?;
        let rows: Vec<(String, String, String, String, String, i64)> = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .filter_map(|(room_id, field, mine, theirs, base, at)| {
                // A field this build does not know (written by a newer one) is skipped.
                let field = RoomField::from_name(&field)?;
                Some((|| {
                    Ok(Conflict {
                        room_id,
                        field,
                        mine: parse_value(&mine)?,
                        theirs: parse_value(&theirs)?,
                        base: parse_value(&base)?,
                        detected_at_ms: at,
                    })
                })())
            })
            .collect()
    }

    /// Resolves one conflicting field. `KeepMine`: the field stays pending and its base
    /// becomes the server's value, so the next sync sends it. `TakeTheirs`: the field
    /// leaves the pending edit (the entry goes when nothing is left).
    pub fn resolve_conflict(
        &self,
        room_id: &str,
        field: RoomField,
        choice: Resolution,
    ) -> Result<LocalRoom> {
        let tx = self.write_tx_keeping_order()?;
        let theirs: Option<String> = tx
            .prepare_cached(
                "DELETE FROM conflicts WHERE room_id = ?1 AND field = ?2 RETURNING theirs_json",
            )?
            .query_row(params![room_id, field.name()], |r| r.get(0))
            .optional()?;
        let theirs = parse_value(&theirs.ok_or_else(|| StoreError::ConflictNotFound {
            room_id: room_id.to_string(),
            field,
        })?)?;
        if let Some(entry) = entry_for(&tx, room_id, OutboxKind::Patch)? {
            let OutboxOp::Patch(patch) = &entry.op else {
                return Err(StoreError::InvalidState(format!(
                    "outbox entry {} is not an edit",
                    entry.seq
                )));
            };
            match choice {
                Resolution::KeepMine => {
                    if let Some(base) = &entry.base {
                        let mut base = parse_json_map("outbox base", &to_json(base)?)?;
                        base.insert(field.name().to_string(), theirs);
                        tx.prepare_cached("UPDATE outbox SET base_json = ?2 WHERE seq = ?1")?
                            .execute(params![entry.seq, to_json(&base)?])?;
                    }
                }
                Resolution::TakeTheirs => {
                    let mut fields = patch.to_fields();
                    fields.remove(field.name());
                    if fields.is_empty() {
                        tx.prepare_cached("DELETE FROM outbox WHERE seq = ?1")?
                            .execute([entry.seq])?;
                    } else {
                        tx.prepare_cached("UPDATE outbox SET payload_json = ?2 WHERE seq = ?1")?
                            .execute(params![entry.seq, to_json(&fields)?])?;
                    }
                }
            }
        }
        rebuild_view(&tx, room_id)?;
        let room = local_by_id(&tx, room_id)?
            .ok_or_else(|| StoreError::RoomNotFound(room_id.to_string()))?;
        tx.commit()?;
        Ok(room)
    }
}
