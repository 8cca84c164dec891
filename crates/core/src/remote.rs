//! The remote source's write paths: every server answer is written through to the cache,
//! and the write-only fields this app sent are remembered (the server does not return
//! them). A remote create goes through the outbox, so that a create whose answer is lost
//! is settled by the next sync instead of being lost or made twice; a remote update is
//! recorded directly once the server confirmed it.

use crate::error::{CoreError, Result};
use crate::service::{name_not_found, RoomsService};
use crate::sync::{look_around, remember_created, seen_before, REMOTE_WRITE_WAIT};
use crate::views::RoomView;
use roomdesk_client::ClientError;
use roomdesk_model::{NewRoom, Room, RoomPatch};
use roomdesk_store::{LocalRoom, LocalState};

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
            .map(|room| {
                let local = self.store().with(|s| s.find_room(&room.id))?;
                match local {
                    Some(local) => server_view(room, local),
                    None => Ok(RoomView::synced(room)),
                }
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
        let (draft, seq) = self.store().with(|s| s.create_draft_entry(&body))?;
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

    /// Updates on the server (`patch` validated by the caller), then records the answer in
    /// one store call: cached, the write-only fields it set remembered, pending local
    /// edits of other fields kept on top.
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
        let local = self
            .store()
            .with(|s| s.record_remote_update(&patch, &room))?;
        server_view(room, local)
    }
}

/// The server's room as the remote source shows it: with the write-only fields this app
/// wrote (the store's local view holds them) and the room's local state.
fn server_view(mut room: Room, local: LocalRoom) -> Result<RoomView> {
    room.fill_write_only_from(&local.room)?;
    Ok(RoomView {
        room,
        state: local.state,
        pending_fields: local.pending_fields,
    })
}
