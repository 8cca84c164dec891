//! Listing orders kept in memory: for each (sort field, direction) asked for, the row ids
//! of every room in the contract order. Any page, however deep, is then a slice, and the
//! total is its length.
//!
//! An order is built with one walk of the field's ascending index `(key, id)`: that walk
//! is the ASC order (NULLs first, ties by id). DESC (NULLs last, ties still by id ASC) is
//! its reverse with every run of equal keys turned back around.
//!
//! Orders are dropped when the rooms may have changed: on every write of this store that
//! can change sort keys or membership (a generation counter), and when another connection
//! committed (`PRAGMA data_version`).

use crate::error::Result;
use roomdesk_model::{SortDirection, SortField};
use rusqlite::Connection;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Default)]
pub(crate) struct OrderCache {
    stamp: Option<(i64, u64)>,
    orders: HashMap<(SortField, SortDirection), Arc<Vec<i64>>>,
}

/// The ascending index and key column of a field. Static: never from input.
fn index_of(field: SortField) -> (&'static str, &'static str) {
    match field {
        SortField::CreatedAt => ("rooms_created_asc", "created_ms"),
        SortField::UpdatedAt => ("rooms_updated_asc", "updated_ms"),
        SortField::TotalEngagements => ("rooms_engaged_asc", "engagements"),
        SortField::LastEngagedAt => ("rooms_last_eng_asc", "last_engaged_ms"),
    }
}

fn build(conn: &Connection, field: SortField, direction: SortDirection) -> Result<Vec<i64>> {
    let (index, key) = index_of(field);
    let sql = format!("SELECT rid, {key} FROM rooms INDEXED BY {index} ORDER BY {key}, id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([])?;
    let mut rids = Vec::new();
    let mut keys: Vec<Option<i64>> = Vec::new();
    let desc = direction == SortDirection::Desc;
    while let Some(r) = rows.next()? {
        rids.push(r.get(0)?);
        if desc {
            keys.push(r.get(1)?);
        }
    }
    if desc {
        rids.reverse();
        keys.reverse();
        let mut start = 0;
        for end in 1..=rids.len() {
            if end == rids.len() || keys[end] != keys[start] {
                rids[start..end].reverse();
                start = end;
            }
        }
    }
    Ok(rids)
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
        let data_version: i64 = conn
            .prepare_cached("PRAGMA data_version")?
            .query_row([], |r| r.get(0))?;
        let stamp = (data_version, generation);
        if self.stamp != Some(stamp) {
            self.orders.clear();
            self.stamp = Some(stamp);
        }
        if let Some(order) = self.orders.get(&(field, direction)) {
            return Ok(order.clone());
        }
        let order = Arc::new(build(conn, field, direction)?);
        self.orders.insert((field, direction), order.clone());
        Ok(order)
    }
}
