//! The pull half of sync: every room from the server, into the cache in batches. A room
//! leaves the cache only when the server says it is gone (a 404 on a get), never because
//! one listing did not show it.

use crate::error::Result;
use crate::service::RoomsService;
use crate::views::{SyncPhase, SyncProgress, SyncReport};
use roomdesk_client::{ClientError, FlowlaClient, ListProgress};
use roomdesk_model::{Room, SortDirection, SortField};
use std::collections::HashSet;

/// Rooms written per transaction in a pull.
const PULL_BATCH: usize = 500;

/// Fetches every room (the client pages with bounded concurrency) and stores them as the
/// cache's new server versions; local drafts and pending edits stay on top. A listing
/// that fails to arrive changes nothing locally and is reported in `report.stopped`.
pub(super) async fn pull_all(
    service: &RoomsService,
    client: &FlowlaClient,
    progress: &(dyn Fn(SyncProgress) + Send + Sync),
    report: &mut SyncReport,
) -> Result<()> {
    progress(SyncProgress {
        phase: SyncPhase::Pull,
        done: 0,
        total: None,
    });
    let on_page = |p: ListProgress| {
        progress(SyncProgress {
            phase: SyncPhase::Pull,
            done: p.rooms_done as u64,
            total: p.total_hint,
        })
    };
    let rooms = match client
        .list_all(SortField::CreatedAt, SortDirection::Desc, &on_page)
        .await
    {
        Ok(rooms) => rooms,
        Err(e) => {
            report.stopped = Some(crate::CoreError::from(e).payload());
            return Ok(());
        }
    };
    let count = rooms.len() as u64;
    let unlisted = write_listing(service, rooms).await?;
    settle_unlisted(service, client, unlisted).await?;
    report.pulled = count;
    report.pull_complete = true;
    progress(SyncProgress {
        phase: SyncPhase::Pull,
        done: count,
        total: Some(count),
    });
    Ok(())
}

/// Writes a full listing into the cache, [`PULL_BATCH`] rooms per transaction, so the
/// writer is free between batches (a local edit or a remote write waits for one batch, not
/// the whole pull; readers never wait). Returns the cached remote rooms the listing did
/// not hold, the candidates for removal: nothing is removed here.
///
/// Between batches the cache holds part of the new listing; that is what a reader sees
/// meanwhile, as it would have seen rooms changing one by one on the server.
async fn write_listing(service: &RoomsService, rooms: Vec<Room>) -> Result<Vec<String>> {
    let listed: HashSet<String> = rooms.iter().map(|r| r.id.clone()).collect();
    let mut rest = rooms.into_iter();
    loop {
        let batch: Vec<Room> = rest.by_ref().take(PULL_BATCH).collect();
        if batch.is_empty() {
            break;
        }
        service
            .store()
            .write(move |s| s.upsert_rooms(&batch))
            .await?;
    }
    service
        .store()
        .write(move |s| s.unlisted_rooms(&listed))
        .await
}

/// Cached rooms the listing did not hold: a paged walk skips a room when another one is
/// deleted meanwhile, so each is asked for. A 404 removes it locally; a room still there
/// is refreshed; any other answer leaves it as it is until the next sync.
async fn settle_unlisted(
    service: &RoomsService,
    client: &FlowlaClient,
    unlisted: Vec<String>,
) -> Result<()> {
    let mut gone = Vec::new();
    for id in unlisted {
        match client.get_room(&id).await {
            Ok(room) => {
                service
                    .store()
                    .write(move |s| s.upsert_rooms(&[room]))
                    .await?;
            }
            Err(ClientError::NotFound { .. }) => gone.push(id),
            Err(e) => {
                tracing::info!(room_id = %id, error = %e, "not listed, and not checked: kept");
                if !e.retryable() {
                    continue;
                }
                break; // the server is in trouble: the rest waits for the next sync
            }
        }
    }
    if !gone.is_empty() {
        service
            .store()
            .write(move |s| s.remove_gone_rooms(&gone))
            .await?;
    }
    Ok(())
}
