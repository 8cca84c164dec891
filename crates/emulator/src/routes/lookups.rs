//! `GET /api/v2/statuses`, `companies`, `labels`, `users`, `templates`: bare arrays.

use crate::catalog;
use axum::Json;
use serde_json::Value;

pub(crate) async fn statuses() -> Json<Value> {
    Json(catalog::statuses_json())
}

pub(crate) async fn companies() -> Json<Value> {
    Json(catalog::companies_json())
}

pub(crate) async fn labels() -> Json<Value> {
    Json(catalog::labels_json())
}

pub(crate) async fn users() -> Json<Value> {
    Json(catalog::users_json())
}

pub(crate) async fn templates() -> Json<Value> {
    Json(catalog::templates_json())
}
