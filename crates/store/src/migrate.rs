//! Numbered SQL migrations embedded in the binary, applied in order by one runner inside a
//! transaction, the schema version tracked in `PRAGMA user_version`. A shipped migration
//! is never edited: changes go into a new numbered file.

use crate::error::{Result, StoreError};
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

pub(crate) struct Migration {
    pub version: u32,
    pub name: &'static str,
    pub sql: &'static str,
}

pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_initial",
        sql: include_str!("../migrations/0001_initial.sql"),
    },
    Migration {
        version: 2,
        name: "0002_listing_from_ascending_indexes",
        sql: include_str!("../migrations/0002_listing_from_ascending_indexes.sql"),
    },
    Migration {
        version: 3,
        name: "0003_one_sort_keys_index_and_bulk_search",
        sql: include_str!("../migrations/0003_one_sort_keys_index_and_bulk_search.sql"),
    },
    Migration {
        version: 4,
        name: "0004_sort_keys_index_in_id_order",
        sql: include_str!("../migrations/0004_sort_keys_index_in_id_order.sql"),
    },
    Migration {
        version: 5,
        name: "0005_search_index_written_by_the_store",
        sql: include_str!("../migrations/0005_search_index_written_by_the_store.sql"),
    },
    Migration {
        version: 6,
        name: "0006_search_index_in_memory",
        sql: include_str!("../migrations/0006_search_index_in_memory.sql"),
    },
    Migration {
        version: 7,
        name: "0007_uncertain_create_evidence",
        sql: include_str!("../migrations/0007_uncertain_create_evidence.sql"),
    },
    Migration {
        version: 8,
        name: "0008_brand_colors",
        sql: include_str!("../migrations/0008_brand_colors.sql"),
    },
    Migration {
        version: 9,
        name: "0009_server_binding",
        sql: include_str!("../migrations/0009_server_binding.sql"),
    },
    Migration {
        version: 10,
        name: "0010_brand_palettes",
        sql: include_str!("../migrations/0010_brand_palettes.sql"),
    },
];

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The version of the migration named `name` without its number (`"brand_palettes"` for
/// `0010_brand_palettes`): for tests that rebuild the schema as it was before it.
pub fn migration_version(name: &str) -> Option<u32> {
    MIGRATIONS
        .iter()
        .find(|m| m.name.split_once('_').map(|(_, n)| n) == Some(name))
        .map(|m| m.version)
}

/// The schema version recorded in the database.
pub fn schema_version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the database to [`SCHEMA_VERSION`]. Returns the version it started from.
/// Concurrent openers serialise on the write lock; the one that comes second finds
/// nothing left to do.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<u32> {
    let before = schema_version(conn)?;
    if before == SCHEMA_VERSION {
        return Ok(before);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = schema_version(&tx)?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            path: path.to_path_buf(),
            found: current,
            known: SCHEMA_VERSION,
        });
    }
    for m in MIGRATIONS.iter().filter(|m| m.version > current) {
        let failed = |source| StoreError::Migration {
            version: m.version,
            name: m.name,
            source,
        };
        tx.execute_batch(m.sql).map_err(failed)?;
        tx.pragma_update(None, "user_version", m.version)
            .map_err(failed)?;
    }
    tx.commit()?;
    Ok(before)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_in_order_and_named_after_their_file() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1);
            assert!(m.name.starts_with(&format!("{:04}_", m.version)));
        }
    }

    #[test]
    fn a_database_at_schema_1_with_rooms_is_upgraded_keeping_them_searchable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let mut conn = crate::open_connection(&path).unwrap();
        conn.execute_batch(MIGRATIONS[0].sql).unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO rooms (id, server_json, created_ms, title)
             VALUES ('rm_1', '{\"id\":\"rm_1\",\"title\":\"Acme onboarding\"}', 5, 'Acme onboarding');",
        )
        .unwrap();
        assert_eq!(migrate(&mut conn, &path).unwrap(), 1);
        assert_eq!(schema_version(&conn).unwrap(), SCHEMA_VERSION);
        // Running it again is a no-op.
        assert_eq!(migrate(&mut conn, &path).unwrap(), SCHEMA_VERSION);
        drop(conn);
        let store = crate::Store::open_file(&path).unwrap();
        let query = roomdesk_model::ListQuery::default();
        let (rooms, total) = store.list_rooms(&query, Some("onboard")).unwrap();
        assert_eq!(total, 1);
        assert_eq!(rooms[0].room.id, "rm_1");
    }
}
