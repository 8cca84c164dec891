//! The pull half of sync: every room from the server, into the cache in one go. A room
//! leaves the cache only when the server says it is gone (a 404 on a get), never because
//! one listing did not show it.

use crate::error::Result;
use crate::service::RoomsService;
use crate::views::{SyncPhase, SyncProgress, SyncReport};
use roomdesk_client::{ClientError, FlowlaClient, ListProgress};
use roomdesk_model::{SortDirection, SortField};

/// Fetches every room (the client pages with bounded concurrency) and stores them as the
/// cache's new server versions; local drafts and pending edits stay on top. A failed pull
/// changes nothing locally and is reported in `report.stopped`.
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
    let (_, unlisted) = service
        .store()
        .blocking(move |s| s.upsert_listing(&rooms))
        .await?;
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
                service.store().with(|s| s.upsert_rooms(&[room]))?;
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
            .blocking(move |s| s.remove_gone_rooms(&gone))
            .await?;
    }
    Ok(())
}
