//! Listing in the contract order: by the sort key, `null` smallest, ties by id ascending
//! in both directions. The order itself comes from [`crate::orders`]; a page is a slice
//! of it, and only its ≤ 100 rooms are read.

use crate::error::Result;
use crate::local_room::LocalRoom;
use crate::search::SearchQuery;
use crate::view::local_by_rid;
use crate::Store;
use roomdesk_model::{ListQuery, SortDirection, SortField};
use std::sync::Arc;

/// Which rows of an ordered set of `total` rows make a page, walked from the nearer end
/// (used where the rows must be found by walking, as in search).
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

impl Store {
    /// The row ids of every room in listing order (cached; see `orders`).
    pub(crate) fn order(
        &self,
        field: SortField,
        direction: SortDirection,
    ) -> Result<Arc<Vec<i64>>> {
        self.orders
            .borrow_mut()
            .get(&self.conn, self.generation.get(), field, direction)
    }

    /// One page of the local view in the contract order, with the total number of rooms
    /// (or of matches, with `search`). Drafts are included. A search without any word
    /// lists everything.
    pub fn list_rooms(
        &self,
        query: &ListQuery,
        search: Option<&str>,
    ) -> Result<(Vec<LocalRoom>, u64)> {
        query.validate()?;
        // One read transaction: the order, the matches and the rows come from the same
        // committed state, even while another connection commits meanwhile.
        let snapshot = self.conn.unchecked_transaction()?;
        let order = self.order(query.sort_by, query.sort_direction)?;
        let offset = query.offset();
        let limit = u64::from(query.limit);
        let (total, rids) = match search.and_then(SearchQuery::parse) {
            None => {
                let total = order.len() as u64;
                let start = offset.min(total) as usize;
                let end = offset.saturating_add(limit).min(total) as usize;
                (total, order[start..end].to_vec())
            }
            Some(words) => self
                .search
                .borrow_mut()
                .page(&self.conn, &words, &order, offset, limit)?,
        };
        let mut rooms = Vec::with_capacity(rids.len());
        for rid in rids {
            if let Some(room) = local_by_rid(&self.conn, rid)? {
                rooms.push(room);
            }
        }
        snapshot.commit()?;
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
