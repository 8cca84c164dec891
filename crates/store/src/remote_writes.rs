//! An update the server has already confirmed (the remote source writes straight to the
//! server): cached and remembered in one transaction, without passing through the outbox.

use crate::error::{Result, StoreError};
use crate::local_room::LocalRoom;
use crate::outbox::{entry_for, OutboxKind, OutboxOp};
use crate::rooms::store_server_room;
use crate::view::{local_by_id, remember_written, to_json};
use crate::Store;
use roomdesk_model::{Room, RoomPatch};
use rusqlite::{params, OptionalExtension};

impl Store {
    /// The server applied `sent` to a room and answered with `server_room`: the answer is
    /// cached, the write-only fields `sent` set are remembered (the server does not return
    /// them), and a pending local edit of the room loses the fields `sent` just wrote
    /// (with their conflicts); its other fields stay pending against the new server
    /// version. One transaction. Drafts are not on the server: refused.
    pub fn record_remote_update(&self, sent: &RoomPatch, server_room: &Room) -> Result<LocalRoom> {
        let room_id = server_room.id.as_str();
        let _durable = self.durable()?;
        let tx = self.write_tx()?;
        let is_draft: Option<bool> = tx
            .prepare_cached("SELECT is_draft FROM rooms WHERE id = ?1")?
            .query_row([room_id], |r| r.get(0))
            .optional()?;
        if is_draft == Some(true) {
            return Err(StoreError::InvalidState(format!(
                "{room_id} is a local draft, not a room on the server"
            )));
        }
        let sent_fields = sent.to_fields();
        remember_written(&tx, room_id, &sent_fields)?;
        if let Some(entry) = entry_for(&tx, room_id, OutboxKind::Patch)? {
            let OutboxOp::Patch(pending) = &entry.op else {
                return Err(StoreError::InvalidState(format!(
                    "outbox entry {} is not an edit",
                    entry.seq
                )));
            };
            let mut remaining = pending.to_fields();
            remaining.retain(|k, _| !sent_fields.contains_key(k));
            if remaining.len() != pending.to_fields().len() {
                if remaining.is_empty() {
                    tx.prepare_cached("DELETE FROM outbox WHERE seq = ?1")?
                        .execute([entry.seq])?;
                } else {
                    tx.prepare_cached(
                        "UPDATE outbox SET payload_json = ?2, base_json = ?3, attempts = 0,
                         last_error = NULL WHERE seq = ?1",
                    )?
                    .execute(params![
                        entry.seq,
                        to_json(&remaining)?,
                        to_json(server_room)?
                    ])?;
                }
            }
        }
        for field in sent_fields.keys() {
            tx.prepare_cached("DELETE FROM conflicts WHERE room_id = ?1 AND field = ?2")?
                .execute(params![room_id, field])?;
        }
        store_server_room(&tx, server_room)?;
        let room = local_by_id(&tx, room_id)?
            .ok_or_else(|| StoreError::RoomNotFound(room_id.to_string()))?;
        tx.commit()?;
        Ok(room)
    }
}
