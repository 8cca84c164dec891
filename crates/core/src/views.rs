//! The types the UI and the CLI see: room views, pages, outbox entries, conflicts, sync
//! progress and reports (outbox entries, conflicts and local states are the store's
//! types, re-exported by the crate). All serialise in camelCase and export to TypeScript (ts-rs).

use crate::error::ErrorPayload;
use roomdesk_client::ClientConfig;
use roomdesk_model::{Room, RoomField};
use roomdesk_store::{Conflict, LocalRoom, LocalState, OutboxKind};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use ts_rs::TS;

/// Where a call is answered: the Flowla API (writing through to the cache) or the local
/// cache (drafts and pending edits, synced later).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    #[default]
    Remote,
    Local,
}

impl Source {
    pub fn parse(s: &str) -> Result<Source, String> {
        match s {
            "remote" => Ok(Source::Remote),
            "local" => Ok(Source::Local),
            _ => Err(format!("\"{s}\" is not a source: use local or remote")),
        }
    }
}

/// How the service is opened: where its database lives, the API to talk to (if any), and
/// the server the workspace must belong to. Front ends open a workspace through
/// [`crate::open_workspace`], which fills all three.
#[derive(Debug, Clone)]
pub struct ServiceOptions {
    /// The workspace directory (its `roomdesk.db`).
    pub data_dir: PathBuf,
    pub remote: Option<ClientConfig>,
    /// The server's identity ([`crate::Server::id`]). A new store adopts it; a store bound
    /// to another server stays readable but every call to the API is refused with
    /// `WrongServer`. `None` checks nothing (benches and tests of a bare store).
    pub server: Option<String>,
}

/// A room as the UI shows it: the room (with local edits applied) and its local state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoomView {
    pub room: Room,
    pub state: LocalState,
    /// Fields edited here and not yet confirmed by the server.
    pub pending_fields: Vec<RoomField>,
}

impl RoomView {
    pub fn synced(room: Room) -> Self {
        RoomView {
            room,
            state: LocalState::Synced,
            pending_fields: Vec::new(),
        }
    }
}

impl From<LocalRoom> for RoomView {
    fn from(l: LocalRoom) -> Self {
        RoomView {
            room: l.room,
            state: l.state,
            pending_fields: l.pending_fields,
        }
    }
}

/// What discarding a room's local changes did. In JSON: `{"kind": "draftDiscarded"}` or
/// `{"kind": "editsDiscarded", "value": <RoomView>}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum RoomChange {
    /// The draft and its create are gone.
    DraftDiscarded,
    /// The room shows the server's last version again.
    EditsDiscarded(Box<RoomView>),
}

/// One page of a listing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoomPage {
    pub rooms: Vec<RoomView>,
    pub page: u32,
    pub limit: u32,
    /// Total rooms matching, when known (always known for the local source).
    #[ts(type = "number | null")]
    pub total: Option<u64>,
}

/// What a sync is doing right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SyncPhase {
    /// Sending local creates and edits.
    Push,
    /// Fetching every room from the server into the cache.
    Pull,
    Done,
}

/// Progress of a running sync: `done` of `total` steps in the current phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncProgress {
    pub phase: SyncPhase,
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number | null")]
    pub total: Option<u64>,
}

/// One change the server confirmed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PushedChange {
    pub kind: OutboxKind,
    /// The draft id for a create, the room id for an update.
    pub local_id: String,
    /// The server's room id.
    pub room_id: String,
    pub fields: Vec<RoomField>,
    /// A create whose answer was lost and whose room was found on the server.
    pub adopted: bool,
}

/// One change that could not be sent this time; it stays in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FailedChange {
    pub kind: OutboxKind,
    pub room_id: String,
    pub error: ErrorPayload,
}

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncReport {
    pub pushed: Vec<PushedChange>,
    /// Fields waiting for a decision (new or still open).
    pub conflicts: Vec<Conflict>,
    pub failed: Vec<FailedChange>,
    /// Fields merged without asking: changed only on the server while we had a pending edit.
    pub merged: Vec<MergedField>,
    /// Rooms fetched into the cache (0 when the pull did not run).
    #[ts(type = "number")]
    pub pulled: u64,
    /// Whether the pull ran to the end.
    pub pull_complete: bool,
    /// Entries still in the outbox after this sync.
    #[ts(type = "number")]
    pub outbox_remaining: u64,
    /// Why the sync stopped early (outage, rate limit, bad key), if it did.
    pub stopped: Option<ErrorPayload>,
}

/// A field the server changed while we had a pending edit on other fields of the room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MergedField {
    pub room_id: String,
    pub field: RoomField,
}
