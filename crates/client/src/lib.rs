//! `roomdesk-client`: the HTTP client for the Flowla rooms API v2 (the contract it
//! follows: `docs/flowla-api.md`).
//!
//! ```text
//! ClientConfig::new(base_url, api_key)          defaults: 20 s timeout, 4 retries,
//!                                               200 ms → 5 s backoff, 6 in flight
//! FlowlaClient::new(config)?                    https unless loopback; Clone (Arc inside)
//!   list_rooms / list_rooms_page / get_room / create_room / update_room
//!   statuses / lookup(kind) -> Option (None on 404)
//!   list_all(sort_by, dir, &progress)           every room, pages of 100, bounded concurrency
//!   find_created(body, sent_at_millis, &exclude) what an `Uncertain` create made: one room,
//!                                               none, or look-alikes only the user can tell
//!   server_clock()                              server − local clock, from `Date` headers
//! ClientError::code() / retryable() / field()
//! normalize_base_url(text)?                     the one spelling of a base URL (workspaces
//!                                               are named after it); is_loopback_url(text)
//! ```
//!
//! Retries: reads and `PATCH` retry 429 (honouring `Retry-After`), 502/503/504, timeouts
//! and lost connections with capped exponential backoff + jitter. A create is retried
//! only when the server surely did nothing (no connection, 429, 503); otherwise an unknown
//! outcome is `ClientError::Uncertain` and never blindly retried.
//!
//! A reply body over [`MAX_REPLY_BYTES`] (16 MiB) is refused unread: `ReplyTooLarge`
//! (`reply_too_large`); for a create that is `Uncertain` (the server did answer).
//!
//! The API key travels only in the `x-flowla-api-key` header (marked sensitive); it is
//! never logged, and `ClientConfig`'s `Debug` masks it.

mod config;
mod error;
mod list_all;
mod pacing;
mod parse;
mod reconcile;
mod retry;
mod rooms;
mod server_clock;
mod transport;
#[cfg(test)]
mod wire_tests;

pub use config::{is_loopback_url, normalize_base_url, ClientConfig};
pub use error::{ClientError, Result};
pub use list_all::{ListProgress, LIST_ALL_PAGE_SIZE};
pub use parse::RoomsPage;
pub use reconcile::{Reconciled, CREATED_AT_SLACK_MS, NO_DATE_ALLOWANCE_MS, RECONCILE_MAX_PAGES};
pub use server_clock::ClockOffset;
pub use transport::{API_KEY_HEADER, MAX_REPLY_BYTES};

use std::sync::Arc;
use transport::Transport;

/// A Flowla API client. Cheap to clone; clones share connections and pacing.
#[derive(Debug, Clone)]
pub struct FlowlaClient {
    inner: Arc<Transport>,
}

impl FlowlaClient {
    /// Checks the config (`InvalidConfig` with a clear message) and sets up HTTP.
    pub fn new(config: ClientConfig) -> Result<Self> {
        Ok(FlowlaClient {
            inner: Arc::new(Transport::new(&config)?),
        })
    }

    /// `server clock − local clock` as the `Date` headers of recent answers bound it;
    /// `None` until an answer carried one.
    pub fn server_clock(&self) -> Option<ClockOffset> {
        self.inner.clock.offset()
    }
}
