//! The local workspace: sync (progress on a channel), the outbox, conflicts.

use crate::error::to_payload;
use crate::state::AppState;
use roomdesk_core::{Conflict, ErrorPayload, OutboxEntry, Resolution, SyncProgress, SyncReport};
use roomdesk_model::RoomField;
use tauri::ipc::Channel;
use tauri::State;

type Answer<T> = Result<T, ErrorPayload>;

/// Pushes the outbox, then pulls; every progress step is sent on `on_progress`.
#[tauri::command]
pub async fn sync(
    state: State<'_, AppState>,
    on_progress: Channel<SyncProgress>,
) -> Answer<SyncReport> {
    let report = |p: SyncProgress| {
        on_progress
            .send(p)
            .unwrap_or_else(|e| tracing::debug!("sync progress not delivered: {e}"))
    };
    state
        .service()
        .map_err(to_payload)?
        .sync(&report)
        .await
        .map_err(to_payload)
}

#[tauri::command]
pub async fn outbox(state: State<'_, AppState>) -> Answer<Vec<OutboxEntry>> {
    state
        .service()
        .map_err(to_payload)?
        .outbox()
        .map_err(to_payload)
}

#[tauri::command]
pub async fn conflicts(state: State<'_, AppState>) -> Answer<Vec<Conflict>> {
    state
        .service()
        .map_err(to_payload)?
        .conflicts()
        .map_err(to_payload)
}

#[tauri::command]
pub async fn resolve_conflict(
    state: State<'_, AppState>,
    room_id: String,
    field: RoomField,
    choice: Resolution,
) -> Answer<()> {
    state
        .service()
        .map_err(to_payload)?
        .resolve(&room_id, field, choice)
        .map_err(to_payload)
}

/// Drops a local draft that was never sent (and its outbox entry).
#[tauri::command]
pub async fn discard_draft(state: State<'_, AppState>, id: String) -> Answer<()> {
    state
        .service()
        .map_err(to_payload)?
        .discard_draft(&id)
        .map_err(to_payload)
}
