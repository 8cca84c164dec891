//! The pull half of sync: every room from the server, into the cache in one go.

use crate::error::Result;
use crate::service::RoomsService;
use crate::views::{SyncPhase, SyncProgress, SyncReport};
use roomdesk_client::{FlowlaClient, ListProgress};
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
    service
        .store()
        .blocking(move |s| s.replace_all_rooms(&rooms))
        .await?;
    report.pulled = count;
    report.pull_complete = true;
    progress(SyncProgress {
        phase: SyncPhase::Pull,
        done: count,
        total: Some(count),
    });
    Ok(())
}
