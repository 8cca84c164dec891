//! Roomdesk as a library: the rooms service that answers from the Flowla API (writing
//! through to the local cache) or from the cache itself (offline drafts and pending
//! edits), the outbox, conflicts, and sync. No Tauri here, ever: the desktop shell and the
//! `roomdesk` CLI are thin layers over [`RoomsService`].
//!
//! # API
//! - Workspaces (`workspace.rs`, `connection.rs`): [`DataDir::resolve`] finds the data dir
//!   the app and the CLI share; [`Connection::sandbox`] / [`Connection::api`] name the
//!   server; [`Connection::open`] opens its workspace (`<data dir>/workspaces/<server>/`),
//!   moving an older layout's database in, bound to that server: a store bound to another
//!   server refuses every API call with `WrongServer`.
//! - [`RoomsService::open`]`(ServiceOptions { data_dir, remote, server })`,
//!   [`RoomsService::set_remote`].
//! - `list/get/create/update(Source, ...)`: [`Source::Remote`] calls the API and caches the
//!   answer; [`Source::Local`] answers from the cache (same order and paging as the
//!   contract, plus full-text `search`), creates drafts and records pending edits.
//! - [`RoomsService::sync`]: push the outbox (creates, then edits), pull every room.
//! - [`RoomsService::outbox`], [`RoomsService::conflicts`], [`RoomsService::resolve`],
//!   [`RoomsService::discard_local_changes`].
//! - A create that may have made one of several look-alike rooms (its outbox entry lists
//!   them): [`RoomsService::adopt_room`] or [`RoomsService::create_again`].
//! - [`RoomsService::reset_local_cache`]`(drop_unsynced)`: empties the cache of server
//!   rooms; drafts, pending edits and conflicts go only with `drop_unsynced`; `busy`
//!   while a sync runs.
//! - [`validate_room_input`]: the problems a create or an update would be refused for.
//! - [`RoomsService::org_color`] / [`RoomsService::set_org_color`],
//!   [`RoomsService::company_color`] / [`RoomsService::set_company_color`]: colors kept on
//!   this computer for the designer's preview (never sent).
//! - Brand palettes: [`RoomsService::palettes`], [`RoomsService::create_palette`],
//!   [`RoomsService::rename_palette`], [`RoomsService::delete_palette`]; [`palette_patch`]
//!   is the room edit one makes.
//! - Bulk re-brand (design fields only, up to [`BULK_MAX_ROOMS`] rooms):
//!   [`RoomsService::save_pending_edits`] (one transaction), [`RoomsService::apply_now`]
//!   (saves, then sends with progress and a result per room),
//!   [`RoomsService::send_pending_edits`] (sends again, e.g. the ones that failed).
//! - [`RoomsService::statuses`], [`RoomsService::lookup`] (remembered for offline use).
//! - Errors: [`CoreError`] (`code()`, `retryable()`, `field()`), [`ErrorPayload`] for the UI.

mod brand_colors;
mod bulk;
mod conflicts;
mod connection;
mod error;
mod error_code;
mod palettes;
mod remote;
mod service;
mod store_access;
mod sync;
mod uncertain;
mod validation;
mod views;
mod workspace;

pub use brand_colors::{COMPANY_COLOR_FIELD, ORG_COLOR_FIELD};
pub use bulk::{BulkProgress, BulkRoomResult, BulkSaved, BulkStatus, BULK_MAX_ROOMS};
pub use conflicts::{compare, Comparison, FieldConflict};
pub use connection::{Connection, Server, SANDBOX_SERVER_ID};
pub use error::{CoreError, ErrorPayload, Result};
pub use error_code::ErrorCode;
pub use palettes::{palette_patch, PALETTE_NAME_FIELD, PALETTE_NAME_MAX};
pub use roomdesk_store::{
    CacheCleared, Conflict, LocalState, OutboxEntry, OutboxKind, OutboxOp, OutboxState, Palette,
    Resolution,
};
pub use service::RoomsService;
pub use validation::validate_room_input;
pub use views::{
    FailedChange, MergedField, PushedChange, RoomChange, RoomPage, RoomView, ServiceOptions,
    Source, SyncPhase, SyncProgress, SyncReport,
};
pub use workspace::{workspace_name, DataDir, APP_IDENTIFIER, DATA_DIR_ENV, WORKSPACES_DIR};
