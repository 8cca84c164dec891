//! Rooms: list, get, create, update, from the remote API or the local workspace.

use crate::error::to_payload;
use crate::state::AppState;
use roomdesk_core::{ErrorPayload, RoomPage, RoomView, Source};
use roomdesk_model::{ListQuery, Lookup, LookupKind, NewRoom, RoomPatch, Status};
use tauri::State;

type Answer<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub async fn list_rooms(
    state: State<'_, AppState>,
    source: Source,
    query: Option<ListQuery>,
    search: Option<String>,
) -> Answer<RoomPage> {
    state
        .service()
        .map_err(to_payload)?
        .list(source, query.unwrap_or_default(), search)
        .await
        .map_err(to_payload)
}

#[tauri::command]
pub async fn get_room(state: State<'_, AppState>, source: Source, id: String) -> Answer<RoomView> {
    state
        .service()
        .map_err(to_payload)?
        .get(source, &id)
        .await
        .map_err(to_payload)
}

#[tauri::command]
pub async fn create_room(
    state: State<'_, AppState>,
    source: Source,
    body: NewRoom,
) -> Answer<RoomView> {
    state
        .service()
        .map_err(to_payload)?
        .create(source, body)
        .await
        .map_err(to_payload)
}

#[tauri::command]
pub async fn update_room(
    state: State<'_, AppState>,
    source: Source,
    id: String,
    patch: RoomPatch,
) -> Answer<RoomView> {
    state
        .service()
        .map_err(to_payload)?
        .update(source, &id, patch)
        .await
        .map_err(to_payload)
}

#[tauri::command]
pub async fn statuses(state: State<'_, AppState>) -> Answer<Vec<Status>> {
    state
        .service()
        .map_err(to_payload)?
        .statuses()
        .await
        .map_err(to_payload)
}

/// `null` when the server has no such lookup (404).
#[tauri::command]
pub async fn lookup(state: State<'_, AppState>, kind: LookupKind) -> Answer<Option<Vec<Lookup>>> {
    state
        .service()
        .map_err(to_payload)?
        .lookup(kind)
        .await
        .map_err(to_payload)
}
