//! The store's one error type. Messages say what happened and, where it helps, what to do.

use roomdesk_model::{RoomField, ValidationErrors};
use std::path::PathBuf;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not create the data directory {path}: {source}")]
    CreateDataDir {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{path} is not a Roomdesk database (corrupt or another kind of file); it was left untouched: move it away to start afresh ({detail})")]
    NotADatabase { path: PathBuf, detail: String },

    #[error("database at {path} was created by a newer Roomdesk (schema {found}, this build knows {known}); it was left untouched: update Roomdesk")]
    SchemaTooNew {
        path: PathBuf,
        found: u32,
        known: u32,
    },

    #[error("could not open the database at {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },

    #[error("the database at {path} cannot use write-ahead logging (journal mode stays {mode}); is it on a network drive?")]
    NoWal { path: PathBuf, mode: String },

    #[error("upgrading the database to schema {version} ({name}) failed: {source}")]
    Migration {
        version: u32,
        name: &'static str,
        source: rusqlite::Error,
    },

    #[error("room {0} not found")]
    RoomNotFound(String),

    #[error("outbox entry {0} not found (it may have been completed already)")]
    OutboxEntryNotFound(i64),

    #[error("room {room_id} has no conflict on {field}")]
    ConflictNotFound { room_id: String, field: RoomField },

    #[error("{0}")]
    Invalid(#[from] ValidationErrors),

    /// The operation does not fit the current state (e.g. discarding a draft that may
    /// already exist on the server).
    #[error("{0}")]
    InvalidState(String),

    #[error("stored {what} is unreadable: {detail}")]
    Unreadable { what: String, detail: String },

    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// A stable, machine-readable code for the UI and the CLI.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::CreateDataDir { .. } => "data_dir",
            StoreError::NotADatabase { .. } => "not_a_database",
            StoreError::SchemaTooNew { .. } => "schema_too_new",
            StoreError::Open { .. } | StoreError::NoWal { .. } => "database_open",
            StoreError::Migration { .. } => "migration_failed",
            StoreError::RoomNotFound(_) => "not_found",
            StoreError::OutboxEntryNotFound(_) => "outbox_entry_not_found",
            StoreError::ConflictNotFound { .. } => "conflict_not_found",
            StoreError::Invalid(_) => "validation",
            StoreError::InvalidState(_) => "invalid_state",
            StoreError::Unreadable { .. } => "unreadable_data",
            StoreError::Sqlite(_) => "database",
        }
    }

    /// Whether trying again later may succeed (the database was busy).
    pub fn retryable(&self) -> bool {
        matches!(
            self,
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
                if matches!(e.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    }

    /// The field a validation error is about (the first one).
    pub fn field(&self) -> Option<String> {
        match self {
            StoreError::Invalid(v) => v.errors.first().map(|e| e.field.clone()),
            StoreError::ConflictNotFound { field, .. } => Some(field.name().to_string()),
            _ => None,
        }
    }
}

/// Stored JSON that does not parse back.
pub(crate) fn unreadable(what: impl Into<String>, e: impl std::fmt::Display) -> StoreError {
    StoreError::Unreadable {
        what: what.into(),
        detail: e.to_string(),
    }
}
