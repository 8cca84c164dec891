//! Listing in the contract order: by the sort key, `null` smallest, ties by id ascending
//! in both directions.
//!
//! Query shape: every (field, direction) has its own index whose order IS the listing
//! order (`key ASC, id` or `key DESC, id`). A page walks that index, from the front for
//! the first half of the listing and backwards from the end for the second half (then
//! the page is reversed), so no page steps over more than half the rooms; the walk only
//! touches the index (the row id is in it), and the ≤ 100 rooms of the page are then
//! read by row id.

use crate::error::Result;
use crate::local_room::LocalRoom;
use crate::search::{self, SearchPlan};
use crate::view::local_by_rid;
use crate::Store;
use roomdesk_model::{ListQuery, SortDirection, SortField};
use rusqlite::Connection;

/// The SQL pieces of one listing order. All static: sort columns never come from input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Order {
    pub index: &'static str,
    pub forward: &'static str,
    pub backward: &'static str,
}

pub(crate) fn order(field: SortField, direction: SortDirection) -> Order {
    use SortDirection::{Asc, Desc};
    use SortField::*;
    let (index, forward, backward) = match (field, direction) {
        (CreatedAt, Asc) => (
            "rooms_created_asc",
            "created_ms ASC, id ASC",
            "created_ms DESC, id DESC",
        ),
        (CreatedAt, Desc) => (
            "rooms_created_desc",
            "created_ms DESC, id ASC",
            "created_ms ASC, id DESC",
        ),
        (UpdatedAt, Asc) => (
            "rooms_updated_asc",
            "updated_ms ASC, id ASC",
            "updated_ms DESC, id DESC",
        ),
        (UpdatedAt, Desc) => (
            "rooms_updated_desc",
            "updated_ms DESC, id ASC",
            "updated_ms ASC, id DESC",
        ),
        (TotalEngagements, Asc) => (
            "rooms_engaged_asc",
            "engagements ASC, id ASC",
            "engagements DESC, id DESC",
        ),
        (TotalEngagements, Desc) => (
            "rooms_engaged_desc",
            "engagements DESC, id ASC",
            "engagements ASC, id DESC",
        ),
        (LastEngagedAt, Asc) => (
            "rooms_last_eng_asc",
            "last_engaged_ms ASC, id ASC",
            "last_engaged_ms DESC, id DESC",
        ),
        (LastEngagedAt, Desc) => (
            "rooms_last_eng_desc",
            "last_engaged_ms DESC, id ASC",
            "last_engaged_ms ASC, id DESC",
        ),
    };
    Order {
        index,
        forward,
        backward,
    }
}

/// Which rows of an ordered set of `total` rows make a page, walked from the nearer end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Window {
    /// Walk the order backwards (then reverse the rows).
    pub backward: bool,
    /// Rows skipped from the end walked from.
    pub skip: u64,
    pub take: u64,
}

pub(crate) fn window(total: u64, offset: u64, limit: u64) -> Option<Window> {
    if offset >= total || limit == 0 {
        return None;
    }
    let take = limit.min(total - offset);
    let from_end = total - offset - take;
    Some(if from_end < offset {
        Window {
            backward: true,
            skip: from_end,
            take,
        }
    } else {
        Window {
            backward: false,
            skip: offset,
            take,
        }
    })
}

/// The row ids of one page of all rooms.
fn page_rids(conn: &Connection, o: Order, w: Window) -> Result<Vec<i64>> {
    let dir = if w.backward { o.backward } else { o.forward };
    let sql = format!(
        "SELECT rid FROM rooms INDEXED BY {} ORDER BY {dir} LIMIT ?1 OFFSET ?2",
        o.index
    );
    collect_rids(
        conn,
        &sql,
        rusqlite::params![w.take as i64, w.skip as i64],
        w,
    )
}

/// Runs a row-id query and puts the rows in listing order.
pub(crate) fn collect_rids(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    w: Window,
) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rids: Vec<i64> = stmt
        .query_map(params, |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if w.backward {
        rids.reverse();
    }
    Ok(rids)
}

impl Store {
    /// One page of the local view in the contract order, with the total number of rooms
    /// (or of matches, with `search`). Drafts are included. A blank search lists all.
    pub fn list_rooms(
        &self,
        query: &ListQuery,
        search: Option<&str>,
    ) -> Result<(Vec<LocalRoom>, u64)> {
        query.validate()?;
        let o = order(query.sort_by, query.sort_direction);
        let fts = search.and_then(search::fts_query);
        let (total, rids) = match fts {
            None => {
                let total = self.room_count()?;
                let rids = match window(total, query.offset(), u64::from(query.limit)) {
                    Some(w) => page_rids(&self.conn, o, w)?,
                    None => Vec::new(),
                };
                (total, rids)
            }
            Some(fts) => {
                let plan = SearchPlan::prepare(&self.conn, &fts)?;
                let rids = match window(plan.matches, query.offset(), u64::from(query.limit)) {
                    Some(w) => plan.page_rids(&self.conn, o, w)?,
                    None => Vec::new(),
                };
                (plan.matches, rids)
            }
        };
        let mut rooms = Vec::with_capacity(rids.len());
        for rid in rids {
            if let Some(room) = local_by_rid(&self.conn, rid)? {
                rooms.push(room);
            }
        }
        Ok((rooms, total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_walk_from_the_nearer_end() {
        assert_eq!(window(0, 0, 50), None);
        assert_eq!(window(100, 100, 50), None);
        assert_eq!(
            window(100, 0, 50),
            Some(Window {
                backward: false,
                skip: 0,
                take: 50
            })
        );
        assert_eq!(
            window(1000, 900, 50),
            Some(Window {
                backward: true,
                skip: 50,
                take: 50
            })
        );
        // A short last page.
        assert_eq!(
            window(1010, 1000, 50),
            Some(Window {
                backward: true,
                skip: 0,
                take: 10
            })
        );
    }
}
