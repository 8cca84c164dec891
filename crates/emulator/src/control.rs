//! The control API under `/__emulator/` (loopback peers only, no key, never faulted):
//! faults, stats, a snapshot of every room, and "another user" edits and deletions.

use crate::app::{lock, App};
use crate::config::Faults;
use crate::error::ApiError;
use crate::routes::no_route;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, patch};
use axum::{Json, Router};
use roomdesk_model::{Room, RoomPatch};
use std::sync::Arc;

pub(crate) fn control_router(app: Arc<App>) -> Router {
    Router::new()
        .route("/__emulator/faults", get(get_faults).put(put_faults))
        .route("/__emulator/stats", get(stats))
        .route("/__emulator/rooms", get(rooms))
        .route(
            "/__emulator/rooms/{id}",
            patch(update_room).delete(delete_room),
        )
        .fallback(no_route)
        .method_not_allowed_fallback(no_route)
        .with_state(app)
}

async fn get_faults(State(app): State<Arc<App>>) -> Json<Faults> {
    Json(app.faults())
}

async fn put_faults(
    State(app): State<Arc<App>>,
    body: Result<Json<Faults>, JsonRejection>,
) -> Result<Json<Faults>, ApiError> {
    let Json(faults) = body.map_err(|e| ApiError::bad_request(vec![e.body_text()]))?;
    faults
        .validate()
        .map_err(|m| ApiError::bad_request(vec![m]))?;
    app.set_faults(faults.clone());
    Ok(Json(faults))
}

async fn stats(State(app): State<Arc<App>>) -> Json<crate::EmulatorStats> {
    Json(app.counters.snapshot())
}

/// Every room, write-only fields included.
async fn rooms(State(app): State<Arc<App>>) -> Result<Json<Vec<Room>>, ApiError> {
    Ok(Json(lock(&app.db).all()?))
}

async fn update_room(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    body: Result<Json<RoomPatch>, JsonRejection>,
) -> Result<Json<Room>, ApiError> {
    let Json(patch) = body.map_err(|e| ApiError::bad_request(vec![e.body_text()]))?;
    let patch = patch.validate().map_err(|e| {
        ApiError::bad_request(
            e.errors
                .iter()
                .map(|f| format!("{} {}", f.field, f.message))
                .collect(),
        )
    })?;
    let room = app
        .apply_patch(&id, &patch)?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("Room {id} not found")))?;
    Ok(Json(room))
}

/// A deletion by "another user" (the public API has no delete).
async fn delete_room(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if !app.delete_room(&id)? {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("Room {id} not found"),
        ));
    }
    Ok(StatusCode::NO_CONTENT)
}
