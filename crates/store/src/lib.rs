//! Roomdesk's local store: a SQLite file holding the cache of remote rooms, local drafts,
//! the outbox of local changes, conflicts and sync state. Synchronous (rusqlite); the core
//! keeps one writer `Store` behind a mutex and reader `Store`s beside it, and calls them
//! from `spawn_blocking`.
//!
//! # API
//! Opening (one function opens every connection: [`open_connection`]):
//! - [`database_path`]`(dir)`; which dir is the core's business (its `workspace` module).
//! - [`Store::open`]`(dir)` creates the dir, opens `roomdesk.db`, migrates to head.
//!   [`Store::open_file`]`(path)`. Refuses a corrupt file
//!   ([`StoreError::NotADatabase`]) or a newer schema ([`StoreError::SchemaTooNew`]),
//!   leaving the file untouched.
//! - [`Store::open_reader`]`(path)`: a reader beside that writer ([`Access::ReadOnly`],
//!   `query_only`), with its own listing orders and search index. In WAL mode it answers
//!   from the last commit while the writer works, without waiting for it.
//!
//! Cache of remote rooms:
//! - [`Store::upsert_rooms`]`(&[Room]) -> UpsertReport`: one transaction; rooms with
//!   outbox entries keep their local view (base + pending edits).
//! - [`Store::upsert_listing`]`(&[Room])`: a full pull; returns the cached rooms it did not
//!   list, which sync asks the server for; [`Store::remove_gone_rooms`] removes those
//!   that answered 404. Sync writes its listing in batches ([`Store::upsert_rooms`] per
//!   batch) and then asks [`Store::unlisted_rooms`]`(listed ids)` for the same candidates. [`Store::replace_all_rooms`] removes unlisted rooms at once (only
//!   for a listing known to be complete; never drafts, never rooms with outbox entries).
//! - Transactions that record a send commit with `synchronous = FULL` (`Store::durable`).
//! - [`Store::get_room`]`(id) -> LocalRoom` (`RoomNotFound`), [`Store::find_room`] → Option,
//!   [`Store::server_room`]`(id)` (the last server version, no local changes),
//!   [`Store::room_count`].
//!
//! Listing and search:
//! - [`Store::list_rooms`]`(&ListQuery, search: Option<&str>) -> (Vec<LocalRoom>, total)`
//!   in exactly the contract order (`roomdesk_model::compare_rooms`), drafts included.
//!   `search` is full-text over title, cover title and description (words AND-ed, last
//!   word as a prefix, diacritics ignored); any input is safe.
//!
//! Drafts and the outbox (every change and its outbox row in ONE transaction):
//! - [`Store::create_draft`]`(&NewRoom) -> LocalRoom` (id `draft-<uuid>`), validated.
//! - [`Store::record_patch`]`(room_id, &RoomPatch) -> LocalRoom`, validated. Edits coalesce
//!   per field into the room's one patch entry (its base stays the version first seen).
//!   An edit to a draft folds into its create body, unless that create is `uncertain`
//!   (may be on the server): then it becomes a patch entry on the draft id, re-pointed to
//!   the server id by `complete_create`.
//! - [`Store::discard_draft`]`(id)`: only a draft whose create was never (maybe) sent.
//! - [`Store::outbox`]`() -> Vec<OutboxEntry>` in seq order; [`Store::outbox_entry`]`(seq)`.
//! - [`Store::mark_uncertain`]`(seq, sent_at_ms, seen_before)`: call BEFORE sending a
//!   create, so a crash mid-request leaves "maybe created, look for it" rather than a blind
//!   resend; `seen_before` (server rooms known before the send) is never taken for its room.
//! - [`Store::record_candidates`]`(seq, rooms)`: several rooms could be its room; then the
//!   user decides: [`Store::adopt_create`]`(seq, room, patch)` or [`Store::create_again`]`(seq)`.
//! - [`Store::record_failure`]`(seq, error, not_sent)`: attempts += 1, last_error; with
//!   `not_sent = true` an uncertain create goes back to pending (the server surely did
//!   nothing), and edits made to the draft meanwhile fold back into its body (the newest
//!   value wins; no older edit is left to be sent after it). Nothing is removed.
//! - [`Store::complete_create`]`(seq, &server_room) -> LocalRoom`: the draft becomes the
//!   server room everywhere (later patches, conflicts, `duplicateFromId` of other drafts,
//!   written fields), the entry is removed, write-only fields remembered. One transaction.
//! - [`Store::complete_patch`]`(seq, &sent_patch, &server_room) -> LocalRoom`: removes the
//!   fields that were sent (edits made meanwhile stay pending, base = server room).
//!
//! Conflicts:
//! - [`Store::put_conflicts`]`(room_id, &server_room, &[NewConflict])` replaces the room's
//!   conflicts and refreshes its server version (the view stays server + pending edits).
//! - [`Store::conflicts`]`() -> Vec<Conflict>`, [`Store::resolve_conflict`]`(room_id, field,
//!   Resolution)`: `KeepMine` keeps the field pending (its base becomes theirs, so it does
//!   not conflict again); `TakeTheirs` drops the field from the patch.
//!
//! Reset: [`Store::clear_cache`]`(drop_unsynced) -> CacheCleared` removes every cached
//! server room; drafts, rooms with outbox entries or conflicts stay unless `drop_unsynced`
//! (then the outbox and conflicts go too). One transaction.
//!
//! Sync state: [`Store::sync_state`]`(key)`, [`Store::set_sync_state`]`(key, value)`,
//! [`Store::clear_sync_state`]`(key)`.
//!
//! The server the workspace belongs to: [`Store::bound_server`], [`Store::bind_server`]`(id)
//! -> ServerBinding` (a new store adopts the first; another one is reported, never taken).
//! [`fold_wal`]`(path)` empties the write-ahead log into the file before the file is moved.
//!
//! Brand colors (local only, for the designer's preview): [`Store::org_color`],
//! [`Store::set_org_color`]`(Option<&HexColor>)`, [`Store::company_color`]`(company_id)`,
//! [`Store::set_company_color`]`(company_id, Option<&HexColor>)`.
//!
//! Brand palettes (migration 0010, seeded with a few starting ones): [`Store::palettes`],
//! [`Store::palette`]`(name)`, [`Store::insert_palette`], [`Store::rename_palette`],
//! [`Store::delete_palette`] → [`PaletteWrite`] (names unique ignoring case).
//!
//! Bulk edits: [`Store::record_patches`]`(ids, &RoomPatch)` records the same edit on many
//! rooms in ONE transaction (as [`Store::record_patch`] would one by one); answers the
//! ids it did not find.
//!
//! Errors: [`StoreError`] (`code()`, `retryable()`, `field()`), [`Result`].
//!
//! # How it is fast
//! - Listing: the contract order of every (field, direction) asked for is kept in memory
//!   as row ids (`orders.rs`), sorted from one narrow covering index read in id order; a
//!   page at any depth is a slice plus ≤ 100 row reads. Writes that can change sort keys
//!   or membership drop it (a generation counter); so do other connections' commits
//!   (`PRAGMA data_version`). Edits (titles, colors, outbox bookkeeping) keep it.
//! - Search: a term index in memory (`search.rs`: each folded word with the ascending row
//!   ids holding it) gives the matches as a bitmap, and the in-memory order is walked from
//!   its nearer end. It is read from `rooms` at the first search; the connection's update
//!   hook tells it which rows this store changed, re-read at the next search; another
//!   connection's commit or a write of thousands of rows has it read everything again.
//! - Pulls: one transaction per call (sync makes one call per 500 rooms, so the writer
//!   is free between batches), rows written in id order (both indexes of `rooms` lead with
//!   the id, so they grow at the end); plain statements, no per-row trigger or RETURNING
//!   (either makes SQLite keep a statement journal per row); no search index to write;
//!   unchanged rooms are compared and skipped. A write of ≥ 1000
//!   rooms leaves the WAL checkpoint to a background connection (`checkpoint.rs`);
//!   [`Store::wait_for_checkpoint`] waits for it, dropping the store does too.
//! - Figures: `cargo bench -p roomdesk-store --bench store`.
//!
//! # Schema
//! `migrations/000N_*.sql`, applied in order by `migrate.rs`, version in `user_version`:
//! `rooms` (cached rooms and drafts: server JSON, local view JSON, sort keys, search
//! text), `room_written`, `outbox`, `conflicts`, `sync_state`, `app_settings` (the org
//! brand color), `company_colors`, `server_binding` (one row: the server's identity),
//! `brand_palettes`.

mod brand_colors;
mod cache_reset;
mod checkpoint;
mod conflicts;
mod drafts;
mod error;
mod listing;
mod local_room;
mod migrate;
mod open;
mod orders;
mod outbox;
mod palettes;
mod patches;
mod remote_writes;
mod rooms;
mod search;
mod server_binding;
mod sync_state;
mod view;

pub use cache_reset::CacheCleared;
pub use conflicts::{Conflict, NewConflict, Resolution};
pub use drafts::DRAFT_ID_PREFIX;
pub use error::{Result, StoreError};
pub use local_room::{LocalRoom, LocalState};
pub use migrate::{migration_version, schema_version, SCHEMA_VERSION};
pub use open::{
    database_path, ensure_data_dir, fold_wal, open_connection, open_connection_as, Access,
    BUSY_TIMEOUT, DB_FILE_NAME,
};
pub use outbox::{OutboxEntry, OutboxKind, OutboxOp, OutboxState};
pub use palettes::{Palette, PaletteWrite};
pub use rooms::UpsertReport;
pub use server_binding::ServerBinding;

use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};

/// See [`Store::durable`]; back to `synchronous = NORMAL` (cache writes) when dropped.
pub(crate) struct Durable<'a>(&'a Connection);

impl Drop for Durable<'_> {
    fn drop(&mut self) {
        // Failing to relax only leaves later commits more durable than they need be.
        let _ = self.0.execute_batch("PRAGMA synchronous = NORMAL");
    }
}

/// The local store: one connection to one database file (the writer, or a reader:
/// [`Store::open_reader`]).
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Listing orders in memory (see `orders`).
    orders: RefCell<orders::OrderCache>,
    /// Bumped by every write that can change sort keys or which rooms exist.
    generation: Cell<u64>,
    /// The full-text search index in memory (see `search`).
    search: RefCell<search::SearchIndex>,
    /// The checkpoint a bulk write left running (see `checkpoint`).
    checkpointer: RefCell<Option<std::thread::JoinHandle<()>>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (creating when missing) `roomdesk.db` in `data_dir`, migrated to the head schema.
    pub fn open(data_dir: &Path) -> Result<Store> {
        ensure_data_dir(data_dir)?;
        Store::open_file(&database_path(data_dir))
    }

    /// Opens a database file, migrated to the head schema.
    pub fn open_file(path: &Path) -> Result<Store> {
        let mut conn = open_connection(path)?;
        migrate::migrate(&mut conn, path)?;
        let changed_rows = search::watch_rooms(&conn);
        Ok(Store::with_connection(conn, path, changed_rows))
    }

    /// A reader on a database file another [`Store`] opened (and migrated): a connection
    /// of its own ([`Access::ReadOnly`]) with its own listing orders and search index. In
    /// WAL mode it answers from the last committed state while the writer works, without
    /// waiting for it, and sees each commit at its next call. Every write through it fails.
    pub fn open_reader(path: &Path) -> Result<Store> {
        let conn = open_connection_as(path, Access::ReadOnly)?;
        let found = schema_version(&conn)?;
        if found != SCHEMA_VERSION {
            return Err(error::unreadable(
                format!("database {}", path.display()),
                format!("a reader needs schema version {SCHEMA_VERSION} (migrated by the writer), found {found}"),
            ));
        }
        // Nothing is written here: the search index learns of other connections' commits
        // from `PRAGMA data_version`, so no update hook is needed.
        let changed_rows = std::sync::Arc::default();
        Ok(Store::with_connection(conn, path, changed_rows))
    }

    fn with_connection(
        conn: Connection,
        path: &Path,
        changed_rows: std::sync::Arc<std::sync::Mutex<search::ChangedRows>>,
    ) -> Store {
        Store {
            conn,
            path: path.to_path_buf(),
            orders: RefCell::new(orders::OrderCache::default()),
            generation: Cell::new(0),
            search: RefCell::new(search::SearchIndex::new(changed_rows)),
            checkpointer: RefCell::new(None),
        }
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        schema_version(&self.conn)
    }

    /// A write transaction that takes the write lock up front (no lock upgrades that
    /// could fail while another process writes). It may change sort keys or which rooms
    /// exist, so the listing orders in memory are dropped.
    pub(crate) fn write_tx(&self) -> Result<Transaction<'_>> {
        self.generation.set(self.generation.get().wrapping_add(1));
        self.write_tx_keeping_order()
    }

    /// Makes this connection's commits durable (`synchronous = FULL`: the WAL is synced
    /// at every commit) until the guard is dropped. For transactions that record that
    /// something was sent to the server (or that the server confirmed it): a power loss
    /// must not roll them back after the request went out. Take it before the
    /// transaction, so it outlives the commit.
    pub(crate) fn durable(&self) -> Result<Durable<'_>> {
        self.conn.execute_batch("PRAGMA synchronous = FULL")?;
        Ok(Durable(&self.conn))
    }

    /// A write transaction that changes no sort key and no room's existence (edits of
    /// titles, colors, ...; outbox bookkeeping): the listing orders stay valid.
    pub(crate) fn write_tx_keeping_order(&self) -> Result<Transaction<'_>> {
        Ok(Transaction::new_unchecked(
            &self.conn,
            TransactionBehavior::Immediate,
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synchronous(store: &Store) -> i64 {
        store
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn commits_that_record_a_send_are_full_and_others_normal() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(synchronous(&store), 1, "NORMAL for cache writes");
        {
            let _durable = store.durable().unwrap();
            assert_eq!(synchronous(&store), 2, "FULL while a send is recorded");
        }
        assert_eq!(synchronous(&store), 1);
        let draft = store
            .create_draft(&roomdesk_model::NewRoom::default())
            .unwrap();
        let seq = store.outbox().unwrap()[0].seq;
        store.mark_uncertain(seq, 1, &[]).unwrap();
        assert_eq!(synchronous(&store), 1, "relaxed again after the commit");
        assert_eq!(store.outbox().unwrap()[0].room_id, draft.room.id);
    }
}
