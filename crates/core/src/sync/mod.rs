//! Sync: push the outbox (creates first, then edits, each in order), then pull every room
//! into the cache. Safe to interrupt at any point: an entry leaves the outbox only in the
//! same transaction that records the server's confirmation, a create is marked as sent
//! (with its time) before the request goes out, and a marked create is looked for on the
//! server before it is ever sent again.

mod creates;
mod edits;
mod lock;
mod pull;
mod push;

pub(crate) use creates::{look_around, remember_created, seen_before};

use crate::error::{CoreError, Result};
use crate::service::RoomsService;
use crate::views::{SyncPhase, SyncProgress, SyncReport};
use std::time::Duration;

/// How long a remote create or update waits for a running sync (here or in another
/// process on the same data dir) before it gives up as busy.
pub(crate) const REMOTE_WRITE_WAIT: Duration = Duration::from_secs(120);

/// Held by whatever sends outbox entries or writes to the server: this process's turn and
/// the data dir's OS lock, so no entry is ever sent by two writers at once.
pub(crate) struct Exclusive<'a> {
    _turn: tokio::sync::MutexGuard<'a, ()>,
    _lock: lock::SyncLock,
}

impl RoomsService {
    /// Pushes the outbox, then pulls every room. Errors that stop the sync early (outage,
    /// rate limit, refused key) are in the report's `stopped`; what was not sent stays in
    /// the outbox. Returns `Err` only when the local database fails or no API is configured.
    pub async fn sync(
        &self,
        progress: &(dyn Fn(SyncProgress) + Send + Sync),
    ) -> Result<SyncReport> {
        let turn = self.inner.sync_lock.lock().await;
        let client = self.client()?;
        let _exclusive = Exclusive {
            _turn: turn,
            _lock: lock::acquire(&self.inner.data_dir)?,
        };
        let mut report = SyncReport::default();
        push::push_outbox(self, &client, progress, &mut report).await?;
        if report.stopped.is_none() {
            pull::pull_all(self, &client, progress, &mut report).await?;
        }
        report.conflicts = self.conflicts()?;
        report.outbox_remaining = self.outbox()?.len() as u64;
        progress(SyncProgress {
            phase: SyncPhase::Done,
            done: report.pushed.len() as u64,
            total: Some(report.pushed.len() as u64),
        });
        Ok(report)
    }
}

impl RoomsService {
    /// Holds what a sync holds, now or never: `Busy` while a sync or a remote write runs,
    /// here or in another process on this data dir.
    pub(crate) fn exclusive_now(&self) -> Result<Exclusive<'_>> {
        let turn = self.inner.sync_lock.try_lock().map_err(|_| {
            CoreError::Busy("a sync is running; try again when it has finished".to_string())
        })?;
        Ok(Exclusive {
            _turn: turn,
            _lock: lock::acquire(&self.inner.data_dir)?,
        })
    }

    /// Waits (up to `wait`) until no sync or remote write runs, here or in another process
    /// on this data dir, and holds that until the guard is dropped.
    pub(crate) async fn exclusive_within(&self, wait: Duration) -> Result<Exclusive<'_>> {
        let turn = self.inner.sync_lock.lock().await;
        let lock = lock::acquire_within(&self.inner.data_dir, wait).await?;
        Ok(Exclusive {
            _turn: turn,
            _lock: lock,
        })
    }
}

impl RoomsService {
    /// Sends create `seq` now, as a sync would (looking for its room first when it may
    /// have been sent). The caller holds [`Exclusive`]. Returns the server room's id, or
    /// records the failure on the entry (which stays in the outbox) and returns it.
    pub(crate) async fn push_one_create(
        &self,
        client: &roomdesk_client::FlowlaClient,
        seq: i64,
    ) -> Result<Option<String>> {
        if let Err(e) = look_around(self, client).await {
            if matches!(e, crate::CoreError::Storage(_)) || e.is_outage() {
                return Err(e);
            }
        }
        match creates::push_create(self, client, seq).await {
            Ok(outcome) => Ok(outcome.pushed.into_iter().next().map(|p| p.room_id)),
            Err(push::EntryError { error, not_sent }) => {
                let msg = error.to_string();
                self.store()
                    .with(|s| s.record_failure(seq, &msg, not_sent))?;
                Err(error)
            }
        }
    }
}

impl RoomsService {
    /// Sends edit `seq` now, as a sync would (the server's room is compared with the
    /// edit's base first, so a field changed there meanwhile becomes a conflict rather
    /// than being overwritten). The caller holds [`Exclusive`]. A failure is recorded on
    /// the entry, which stays in the outbox, and returned; `stops` says whether sending
    /// more now is pointless (outage, rate limit, refused key).
    pub(crate) async fn push_one_patch(
        &self,
        client: &roomdesk_client::FlowlaClient,
        seq: i64,
    ) -> std::result::Result<(), (CoreError, bool)> {
        match edits::push_patch(self, client, seq).await {
            Ok(_) => Ok(()),
            Err(push::EntryError { error, not_sent }) => {
                let msg = error.to_string();
                if let Err(e) = self.store().with(|s| s.record_failure(seq, &msg, not_sent)) {
                    return Err((e, true));
                }
                let stops = push::stops_push(&error) || matches!(error, CoreError::Storage(_));
                Err((error, stops))
            }
        }
    }
}
