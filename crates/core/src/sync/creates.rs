//! Pushing creates. Before a create is sent it is marked uncertain with the time it is
//! sent (durably), so after a crash or a lost answer the next attempt first looks for the
//! room on the server (`find_created`, skipping rooms other drafts became) and adopts it.
//! The draft → room mapping is written before the draft is completed, so a crash between
//! the two still adopts the right room.

use super::push::{pause, EntryError, Outcome, ATTEMPTS};
use crate::error::{CoreError, Result};
use crate::remote::{create_surely_not_applied, now_ms};
use crate::service::RoomsService;
use crate::views::PushedChange;
use roomdesk_client::{ClientError, FlowlaClient};
use roomdesk_model::{NewRoom, Room, RoomField};
use roomdesk_store::{OutboxEntry, OutboxKind, OutboxOp};
use std::collections::{BTreeMap, HashSet};

/// Sync-state key of the draft → server room map (kept a day, to skip in `find_created`).
const CREATED_KEY: &str = "created_from_drafts";
const CREATED_KEEP_MS: i64 = 24 * 60 * 60 * 1000;
#[derive(serde::Serialize, serde::Deserialize, Clone)]
#[serde(rename_all = "camelCase")]
struct CreatedRoom {
    id: String,
    at_ms: i64,
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

/// Pushes the create of outbox entry `seq`. The entry is read afresh (edits made since
/// the outbox was listed folded into its body), and the body sent is the one
/// `mark_uncertain` read in the transaction that recorded the send.
pub(super) async fn push_create(
    service: &RoomsService,
    client: &FlowlaClient,
    seq: i64,
) -> std::result::Result<Outcome, EntryError> {
    let Some(entry) = service.store().with(|s| s.outbox_entry(seq))? else {
        return Ok(Outcome::default()); // settled meanwhile
    };
    let OutboxOp::Create(body) = &entry.op else {
        return Ok(Outcome::default());
    };
    let draft_id = entry.room_id.as_str();
    // Marked sent before: its body has not changed since (edits became a pending edit).
    let mut sent: Option<(i64, NewRoom)> = entry.sent_at_ms.map(|at| (at, body.clone()));
    let mut attempt = 0;
    loop {
        attempt += 1;
        if let Some((at, body)) = &sent {
            if let Some((room, adopted)) = look_for(service, client, draft_id, body, *at).await? {
                return complete_create(service, &entry, body, room, adopted);
            }
        }
        let now = now_ms();
        let body = service.store().with(|s| s.mark_uncertain(entry.seq, now))?;
        match client.create_room(&body).await {
            Ok(room) => return complete_create(service, &entry, &body, room, false),
            Err(ClientError::Uncertain { .. }) if attempt < ATTEMPTS => {
                sent = Some((now, body));
                pause(attempt).await
            }
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
    sent: &NewRoom,
    room: Room,
    adopted: bool,
) -> std::result::Result<Outcome, EntryError> {
    remember_created(service, &entry.room_id, &room.id)?;
    service
        .store()
        .with(|s| s.complete_create(entry.seq, &room))?;
    let fields = sent
        .to_fields()
        .keys()
        .filter_map(|k| RoomField::from_name(k))
        .collect();
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
