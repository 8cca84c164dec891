//! Every room, in one order: pages of 100 fetched with bounded concurrency.
//!
//! The walk does not trust `total`: it stops at the first page holding fewer than
//! `limit` rooms. A `total` only keeps it from asking for pages far past the end.

use crate::error::{ClientError, Result};
use crate::parse::RoomsPage;
use crate::FlowlaClient;
use futures::stream::{FuturesUnordered, StreamExt};
use roomdesk_model::{ListQuery, Room, SortDirection, SortField};
use std::collections::{BTreeMap, HashSet};

/// Rooms per page in `list_all` (the contract's maximum).
pub const LIST_ALL_PAGE_SIZE: u32 = 100;

/// A safety stop for a server that never sends a short page (10 million rooms).
const MAX_PAGES: u32 = 100_000;

/// Reported as pages holding rooms arrive (in any order); once with zeros when there are
/// no rooms at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListProgress {
    pub pages_done: u32,
    pub rooms_done: usize,
    /// The server's `total`, if it sends one (a hint, not trusted for stopping).
    pub total_hint: Option<u64>,
}

/// Which pages to ask for next; pure bookkeeping so it can be tested alone.
#[derive(Debug, Default)]
pub(crate) struct PagePlan {
    next: u32,
    /// The first page that came back short: the last page.
    end: Option<u32>,
    /// From `total`: no need to ask past this page until a full page says otherwise.
    hinted_last: Option<u32>,
    /// The highest page that came back full: the page after it surely needs asking.
    highest_full: u32,
}

impl PagePlan {
    pub fn new() -> Self {
        PagePlan {
            next: 1,
            ..Default::default()
        }
    }

    /// The next page to ask for, if any.
    pub fn take_next(&mut self) -> Option<u32> {
        if self.end.is_some() || self.next > MAX_PAGES {
            return None;
        }
        // A stale hint never stops the walk: after a full page, the next one is asked.
        if self
            .hinted_last
            .is_some_and(|last| self.next > last.max(self.highest_full + 1))
        {
            return None;
        }
        let page = self.next;
        self.next += 1;
        Some(page)
    }

    /// Records an arrived page; returns whether it belongs to the listing.
    pub fn arrived(&mut self, page: u32, len: usize, limit: u32, total: Option<u64>) -> bool {
        if self.end.is_some_and(|end| page > end) {
            return false;
        }
        if len < limit as usize {
            self.end = Some(self.end.map_or(page, |e| e.min(page)));
        } else {
            self.highest_full = self.highest_full.max(page);
        }
        if let Some(t) = total {
            // `t / limit + 1`: the short (possibly empty) page that proves the end.
            let last = u32::try_from(t / u64::from(limit) + 1).unwrap_or(u32::MAX);
            self.hinted_last = Some(last);
        }
        true
    }

    pub fn is_done(&self) -> bool {
        self.end.is_some() || self.next > MAX_PAGES
    }
}

impl FlowlaClient {
    /// Every room on the server in `sort_by`/`dir` order, without duplicates, fetched
    /// `concurrency` pages at a time; `progress` is called as each page arrives.
    pub async fn list_all(
        &self,
        sort_by: SortField,
        dir: SortDirection,
        progress: &(dyn Fn(ListProgress) + Send + Sync),
    ) -> Result<Vec<Room>> {
        let limit = LIST_ALL_PAGE_SIZE;
        let concurrency = self.inner.concurrency.max(1);
        let fetch = |page: u32| {
            let q = ListQuery {
                page,
                limit,
                sort_by,
                sort_direction: dir,
            };
            async move { (page, self.list_rooms_page(&q).await) }
        };
        let mut plan = PagePlan::new();
        let mut in_flight = FuturesUnordered::new();
        let mut pages: BTreeMap<u32, Vec<Room>> = BTreeMap::new();
        let mut report = ListProgress {
            pages_done: 0,
            rooms_done: 0,
            total_hint: None,
        };
        loop {
            while in_flight.len() < concurrency {
                match plan.take_next() {
                    Some(page) => in_flight.push(fetch(page)),
                    None => break,
                }
            }
            let Some((page, result)) = in_flight.next().await else {
                break;
            };
            let RoomsPage { rooms, total } = result?;
            // Empty pages (the end, or past it when pages arrive out of order) are not
            // progress: `pages_done` counts pages holding rooms.
            if plan.arrived(page, rooms.len(), limit, total) && !rooms.is_empty() {
                report.pages_done += 1;
                report.rooms_done += rooms.len();
                report.total_hint = total.or(report.total_hint);
                pages.insert(page, rooms);
                progress(report);
            } else if report.pages_done == 0 {
                report.total_hint = total.or(report.total_hint);
            }
            if plan.is_done() && in_flight.is_empty() {
                break;
            }
        }
        if !plan.is_done() {
            return Err(ClientError::Malformed(
                "the room list never ended (no short page)".to_string(),
            ));
        }
        if report.pages_done == 0 {
            progress(report); // an empty server: one report that says so
        }
        let mut seen = HashSet::new();
        let mut all = Vec::with_capacity(report.rooms_done);
        for room in pages.into_values().flatten() {
            if seen.insert(room.id.clone()) {
                all.push(room);
            }
        }
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Drives the plan against a server holding `rooms` rooms, answering in the given
    /// arrival order; returns the pages requested.
    fn walk(rooms: u64, total: Option<u64>, concurrency: usize) -> Vec<u32> {
        let mut plan = PagePlan::new();
        let mut asked = Vec::new();
        let mut in_flight: Vec<u32> = Vec::new();
        loop {
            while in_flight.len() < concurrency {
                match plan.take_next() {
                    Some(p) => {
                        asked.push(p);
                        in_flight.push(p);
                    }
                    None => break,
                }
            }
            if in_flight.is_empty() {
                break;
            }
            // Answer the newest request first: the worst case for ordering.
            let p = in_flight.pop().unwrap();
            let start = u64::from(p - 1) * 100;
            let len = rooms.saturating_sub(start).min(100) as usize;
            plan.arrived(p, len, 100, total);
        }
        assert!(plan.is_done());
        asked
    }

    #[test]
    fn stops_at_the_first_short_page_without_total() {
        let asked = walk(250, None, 1);
        assert_eq!(asked, [1, 2, 3]);
        let asked = walk(300, None, 1);
        assert_eq!(asked, [1, 2, 3, 4]);
        let asked = walk(0, None, 1);
        assert_eq!(asked, [1]);
        // Concurrent: may over-ask a little, never misses a page.
        let asked = walk(1050, None, 6);
        for p in 1..=11 {
            assert!(asked.contains(&p));
        }
        assert!(asked.len() <= 11 + 6);
    }

    #[test]
    fn a_total_hint_bounds_requests_and_a_stale_one_is_ignored() {
        let asked = walk(10_000, Some(10_000), 6);
        assert!(asked.iter().all(|p| *p <= 101 + 6), "{asked:?}");
        // The server says 150 but holds 450: the walk still reaches the end.
        let asked = walk(450, Some(150), 2);
        for p in 1..=5 {
            assert!(asked.contains(&p), "{asked:?}");
        }
    }

    #[test]
    fn pages_past_the_end_are_dropped() {
        let mut plan = PagePlan::new();
        for _ in 0..4 {
            plan.take_next();
        }
        assert!(plan.arrived(2, 40, 100, None));
        assert!(!plan.arrived(3, 0, 100, None));
        assert!(plan.arrived(1, 100, 100, None));
        assert_eq!(plan.take_next(), None);
    }
}
