//! A room as the user sees it locally: the cached or draft room with this app's local
//! changes applied, and what state it is in.

use roomdesk_model::{Room, RoomField};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a local room stands with the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LocalState {
    /// Same as the server's last known version (plus write-only fields this app wrote).
    Synced,
    /// Created locally, not (known to be) on the server yet.
    Draft,
    /// Has local edits waiting in the outbox.
    Pending,
    /// Has local edits and at least one field where the server disagrees.
    Conflict,
}

/// A room in the local view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LocalRoom {
    pub room: Room,
    pub state: LocalState,
    /// Fields with local values not yet confirmed by the server (for a draft: every field
    /// of its create body).
    pub pending_fields: Vec<RoomField>,
}
