//! Pushing creates. Before a create is sent it is marked uncertain with the time it is
//! sent and the server rooms Roomdesk has seen of late (durably), so after a crash or a
//! lost answer the next attempt first looks for the room on the server (`find_created`,
//! skipping rooms Roomdesk made for other creates and rooms seen before the send) and
//! adopts it when exactly one room can be it. When several can (or none for sure), the
//! create waits for the user: adopt one of them, or create it again. The draft → room
//! mapping is written before the draft is completed, so a crash between the two still
//! adopts the right room.

use super::push::{pause, EntryError, Outcome, ATTEMPTS};
use crate::error::{CoreError, Result};
use crate::remote::{create_surely_not_applied, now_ms};
use crate::service::RoomsService;
use crate::views::PushedChange;
use roomdesk_client::{ClientError, FlowlaClient, Reconciled};
use roomdesk_model::{ListQuery, NewRoom, Room, RoomField, SortDirection, SortField};
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
pub(crate) fn remember_created(
    service: &RoomsService,
    draft_id: &str,
    room_id: &str,
) -> Result<()> {
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

/// How far back (before the send, server clock) the rooms seen are recorded with a
/// create: wider than any allowance reconciliation uses, so that a later, looser clock
/// estimate still finds them excluded.
const SEEN_BEFORE_MS: i64 = 5 * 60 * 1000;

/// Ids of the server rooms Roomdesk has seen that were made lately: none of them can be
/// the room of a create about to be sent.
pub(crate) fn seen_before(
    service: &RoomsService,
    client: &FlowlaClient,
    sent_at: i64,
) -> Result<Vec<String>> {
    let since = client.created_floor(sent_at) - SEEN_BEFORE_MS;
    service.store().with(|s| s.cached_ids_created_since(since))
}

/// Reads the newest rooms into the cache before creates are sent, so that look-alikes
/// someone made since the last pull count as seen (and are never taken for ours).
pub(crate) async fn look_around(service: &RoomsService, client: &FlowlaClient) -> Result<()> {
    let newest = ListQuery {
        page: 1,
        limit: 100,
        sort_by: SortField::CreatedAt,
        sort_direction: SortDirection::Desc,
    };
    let rooms = client.list_rooms(&newest).await?;
    service.store().with(|s| s.upsert_rooms(&rooms))?;
    Ok(())
}

/// Pushes the create of outbox entry `seq`. The entry is read afresh (edits made since
/// the outbox was listed folded into its body), and the body sent is the one
/// `mark_uncertain` read in the transaction that recorded the send.
pub(crate) async fn push_create(
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
            match look_for(service, client, &entry, body, *at).await? {
                Reconciled::Created(room) => {
                    return complete_create(service, &entry, body, *room, true)
                }
                Reconciled::Ambiguous(candidates) => {
                    let count = candidates.len();
                    service
                        .store()
                        .with(|s| s.record_candidates(seq, &candidates))?;
                    return Err(EntryError::from(CoreError::NeedsDecision(format!(
                        "draft {draft_id} may have been created on the server, but {} could be it: \
                         adopt one of them in the outbox, or create it again",
                        match count {
                            0 => "too many rooms made since to tell which".to_string(),
                            1 => "one look-alike room that may also be someone else's".to_string(),
                            n => format!("{n} look-alike rooms"),
                        }
                    ))));
                }
                Reconciled::NotCreated => {}
            }
        }
        let now = now_ms();
        let seen = seen_before(service, client, now)?;
        let body = service
            .store()
            .with(|s| s.mark_uncertain(entry.seq, now, &seen))?;
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
    entry: &OutboxEntry,
    body: &NewRoom,
    sent_at: i64,
) -> std::result::Result<Reconciled, EntryError> {
    let created = created_map(service)?;
    // Every room Roomdesk made for another create, and every room seen before a send.
    let mut exclude: HashSet<String> = created
        .iter()
        .filter(|(draft, _)| draft.as_str() != entry.room_id)
        .map(|(_, c)| c.id.clone())
        .collect();
    let seen = service
        .store()
        .with(|s| s.outbox_entry(entry.seq))?
        .map(|e| e.seen_before)
        .unwrap_or_default();
    exclude.extend(seen);
    let mut attempt = 0;
    loop {
        attempt += 1;
        let found = match created.get(&entry.room_id) {
            // A previous run got the answer but stopped before completing the draft.
            Some(c) => client
                .get_room(&c.id)
                .await
                .map(|r| Reconciled::Created(Box::new(r))),
            None => client.find_created(body, sent_at, &exclude).await,
        };
        match found {
            Ok(reconciled) => return Ok(reconciled),
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
