//! Pushing edits. The server's room is fetched first and compared field by field with
//! the version the edit was made against (see `conflicts.rs`). Conflicts are stored before
//! anything else is completed, so a crash never turns a conflict into a silent overwrite;
//! a crash after the server applied an edit is harmless: the next attempt finds our
//! values already there and completes the entry without sending again.

use super::push::{pause, stops_push, EntryError, Outcome, ATTEMPTS};
use crate::conflicts::{base_of, compare, server_value};
use crate::error::CoreError;
use crate::service::RoomsService;
use crate::views::{MergedField, PushedChange};
use roomdesk_client::FlowlaClient;
use roomdesk_model::{Room, RoomField, RoomPatch};
use roomdesk_store::{NewConflict, OutboxEntry, OutboxKind, OutboxOp};
use serde_json::{Map, Value};

/// Pushes the edit of outbox entry `seq`, read afresh before every attempt (the user may
/// have edited the room again since the outbox was listed).
pub(super) async fn push_patch(
    service: &RoomsService,
    client: &FlowlaClient,
    seq: i64,
) -> std::result::Result<Outcome, EntryError> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let Some(entry) = service.store().write(move |s| s.outbox_entry(seq)).await? else {
            return Ok(Outcome::default()); // settled meanwhile
        };
        let OutboxOp::Patch(patch) = &entry.op else {
            return Ok(Outcome::default());
        };
        let room_id = entry.room_id.as_str();
        match try_patch(service, client, &entry, patch).await {
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
        .write(|s| s.conflicts())
        .await?
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
        let (id, server) = (room_id.to_string(), theirs.clone());
        service
            .store()
            .write(move |s| s.put_conflicts(&id, &server, &all))
            .await?;
    }

    // What leaves the entry: the fields sent and those already there, with the values
    // as they are pending (the store completes only fields still holding them).
    let done: Map<String, Value> = mine
        .iter()
        .filter(|(k, _)| {
            cmp.send.contains_key(*k) || cmp.already_there.iter().any(|f| f.name() == k.as_str())
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    // Reported once, when the entry moves (not on every sync while it waits on a conflict).
    let merged = if done.is_empty() && cmp.conflicts.is_empty() {
        Vec::new()
    } else {
        merged_fields(entry.base.as_ref(), patch, &theirs)
    };
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
        let seq = entry.seq;
        service
            .store()
            .write(move |s| s.complete_patch(seq, &sent, &server_room))
            .await?;
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
    roomdesk_model::returned_fields()
        .filter(|f| !touched.contains(f))
        .filter(|f| server_value(base, *f) != server_value(theirs, *f))
        .map(|field| MergedField {
            room_id: theirs.id.clone(),
            field,
        })
        .collect()
}
