//! The Flowla API v2 routes. Key checks and faults happen before these, in `server.rs`.

mod body;
mod lookups;
mod query;
pub(crate) mod rooms;

use crate::app::App;
use crate::error::ApiError;
use axum::http::{Method, Uri};
use axum::routing::get;
use axum::Router;
use std::sync::Arc;

/// Marker a handler puts in its response's extensions: the server closes the connection
/// instead of sending the response (commit-then-drop).
#[derive(Debug, Clone, Copy)]
pub(crate) struct DropConnection;

pub(crate) fn api_router(app: Arc<App>) -> Router {
    Router::new()
        .route("/api/v2/rooms", get(rooms::list).post(rooms::create))
        .route("/api/v2/rooms/{id}", get(rooms::get).patch(rooms::update))
        .route("/api/v2/statuses", get(lookups::statuses))
        .route("/api/v2/companies", get(lookups::companies))
        .route("/api/v2/labels", get(lookups::labels))
        .route("/api/v2/users", get(lookups::users))
        .route("/api/v2/templates", get(lookups::templates))
        .fallback(no_route)
        .method_not_allowed_fallback(no_route)
        .with_state(app)
}

/// NestJS answers unknown routes and methods with a `404` naming them.
pub(crate) async fn no_route(method: Method, uri: Uri) -> ApiError {
    ApiError::not_found(format!("Cannot {method} {}", uri.path()))
}
