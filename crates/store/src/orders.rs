//! Listing orders kept in memory: for each (sort field, direction) asked for, the row ids
//! of every room in the contract order (key ascending or descending with `null` as the
//! smallest value, ties by id ascending). Any page, however deep, is then a slice, and
//! the total is its length.
//!
//! The sort keys of every room are read once, in id order, from one narrow covering
//! index (`rooms_sort_keys_by_id`); each order is then a stable sort on the key alone
//! (ties keep their id order), done in memory when first asked for. Everything is dropped when rooms may have changed: on
//! every write of this store that can change sort keys or which rooms exist (a generation
//! counter), and when another connection committed (`PRAGMA data_version`).

use crate::error::Result;
use crate::open::data_version;
use roomdesk_model::{SortDirection, SortField};
use rusqlite::Connection;
use std::collections::HashMap;
use std::sync::Arc;

/// One room's sort keys, in `SortField::ALL` order.
struct Keys {
    rid: i64,
    keys: [Option<i64>; 4],
}

#[derive(Default)]
pub(crate) struct OrderCache {
    stamp: Option<(i64, u64)>,
    /// Every room, in id order.
    keys: Option<Vec<Keys>>,
    orders: HashMap<(SortField, SortDirection), Arc<Vec<i64>>>,
}

fn field_slot(field: SortField) -> usize {
    match field {
        SortField::CreatedAt => 0,
        SortField::UpdatedAt => 1,
        SortField::TotalEngagements => 2,
        SortField::LastEngagedAt => 3,
    }
}

fn read_keys(conn: &Connection) -> Result<Vec<Keys>> {
    let mut stmt = conn.prepare_cached(
        "SELECT rid, created_ms, updated_ms, engagements, last_engaged_ms
         FROM rooms INDEXED BY rooms_sort_keys_by_id ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Keys {
            rid: r.get(0)?,
            keys: [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?],
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `keys` is in id order; a stable sort on the key (`None` smallest) keeps ties by id.
fn build(keys: &[Keys], field: SortField, direction: SortDirection) -> Vec<i64> {
    let slot = field_slot(field);
    let mut pairs: Vec<(Option<i64>, i64)> = keys.iter().map(|k| (k.keys[slot], k.rid)).collect();
    match direction {
        SortDirection::Asc => pairs.sort_by_key(|p| p.0),
        SortDirection::Desc => pairs.sort_by_key(|p| std::cmp::Reverse(p.0)),
    }
    pairs.into_iter().map(|(_, rid)| rid).collect()
}

impl OrderCache {
    /// The order, from memory when nothing changed since it was built.
    pub fn get(
        &mut self,
        conn: &Connection,
        generation: u64,
        field: SortField,
        direction: SortDirection,
    ) -> Result<Arc<Vec<i64>>> {
        let stamp = (data_version(conn)?, generation);
        if self.stamp != Some(stamp) {
            self.orders.clear();
            self.keys = None;
            self.stamp = Some(stamp);
        }
        if let Some(order) = self.orders.get(&(field, direction)) {
            return Ok(order.clone());
        }
        let keys = match self.keys.take() {
            Some(k) => k,
            None => read_keys(conn)?,
        };
        let order = Arc::new(build(&keys, field, direction));
        self.keys = Some(keys);
        self.orders.insert((field, direction), order.clone());
        Ok(order)
    }
}
