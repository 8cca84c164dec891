//! What the user decides for a create that may have made one of several look-alike
//! rooms (the outbox lists them as its candidates): adopt one of them, or create the room
//! again.

use crate::error::{CoreError, Result};
use crate::service::{check_id, RoomsService};
use crate::sync::{remember_created, REMOTE_WRITE_WAIT};
use crate::views::RoomView;
use roomdesk_model::{NewRoom, Room, RoomField, RoomPatch};
use roomdesk_store::{OutboxEntry, OutboxKind, OutboxOp, OutboxState};
use serde_json::{Map, Value};

impl RoomsService {
    /// The user says draft `draft_id` became server room `room_id`, one of the candidates
    /// its uncertain create lists. The draft becomes that room (its later edits follow
    /// it), and the draft's fields the room does not show (write-only ones, which cannot
    /// be read back, and any that differ) become a pending edit of the room, sent on the
    /// next sync. Fields that can only be set when a room is created (label, contact
    /// email, template, source room) cannot be applied to an existing room: the adopted
    /// room keeps what it has. Works offline (the candidate as last read is used).
    pub async fn adopt_room(&self, draft_id: &str, room_id: &str) -> Result<RoomView> {
        check_id(draft_id)?;
        check_id(room_id)?;
        // No sync may be settling the same create meanwhile.
        let _exclusive = self.exclusive_within(REMOTE_WRITE_WAIT).await?;
        let entry = self.waiting_create(draft_id)?;
        let room = entry
            .candidates
            .iter()
            .find(|r| r.id == room_id)
            .cloned()
            .ok_or_else(|| {
                CoreError::InvalidState(format!(
                    "room {room_id} is not one of the rooms draft {draft_id} may have become"
                ))
            })?;
        let OutboxOp::Create(body) = &entry.op else {
            return Err(CoreError::InvalidState(format!(
                "{draft_id} has no create waiting"
            )));
        };
        let patch = unshown_fields(body, &room)?;
        // Never taken for another create's room (before the draft is completed).
        remember_created(self, draft_id, room_id)?;
        Ok(self
            .store()
            .with(|s| s.adopt_create(entry.seq, &room, &patch))?
            .into())
    }

    /// The user says none of the candidate rooms is draft `draft_id`'s: its create is sent
    /// anew (now when an API is configured, else on the next sync), and those rooms are
    /// never taken for it. Returns the created room, or the draft when it is still waiting
    /// (a failure to send is recorded on it, as a sync would, and returned).
    pub async fn create_again(&self, draft_id: &str) -> Result<RoomView> {
        check_id(draft_id)?;
        let _exclusive = self.exclusive_within(REMOTE_WRITE_WAIT).await?;
        let entry = self.waiting_create(draft_id)?;
        self.store().with(|s| s.create_again(entry.seq))?;
        let id = match self.client() {
            Ok(client) => self
                .push_one_create(&client, entry.seq)
                .await?
                .unwrap_or_else(|| draft_id.to_string()),
            Err(CoreError::NotConfigured) => draft_id.to_string(),
            Err(e) => return Err(e),
        };
        let room = self.store().with(|s| s.find_room(&id))?;
        room.map(RoomView::from)
            .ok_or(CoreError::NotFound { what: "room", id })
    }

    /// The uncertain create of a draft.
    fn waiting_create(&self, draft_id: &str) -> Result<OutboxEntry> {
        let entry = self
            .store()
            .with(|s| s.outbox())?
            .into_iter()
            .find(|e| e.room_id == draft_id && e.kind() == OutboxKind::Create)
            .ok_or_else(|| CoreError::NotFound {
                what: "draft",
                id: draft_id.to_string(),
            })?;
        if entry.state != OutboxState::Uncertain {
            return Err(CoreError::InvalidState(format!(
                "draft {draft_id} has not been sent: there is nothing to decide (sync sends it)"
            )));
        }
        Ok(entry)
    }
}

/// The draft's updatable fields that `room` does not show: write-only ones (never read
/// back) and returned ones with another value.
fn unshown_fields(body: &NewRoom, room: &Room) -> Result<RoomPatch> {
    let shown = match serde_json::to_value(room) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let fields: Map<String, Value> = body
        .to_fields()
        .into_iter()
        .filter(|(k, v)| {
            RoomField::from_name(k).is_some_and(|f| {
                f.updatable() && (!f.returned() || !same_value(shown.get(k.as_str()), v))
            })
        })
        .collect();
    Ok(RoomPatch::from_fields(fields)?)
}

fn same_value(shown: Option<&Value>, sent: &Value) -> bool {
    match (shown, sent) {
        (Some(Value::String(a)), Value::String(b)) => a.eq_ignore_ascii_case(b),
        (Some(a), b) => a == b,
        (None, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_fields_the_room_does_not_show_are_patched() {
        let body = NewRoom {
            title: Some("Acme".into()),
            theme_color: Some("#FF5500".into()),
            description: Some("for the buyer".into()),
            email: Some("buyer@acme.com".into()),
            cover_title: Some("Welcome".into()),
            ..Default::default()
        };
        let room = Room {
            id: "rm_1".into(),
            title: "Acme".into(),
            theme_color: Some("#ff5500".into()),
            cover_title: Some("Hello".into()),
            ..Default::default()
        };
        let patch = unshown_fields(&body, &room).unwrap();
        assert_eq!(patch.title, None, "shown with the same value");
        assert_eq!(patch.theme_color, None, "colors compare without case");
        assert_eq!(patch.cover_title.as_deref(), Some("Welcome"), "differs");
        assert_eq!(
            patch.description.as_deref(),
            Some("for the buyer"),
            "write-only"
        );
        // email can only be set on a create: nothing to send.
        assert_eq!(patch.fields().len(), 2);
    }
}
