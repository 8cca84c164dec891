//! The push half of sync: creates first, then edits, each in outbox order.
//!
//! Creates: before a create is sent it is marked uncertain with the time it is sent
//! (durably), so after a crash or a lost answer the next attempt first looks for the
//! room on the server (`find_created`, skipping rooms other drafts became) and adopts it.
//! The draft → room mapping is written before the draft is completed, so a crash between
//! the two still adopts the right room.
//!
//! Edits: the server's room is fetched first and compared field by field with the
//! version the edit was made against (see `conflicts.rs`). Conflicts are stored before
//! anything else is completed, so a crash never turns a conflict into a silent overwrite.

use crate::conflicts::{base_of, compare, server_value, RETURNED_FIELDS};
use crate::error::{CoreError, Result};
use crate::remote::{create_surely_not_applied, now_ms};
use crate::service::RoomsService;
use crate::views::{FailedChange, MergedField, PushedChange, SyncPhase, SyncProgress, SyncReport};
use roomdesk_client::{ClientError, FlowlaClient};
use roomdesk_model::{NewRoom, Room, RoomField, RoomPatch};
use roomdesk_store::{LocalState, NewConflict, OutboxEntry, OutboxKind, OutboxOp};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

/// Sync-state key of the draft → server room map (kept a day, to skip in `find_created`).
const CREATED_KEY: &str = "created_from_drafts";
const CREATED_KEEP_MS: i64 = 24 * 60 * 60 * 1000;
/// Attempts per entry within one sync before it is left for the next one.
const ATTEMPTS: u32 = 3;
/// Entries failing in a row before the sync stops pushing.
const FAILURES_IN_A_ROW: u32 = 5;

#[derive(serde::Serialize, serde::Deserialize, Clone)]
#[serde(rename_all = "camelCase")]
struct CreatedRoom {
    id: String,
    at_ms: i64,
}

/// A failure of one entry, and whether the server surely did nothing.
struct EntryError {
    error: CoreError,
    not_sent: bool,
}

impl From<CoreError> for EntryError {
    fn from(error: CoreError) -> Self {
        EntryError {
            error,
            not_sent: false,
        }
    }
}

impl From<ClientError> for EntryError {
    fn from(e: ClientError) -> Self {
        EntryError::from(CoreError::from(e))
    }
}

/// Errors after which pushing more is pointless now: the server is away or refuses us.
fn stops_push(e: &CoreError) -> bool {
    matches!(
        e,
        CoreError::Unauthorized
            | CoreError::NotConfigured
            | CoreError::RateLimited { .. }
            | CoreError::Network(_)
            | CoreError::Timeout
    )
}

pub(super) async fn push_outbox(
    service: &RoomsService,
    client: &FlowlaClient,
    progress: &(dyn Fn(SyncProgress) + Send + Sync),
    report: &mut SyncReport,
) -> Result<()> {
    let store = service.store();
    let creates: Vec<OutboxEntry> = store
        .with(|s| s.outbox())?
        .into_iter()
        .filter(|e| e.kind() == OutboxKind::Create)
        .collect();
    let patch_count = store
        .with(|s| s.outbox())?
        .iter()
        .filter(|e| e.kind() == OutboxKind::Patch)
        .count();
    let total = (creates.len() + patch_count) as u64;
    let mut done = 0u64;
    let step = |done: u64| {
        progress(SyncProgress {
            phase: SyncPhase::Push,
            done,
            total: Some(total),
        })
    };
    step(0);
    let mut in_a_row = 0u32;
    for entry in creates {
        let outcome = push_create(service, client, &entry).await;
        if !settle(service, &entry, outcome, report, &mut in_a_row)? {
            return Ok(());
        }
        done += 1;
        step(done);
    }
    // Reload: completed creates re-pointed edits made to their drafts.
    let patches: Vec<OutboxEntry> = store
        .with(|s| s.outbox())?
        .into_iter()
        .filter(|e| e.kind() == OutboxKind::Patch)
        .collect();
    for entry in patches {
        let still_draft = store
            .with(|s| s.find_room(&entry.room_id))?
            .is_some_and(|r| r.state == LocalState::Draft);
        if !still_draft {
            let outcome = push_patch(service, client, &entry).await;
            if !settle(service, &entry, outcome, report, &mut in_a_row)? {
                return Ok(());
            }
        }
        done += 1;
        step(done);
    }
    Ok(())
}

/// Records the outcome of one entry. Returns whether to go on pushing.
fn settle(
    service: &RoomsService,
    entry: &OutboxEntry,
    outcome: std::result::Result<Outcome, EntryError>,
    report: &mut SyncReport,
    in_a_row: &mut u32,
) -> Result<bool> {
    match outcome {
        Ok(o) => {
            *in_a_row = 0;
            report.pushed.extend(o.pushed);
            report.merged.extend(o.merged);
            Ok(true)
        }
        Err(EntryError { error, not_sent }) => {
            if let CoreError::Storage(_) = error {
                return Err(error);
            }
            let msg = error.to_string();
            service
                .store()
                .with(|s| s.record_failure(entry.seq, &msg, not_sent))?;
            report.failed.push(FailedChange {
                kind: entry.kind(),
                room_id: entry.room_id.clone(),
                error: error.payload(),
            });
            *in_a_row += 1;
            if stops_push(&error) || *in_a_row >= FAILURES_IN_A_ROW {
                report.stopped = Some(error.payload());
                return Ok(false);
            }
            Ok(true)
        }
    }
}

#[derive(Default)]
struct Outcome {
    pushed: Vec<PushedChange>,
    merged: Vec<MergedField>,
}

async fn pause(attempt: u32) {
    tokio::time::sleep(Duration::from_millis(150 * u64::from(attempt))).await;
}

fn created_map(service: &RoomsService) -> Result<BTreeMap<String, CreatedRoom>> {
    let text = service.store().with(|s| s.sync_state(CREATED_KEY))?;
    Ok(text
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default())
}

/// Remembers that `draft_id` became `room_id` (before the draft is completed).
fn remember_created(service: &RoomsService, draft_id: &str, room_id: &str) -> Result<()> {
    let mut map = created_map(service)?;
    let now = now_ms();
    map.retain(|_, c| now - c.at_ms < CREATED_KEEP_MS);
    map.insert(
        draft_id.to_string(),
        CreatedRoom {
            id: room_id.to_string(),
            at_ms: now,
        },
    );
    let text = serde_json::to_string(&map).map_err(CoreError::storage)?;
    service
        .store()
        .with(|s| s.set_sync_state(CREATED_KEY, &text))
}

async fn push_create(
    service: &RoomsService,
    client: &FlowlaClient,
    entry: &OutboxEntry,
) -> std::result::Result<Outcome, EntryError> {
    let OutboxOp::Create(body) = &entry.op else {
        return Ok(Outcome::default());
    };
    let draft_id = entry.room_id.as_str();
    let mut sent_at = entry.sent_at_ms;
    let mut attempt = 0;
    loop {
        attempt += 1;
        if let Some(at) = sent_at {
            if let Some((room, adopted)) = look_for(service, client, draft_id, body, at).await? {
                return complete_create(service, entry, room, adopted);
            }
        }
        let now = now_ms();
        service.store().with(|s| s.mark_uncertain(entry.seq, now))?;
        sent_at = Some(now);
        match client.create_room(body).await {
            Ok(room) => return complete_create(service, entry, room, false),
            Err(ClientError::Uncertain { .. }) if attempt < ATTEMPTS => pause(attempt).await,
            Err(e) => {
                let not_sent = create_surely_not_applied(&e);
                return Err(EntryError {
                    error: e.into(),
                    not_sent,
                });
            }
        }
    }
}

/// Looks for the room an uncertain create may have made. Retries transient failures a
/// few times; a failure to look leaves the create uncertain.
async fn look_for(
    service: &RoomsService,
    client: &FlowlaClient,
    draft_id: &str,
    body: &NewRoom,
    sent_at: i64,
) -> std::result::Result<Option<(Room, bool)>, EntryError> {
    let created = created_map(service)?;
    let mut attempt = 0;
    loop {
        attempt += 1;
        let found = match created.get(draft_id) {
            // A previous run got the answer but stopped before completing the draft.
            Some(c) => client.get_room(&c.id).await.map(Some),
            None => {
                let others: HashSet<String> = created.values().map(|c| c.id.clone()).collect();
                client.find_created(body, sent_at, &others).await
            }
        };
        match found {
            Ok(room) => return Ok(room.map(|r| (r, true))),
            Err(e) if e.retryable() && attempt < ATTEMPTS => pause(attempt).await,
            Err(e) => return Err(e.into()),
        }
    }
}

fn complete_create(
    service: &RoomsService,
    entry: &OutboxEntry,
    room: Room,
    adopted: bool,
) -> std::result::Result<Outcome, EntryError> {
    remember_created(service, &entry.room_id, &room.id)?;
    service
        .store()
        .with(|s| s.complete_create(entry.seq, &room))?;
    let fields = match &entry.op {
        OutboxOp::Create(b) => b
            .to_fields()
            .keys()
            .filter_map(|k| RoomField::from_name(k))
            .collect(),
        OutboxOp::Patch(_) => Vec::new(),
    };
    Ok(Outcome {
        pushed: vec![PushedChange {
            kind: OutboxKind::Create,
            local_id: entry.room_id.clone(),
            room_id: room.id,
            fields,
            adopted,
        }],
        merged: Vec::new(),
    })
}

async fn push_patch(
    service: &RoomsService,
    client: &FlowlaClient,
    entry: &OutboxEntry,
) -> std::result::Result<Outcome, EntryError> {
    let OutboxOp::Patch(patch) = &entry.op else {
        return Ok(Outcome::default());
    };
    let room_id = entry.room_id.as_str();
    let mut attempt = 0;
    loop {
        attempt += 1;
        match try_patch(service, client, entry, patch).await {
            Err(EntryError { error, .. })
                if error.retryable() && !stops_push(&error) && attempt < ATTEMPTS =>
            {
                tracing::debug!(room_id, %error, "edit not sent yet, trying again");
                pause(attempt).await;
            }
            other => return other,
        }
    }
}

async fn try_patch(
    service: &RoomsService,
    client: &FlowlaClient,
    entry: &OutboxEntry,
    patch: &RoomPatch,
) -> std::result::Result<Outcome, EntryError> {
    let room_id = entry.room_id.as_str();
    let theirs = client
        .get_room(room_id)
        .await
        .map_err(CoreError::from)
        .map_err(crate::service::name_not_found(room_id))?;
    let open: Vec<roomdesk_store::Conflict> = service
        .store()
        .with(|s| s.conflicts())?
        .into_iter()
        .filter(|c| c.room_id == room_id)
        .collect();
    let mine: Map<String, Value> = patch
        .to_fields()
        .into_iter()
        .filter(|(k, _)| !open.iter().any(|c| c.field.name() == k))
        .collect();
    let fields: Vec<RoomField> = mine
        .keys()
        .filter_map(|k| RoomField::from_name(k))
        .collect();
    let base = match &entry.base {
        Some(b) => base_of(b, fields.iter().copied()),
        None => base_of(&theirs, fields.iter().copied()),
    };
    let cmp = compare(&base, &mine, &theirs);

    // Conflicts first: stored before anything is completed.
    if !cmp.conflicts.is_empty() {
        let mut all: Vec<NewConflict> = open
            .iter()
            .map(|c| NewConflict {
                field: c.field,
                mine: c.mine.clone(),
                theirs: server_value(&theirs, c.field),
                base: c.base.clone(),
            })
            .collect();
        all.extend(cmp.conflicts.iter().map(|c| NewConflict {
            field: c.field,
            mine: c.mine.clone(),
            theirs: c.theirs.clone(),
            base: c.base.clone(),
        }));
        service
            .store()
            .with(|s| s.put_conflicts(room_id, &theirs, &all))?;
    }

    let merged = merged_fields(entry.base.as_ref(), patch, &theirs);
    let mut done: Map<String, Value> = cmp.send.clone();
    for f in &cmp.already_there {
        if let Some(v) = mine.get(f.name()) {
            done.insert(f.name().to_string(), v.clone());
        }
    }
    let server_room = if cmp.send.is_empty() {
        theirs
    } else {
        let to_send = RoomPatch::from_fields(cmp.send.clone()).map_err(CoreError::from)?;
        client
            .update_room(room_id, &to_send)
            .await
            .map_err(CoreError::from)
            .map_err(crate::service::name_not_found(room_id))?
    };
    if !done.is_empty() {
        let sent = RoomPatch::from_fields(done.clone()).map_err(CoreError::from)?;
        service
            .store()
            .with(|s| s.complete_patch(entry.seq, &sent, &server_room))?;
    }
    let pushed = if cmp.send.is_empty() {
        Vec::new()
    } else {
        vec![PushedChange {
            kind: OutboxKind::Patch,
            local_id: room_id.to_string(),
            room_id: room_id.to_string(),
            fields: cmp
                .send
                .keys()
                .filter_map(|k| RoomField::from_name(k))
                .collect(),
            adopted: false,
        }]
    };
    Ok(Outcome { pushed, merged })
}

/// Fields the server changed since the edit's base that the edit does not touch: they
/// arrive with the pull, no question asked.
fn merged_fields(base: Option<&Room>, patch: &RoomPatch, theirs: &Room) -> Vec<MergedField> {
    let Some(base) = base else {
        return Vec::new();
    };
    let touched = patch.fields();
    RETURNED_FIELDS
        .into_iter()
        .filter(|f| !touched.contains(f))
        .filter(|f| server_value(base, *f) != server_value(theirs, *f))
        .map(|field| MergedField {
            room_id: theirs.id.clone(),
            field,
        })
        .collect()
}
