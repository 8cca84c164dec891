//! Settings: which connection, the Flowla API key (keyring only), test, about.

use crate::connection::{ConnectionInfo, ConnectionKind, ConnectionTest};
use crate::error::to_payload;
use crate::state::{AppInfo, AppState};
use roomdesk_core::ErrorPayload;
use tauri::State;

type Answer<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub async fn get_connection(state: State<'_, AppState>) -> Answer<ConnectionInfo> {
    state.connection_info().map_err(to_payload)
}

/// `baseUrl` is required for Flowla the first time, optional afterwards.
#[tauri::command]
pub async fn set_connection(
    state: State<'_, AppState>,
    kind: ConnectionKind,
    base_url: Option<String>,
) -> Answer<ConnectionInfo> {
    state.set_connection(kind, base_url).map_err(to_payload)
}

/// Stores the key in the keyring; the answer shows only its last 4 characters.
#[tauri::command]
pub async fn set_api_key(state: State<'_, AppState>, key: String) -> Answer<ConnectionInfo> {
    state.set_api_key(&key).map_err(to_payload)
}

#[tauri::command]
pub async fn remove_api_key(state: State<'_, AppState>) -> Answer<ConnectionInfo> {
    state.remove_api_key().map_err(to_payload)
}

#[tauri::command]
pub async fn test_connection(state: State<'_, AppState>) -> Answer<ConnectionTest> {
    state.test_connection().await.map_err(to_payload)
}

#[tauri::command]
pub fn get_app_info(state: State<'_, AppState>) -> AppInfo {
    state.app_info()
}
