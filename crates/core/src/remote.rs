//! The remote source's write paths: every server answer is written through to the cache,
//! and the write-only fields this app sent are remembered (the server does not return
//! them). A remote create goes through the outbox, so that a create whose answer is lost
//! is settled by the next sync instead of being lost or made twice.

use crate::error::{CoreError, Result};
use crate::service::{name_not_found, not_found, RoomsService};
use crate::sync::{look_around, remember_created, seen_before, REMOTE_WRITE_WAIT};
use crate::views::RoomView;
use roomdesk_client::ClientError;
use roomdesk_model::{NewRoom, Room, RoomField, RoomPatch};
use roomdesk_store::{LocalState, OutboxKind};

/// Fields the server accepts but is not documented to return.
pub(crate) fn is_write_only(field: RoomField) -> bool {
    !crate::conflicts::RETURNED_FIELDS.contains(&field)
}

/// Whether a failed create surely did nothing on the server.
pub(crate) fn create_surely_not_applied(e: &ClientError) -> bool {
    matches!(
        e,
        ClientError::Unauthorized
            | ClientError::NotFound { .. }
            | ClientError::Validation { .. }
            | ClientError::RateLimited { .. }
            | ClientError::Network(_)
            | ClientError::InvalidConfig(_)
            | ClientError::InvalidInput(_)
    ) || matches!(e, ClientError::Server { status: 503, .. })
}

pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

impl RoomsService {
    /// Caches rooms the server sent and returns them as views: the server's room, with the
    /// write-only fields this app wrote, and the local state (pending edits stay pending).
    pub(crate) fn write_through(&self, rooms: Vec<Room>) -> Result<Vec<RoomView>> {
        self.store().with(|s| s.upsert_rooms(&rooms))?;
        rooms
            .into_iter()
            .map(|mut room| {
                let local = self.store().with(|s| s.find_room(&room.id))?;
                let Some(local) = local else {
                    return Ok(RoomView::synced(room));
                };
                overlay_write_only(&mut room, &local.room);
                Ok(RoomView {
                    room,
                    state: local.state,
                    pending_fields: local.pending_fields,
                })
            })
            .collect()
    }

    /// Creates on the server through the outbox: a draft marked as sent before the
    /// request goes out, completed when the server answers.
    pub(crate) async fn create_remote(&self, body: NewRoom) -> Result<RoomView> {
        let client = self.client()?;
        // No sync may see (and send) the entry while this call sends it.
        let _exclusive = self.exclusive_within(REMOTE_WRITE_WAIT).await?;
        // Look-alikes made since the last pull become seen before the send.
        match look_around(self, &client).await {
            Ok(()) => {}
            Err(e @ CoreError::Storage(_)) => return Err(e),
            Err(e) if e.is_outage() => return Err(e),
            Err(e) => tracing::warn!("could not read the newest rooms before creating: {e}"),
        }
        let draft = self.store().with(|s| s.create_draft(&body))?;
        let seq = self
            .store()
            .with(|s| s.outbox())?
            .into_iter()
            .find(|e| e.room_id == draft.room.id && e.kind() == OutboxKind::Create)
            .map(|e| e.seq)
            .ok_or_else(|| CoreError::Storage("the new draft has no outbox entry".into()))?;
        let now = now_ms();
        let seen = seen_before(self, &client, now)?;
        let body = self.store().with(|s| s.mark_uncertain(seq, now, &seen))?;
        match client.create_room(&body).await {
            Ok(room) => {
                // Never taken for another create's room (before the draft is completed).
                remember_created(self, &draft.room.id, &room.id)?;
                Ok(self.store().with(|s| s.complete_create(seq, &room))?.into())
            }
            Err(e) if create_surely_not_applied(&e) => {
                let id = draft.room.id.clone();
                let msg = e.to_string();
                self.store().with(|s| {
                    s.record_failure(seq, &msg, true)?;
                    s.discard_draft(&id)
                })?;
                Err(e.into())
            }
            Err(e) => {
                let msg = e.to_string();
                self.store().with(|s| s.record_failure(seq, &msg, false))?;
                Err(CoreError::Uncertain(format!(
                    "{msg}; kept as draft {}, the next sync looks for it on the server before sending it again",
                    draft.room.id
                )))
            }
        }
    }

    /// Updates on the server, then caches the answer. The edit is also passed through the
    /// store's outbox and completed at once, so that the write-only fields it set are
    /// remembered and pending local edits of other fields stay on top.
    pub(crate) async fn update_remote(&self, id: &str, patch: RoomPatch) -> Result<RoomView> {
        let client = self.client()?;
        // A sync sending an older edit of this room must not land after this one.
        let _exclusive = self.exclusive_within(REMOTE_WRITE_WAIT).await?;
        if let Some(local) = self.store().with(|s| s.find_room(id))? {
            if local.state == LocalState::Draft {
                return Err(CoreError::Validation(roomdesk_model::ValidationErrors::single(
                    "id",
                    format!("{id} is a local draft: edit it with the local source; it reaches the server on the next sync"),
                )));
            }
        }
        let room = client
            .update_room(id, &patch)
            .await
            .map_err(CoreError::from)
            .map_err(name_not_found(id))?;
        self.store()
            .with(|s| s.upsert_rooms(std::slice::from_ref(&room)))?;
        let has_outbox = self
            .store()
            .with(|s| s.outbox())?
            .iter()
            .any(|e| e.room_id == id);
        let writes_hidden = patch.fields().into_iter().any(is_write_only);
        if has_outbox || writes_hidden {
            self.store().with(|s| {
                s.record_patch(id, &patch)?;
                let seq = s
                    .outbox()?
                    .into_iter()
                    .find(|e| e.room_id == id && e.kind() == OutboxKind::Patch)
                    .map(|e| e.seq);
                match seq {
                    Some(seq) => s.complete_patch(seq, &patch, &room).map(|_| ()),
                    None => Ok(()),
                }
            })?;
        }
        self.write_through(vec![room])?
            .pop()
            .ok_or_else(|| not_found(id))
    }
}

/// Fills the write-only fields the server did not send from what this app wrote.
fn overlay_write_only(room: &mut Room, from: &Room) {
    let fill = |slot: &mut Option<String>, mine: &Option<String>| {
        if slot.is_none() {
            slot.clone_from(mine);
        }
    };
    fill(&mut room.description, &from.description);
    fill(&mut room.status_id, &from.status_id);
    fill(&mut room.label_id, &from.label_id);
    fill(&mut room.email, &from.email);
    fill(&mut room.hs_deal_id, &from.hs_deal_id);
    fill(&mut room.sf_opportunity_id, &from.sf_opportunity_id);
    fill(&mut room.attio_deal_id, &from.attio_deal_id);
}
