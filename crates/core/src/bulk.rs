//! Bulk re-brand: one design edit (a palette, or a single design field) on many rooms.
//! "Save as pending edits" records it on every room in one transaction, for the next
//! sync. "Apply now" does the same first (so nothing is lost whatever happens next), then
//! sends those rooms' edits one by one as a sync would, paced by the client (which waits
//! out a 429 as the server's `Retry-After` says), reporting progress and a result per
//! room. A room that failed keeps its pending edit; sending again retries it.

use crate::error::{CoreError, ErrorPayload, Result};
use crate::service::{check_id, RoomsService};
use crate::sync::REMOTE_WRITE_WAIT;
use roomdesk_model::{RoomPatch, ValidationErrors};
use roomdesk_store::{LocalState, OutboxKind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// The most rooms one bulk edit takes.
pub const BULK_MAX_ROOMS: usize = 10_000;

/// What "Save as pending edits" did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkSaved {
    /// Rooms that now hold the edit as a pending change.
    #[ts(type = "number")]
    pub saved: u64,
    /// Ids no room has here (nothing recorded for them).
    pub missing: Vec<String>,
}

/// How one room fared in "Apply now".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BulkStatus {
    /// The server has the new look.
    Sent,
    /// Someone changed one of these fields on the server meanwhile: the edit waits in
    /// Conflicts for the user's choice.
    Conflict,
    /// Kept as a pending edit for the next sync without being sent now (a local draft).
    Pending,
    /// Not sent: the edit stays pending; "Retry failed" (or the next sync) sends it.
    Failed,
    /// No such room here.
    NotFound,
}

/// One room's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkRoomResult {
    pub room_id: String,
    pub status: BulkStatus,
    pub error: Option<ErrorPayload>,
}

/// Progress of "Apply now": `done` of `total` rooms, `failed` of them not sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkProgress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
    #[ts(type = "number")]
    pub failed: u64,
}

/// The ids to edit: at least one, at most [`BULK_MAX_ROOMS`], each well formed.
fn check_ids(ids: &[String]) -> Result<()> {
    if ids.is_empty() {
        return Err(CoreError::Validation(ValidationErrors::single(
            "roomIds",
            "select at least one room",
        )));
    }
    if ids.len() > BULK_MAX_ROOMS {
        return Err(CoreError::Validation(ValidationErrors::single(
            "roomIds",
            format!("one bulk edit takes at most {BULK_MAX_ROOMS} rooms"),
        )));
    }
    ids.iter().try_for_each(|id| check_id(id))
}

/// A bulk edit sets design fields only (colors and the cover), and is valid.
fn check_patch(patch: &RoomPatch) -> Result<RoomPatch> {
    let patch = patch.validate()?;
    if let Some(other) = patch.fields().into_iter().find(|f| !f.is_design()) {
        return Err(CoreError::Validation(ValidationErrors::single(
            other.name(),
            "a bulk re-brand changes colors and cover fields only",
        )));
    }
    Ok(patch)
}

impl RoomsService {
    /// Records `patch` (design fields only) as a pending edit on every room in `ids`, in
    /// one transaction; sent on the next sync. Bad input is refused before anything is
    /// written.
    pub async fn save_pending_edits(
        &self,
        ids: Vec<String>,
        patch: RoomPatch,
    ) -> Result<BulkSaved> {
        check_ids(&ids)?;
        let patch = check_patch(&patch)?;
        // An id listed twice is one room.
        let distinct = ids.iter().collect::<std::collections::HashSet<_>>().len();
        let missing = self
            .store()
            .write(move |s| s.record_patches(&ids, &patch))
            .await?;
        Ok(BulkSaved {
            saved: distinct.saturating_sub(missing.len()) as u64,
            missing,
        })
    }

    /// "Apply now": records `patch` on every room in `ids` (as
    /// [`RoomsService::save_pending_edits`]), then sends those rooms' pending edits
    /// ([`RoomsService::send_pending_edits`]).
    pub async fn apply_now(
        &self,
        ids: Vec<String>,
        patch: RoomPatch,
        progress: &(dyn Fn(BulkProgress) + Send + Sync),
    ) -> Result<Vec<BulkRoomResult>> {
        self.client()?;
        let saved = self.save_pending_edits(ids.clone(), patch).await?;
        let mut results = self.send_pending_edits(ids, progress).await?;
        for r in &mut results {
            if saved.missing.contains(&r.room_id) {
                r.status = BulkStatus::NotFound;
            }
        }
        Ok(results)
    }

    /// Sends the pending edits of the rooms in `ids` now, one by one as a sync would,
    /// reporting progress after each room. A failure leaves that room's edit pending
    /// (its error on the result and the outbox entry); after an outage or a refused key
    /// the rest are reported failed without being tried. A room with nothing pending is
    /// `Sent` (the server already has it).
    pub async fn send_pending_edits(
        &self,
        ids: Vec<String>,
        progress: &(dyn Fn(BulkProgress) + Send + Sync),
    ) -> Result<Vec<BulkRoomResult>> {
        check_ids(&ids)?;
        let client = self.client()?;
        let _exclusive = self.exclusive_within(REMOTE_WRITE_WAIT).await?;
        let mut seen = std::collections::HashSet::new();
        let ids: Vec<String> = ids
            .into_iter()
            .filter(|id| seen.insert(id.clone()))
            .collect();
        let edits: HashMap<String, i64> = self
            .store()
            .write(|s| s.outbox())
            .await?
            .into_iter()
            .filter(|e| e.kind() == OutboxKind::Patch)
            .map(|e| (e.room_id, e.seq))
            .collect();
        let total = ids.len() as u64;
        let mut failed = 0u64;
        let mut stopped: Option<ErrorPayload> = None;
        let mut results = Vec::with_capacity(ids.len());
        progress(BulkProgress {
            done: 0,
            total,
            failed,
        });
        for (i, id) in ids.into_iter().enumerate() {
            let result = match &stopped {
                Some(error) => BulkRoomResult {
                    room_id: id,
                    status: BulkStatus::Failed,
                    error: Some(error.clone()),
                },
                None => {
                    let (result, stops) = self.send_one(&client, &edits, id).await?;
                    if stops {
                        stopped = result.error.clone();
                    }
                    result
                }
            };
            if result.status == BulkStatus::Failed {
                failed += 1;
            }
            results.push(result);
            progress(BulkProgress {
                done: i as u64 + 1,
                total,
                failed,
            });
        }
        Ok(results)
    }

    /// Sends one room's pending edit. Returns its result and whether to stop sending.
    async fn send_one(
        &self,
        client: &roomdesk_client::FlowlaClient,
        edits: &HashMap<String, i64>,
        id: String,
    ) -> Result<(BulkRoomResult, bool)> {
        let wanted = id.clone();
        let local = self.store().write(move |s| s.find_room(&wanted)).await?;
        let status = |status| BulkRoomResult {
            room_id: id.clone(),
            status,
            error: None,
        };
        let Some(local) = local else {
            return Ok((status(BulkStatus::NotFound), false));
        };
        if local.state == LocalState::Draft {
            return Ok((status(BulkStatus::Pending), false));
        }
        let Some(&seq) = edits.get(&id) else {
            return Ok((status(BulkStatus::Sent), false));
        };
        match self.push_one_patch(client, seq).await {
            Ok(()) => {
                let wanted = id.clone();
                let conflicted = self
                    .store()
                    .write(move |s| s.conflicts())
                    .await?
                    .iter()
                    .any(|c| c.room_id == wanted);
                Ok((
                    status(if conflicted {
                        BulkStatus::Conflict
                    } else {
                        BulkStatus::Sent
                    }),
                    false,
                ))
            }
            Err((e @ CoreError::Storage(_), _)) => Err(e),
            Err((error, stops)) => Ok((
                BulkRoomResult {
                    room_id: id,
                    status: BulkStatus::Failed,
                    error: Some(error.payload()),
                },
                stops,
            )),
        }
    }
}
