//! The push half of sync: creates first, then edits, each in outbox order.
//! Each entry is tried a few times within one sync; a failure is recorded on the entry
//! (which stays in the outbox). An outage, a rate limit or a refused key stops the push
//! (and the pull) at once: the rest of the outbox waits for the next sync.

use super::creates::{look_around, push_create};
use super::edits::push_patch;
use crate::error::{CoreError, Result};
use crate::service::RoomsService;
use crate::views::{FailedChange, MergedField, PushedChange, SyncPhase, SyncProgress, SyncReport};
use roomdesk_client::{ClientError, FlowlaClient};
use roomdesk_store::{LocalState, OutboxEntry, OutboxKind};
use std::time::Duration;

/// Attempts per entry within one sync before it is left for the next one.
pub(super) const ATTEMPTS: u32 = 3;

/// Entries failing in a row before the sync stops pushing.
const FAILURES_IN_A_ROW: u32 = 5;

/// A failure of one entry, and whether the server surely did nothing.
pub(super) struct EntryError {
    pub error: CoreError,
    pub not_sent: bool,
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
pub(super) fn stops_push(e: &CoreError) -> bool {
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
        .write(|s| s.outbox())
        .await?
        .into_iter()
        .filter(|e| e.kind() == OutboxKind::Create)
        .collect();
    let patch_count = store
        .write(|s| s.outbox())
        .await?
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
    if !creates.is_empty() {
        if let Err(error) = look_around_retrying(service, client).await {
            if let CoreError::Storage(_) = error {
                return Err(error);
            }
            if stops_push(&error) {
                report.stopped = Some(error.payload());
                return Ok(());
            }
            // Anything else: go on; the cache and the server's clock still guard.
            tracing::warn!("sync: could not read the newest rooms before creating: {error}");
        }
    }
    let mut in_a_row = 0u32;
    for entry in creates {
        let outcome = push_create(service, client, entry.seq).await;
        if !settle(service, &entry, outcome, report, &mut in_a_row).await? {
            return Ok(());
        }
        done += 1;
        step(done);
    }
    // Reload: completed creates re-pointed edits made to their drafts.
    let patches: Vec<OutboxEntry> = store
        .write(|s| s.outbox())
        .await?
        .into_iter()
        .filter(|e| e.kind() == OutboxKind::Patch)
        .collect();
    for entry in patches {
        let id = entry.room_id.clone();
        let still_draft = store
            .write(move |s| s.find_room(&id))
            .await?
            .is_some_and(|r| r.state == LocalState::Draft);
        if !still_draft {
            let outcome = push_patch(service, client, entry.seq).await;
            if !settle(service, &entry, outcome, report, &mut in_a_row).await? {
                return Ok(());
            }
        }
        done += 1;
        step(done);
    }
    Ok(())
}

/// [`look_around`], with a few tries for transient failures.
async fn look_around_retrying(service: &RoomsService, client: &FlowlaClient) -> Result<()> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match look_around(service, client).await {
            Err(e) if e.retryable() && !stops_push(&e) && attempt < ATTEMPTS => {
                pause(attempt).await
            }
            other => return other,
        }
    }
}

/// Records the outcome of one entry. Returns whether to go on pushing.
async fn settle(
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
            let (seq, msg) = (entry.seq, error.to_string());
            service
                .store()
                .write(move |s| s.record_failure(seq, &msg, not_sent))
                .await?;
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
pub(super) struct Outcome {
    pub pushed: Vec<PushedChange>,
    pub merged: Vec<MergedField>,
}

pub(super) async fn pause(attempt: u32) {
    tokio::time::sleep(Duration::from_millis(150 * u64::from(attempt))).await;
}
