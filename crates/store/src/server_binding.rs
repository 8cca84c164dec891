//! The server a workspace belongs to. A brand-new store adopts the first server it is
//! opened for; after that the binding never changes, and the core refuses to send this
//! store's drafts and edits to, or cache rooms from, any other server.

use crate::error::Result;
use crate::Store;
use rusqlite::{params, OptionalExtension};

/// What [`Store::bind_server`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerBinding {
    /// The store had no server yet and now belongs to the one asked for.
    Adopted,
    /// The store already belongs to the server asked for.
    Same,
    /// The store belongs to another server (named here): nothing was changed.
    Other(String),
}

impl Store {
    /// The server this store belongs to, if it has adopted one yet.
    pub fn bound_server(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT server FROM server_binding WHERE id = 1")?
            .query_row([], |r| r.get(0))
            .optional()?)
    }

    /// Binds the store to `server` unless it already belongs to one. One statement
    /// adopts, so two openers racing on a new store agree on a single server.
    pub fn bind_server(&self, server: &str) -> Result<ServerBinding> {
        let inserted = self
            .conn
            .prepare_cached(
                "INSERT INTO server_binding (id, server, bound_at) VALUES (1, ?1, ?2)
                 ON CONFLICT (id) DO NOTHING",
            )?
            .execute(params![server, roomdesk_model::now_timestamp()])?;
        if inserted == 1 {
            return Ok(ServerBinding::Adopted);
        }
        Ok(match self.bound_server()? {
            Some(bound) if bound == server => ServerBinding::Same,
            Some(bound) => ServerBinding::Other(bound),
            // The row cannot vanish between the two statements on one connection.
            None => ServerBinding::Adopted,
        })
    }
}
