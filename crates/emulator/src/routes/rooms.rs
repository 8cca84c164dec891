//! `POST/GET/PATCH /api/v2/rooms[/{id}]` and the listing.

use super::body::{parse_write_body, BodyKind};
use super::query::parse_list_query;
use super::DropConnection;
use crate::app::{lock, App, Counters};
use crate::catalog;
use crate::error::ApiError;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use roomdesk_model::{format_timestamp, write_only_fields, Engagements, NewRoom, Room, RoomPatch};
use serde_json::{json, Map, Value};
use std::sync::Arc;

type Shared = State<Arc<App>>;

/// The room as the API returns it: only the documented room-object fields (the fields the
/// catalogue marks write-only, such as `email` or `statusId`, are stored but never returned).
pub(crate) fn public(room: &Room) -> Room {
    let mut out = Room {
        extra: Map::new(),
        ..room.clone()
    };
    for field in write_only_fields() {
        out.clear(field);
    }
    out
}

pub(crate) async fn list(
    State(app): Shared,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(pairs) = query.map_err(|e| rejected(e.status(), e.body_text()))?;
    let q = parse_list_query(&pairs)?;
    let hidden = app.faults().hidden_from_listings;
    let (rooms, total) = lock(&app.db).page_hiding(&q, &hidden)?;
    let results: Vec<Room> = rooms.iter().map(public).collect();
    Ok(Json(json!({
        "results": results,
        "page": q.page,
        "limit": q.limit,
        "total": total,
    })))
}

pub(crate) async fn get(
    State(app): Shared,
    Path(id): Path<String>,
) -> Result<Json<Room>, ApiError> {
    lock(&app.db)
        .get(&id)?
        .map(|r| Json(public(&r)))
        .ok_or_else(|| room_not_found(&id))
}

/// Axum's own extractor failures, in the server's error shape.
fn rejected(status: StatusCode, text: String) -> ApiError {
    if status == StatusCode::BAD_REQUEST {
        ApiError::bad_request(vec![text])
    } else {
        ApiError::new(status, text)
    }
}

/// The raw body of a write (too large → `413`, in the server's error shape).
fn body_bytes(body: Result<Bytes, BytesRejection>) -> Result<Bytes, ApiError> {
    body.map_err(|e| rejected(e.status(), e.body_text()))
}

fn room_not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("Room {id} not found"))
}

fn check_status(status_id: Option<&str>) -> Result<(), ApiError> {
    match status_id {
        Some(s) if !catalog::status_exists(s) => Err(ApiError::bad_request(vec![format!(
            "statusId {s} does not exist (see GET /api/v2/statuses)"
        )])),
        _ => Ok(()),
    }
}

pub(crate) async fn update(
    State(app): Shared,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Room>, ApiError> {
    let Path(id) = id.map_err(|e| rejected(e.status(), e.body_text()))?;
    let fields = parse_write_body(&headers, &body_bytes(body)?, BodyKind::Update)?;
    let patch: RoomPatch = from_fields(fields)?;
    if !lock(&app.db).contains(&id)? {
        return Err(room_not_found(&id));
    }
    check_status(patch.status_id.as_deref())?;
    let room = app
        .apply_patch(&id, &patch)?
        .ok_or_else(|| room_not_found(&id))?;
    Ok(Json(public(&room)))
}

fn from_fields<T: serde::de::DeserializeOwned>(fields: Map<String, Value>) -> Result<T, ApiError> {
    serde_json::from_value(Value::Object(fields))
        .map_err(|e| ApiError::bad_request(vec![format!("body is not valid: {e}")]))
}

/// The design (and title) a template or a duplicated room hands down; all `None` for a
/// blank room.
#[derive(Default)]
struct Design {
    title: Option<String>,
    cover_title: Option<String>,
    cover_description: Option<String>,
    cover_disabled: Option<bool>,
    theme_color: Option<String>,
    nav_color: Option<String>,
}

/// `duplicateFromId` wins over `templateId` (which is then ignored, even when unknown).
fn design_source(app: &App, body: &NewRoom) -> Result<Design, ApiError> {
    if let Some(source_id) = &body.duplicate_from_id {
        let db = lock(&app.db);
        let r = db.get(source_id)?.ok_or_else(|| {
            ApiError::bad_request(vec![format!("duplicateFromId {source_id} does not exist")])
        })?;
        return Ok(Design {
            title: Some(r.title.clone()),
            cover_title: r.cover_title.clone(),
            cover_description: r.cover_description.clone(),
            cover_disabled: r.cover_disabled,
            theme_color: r.theme_color.clone(),
            nav_color: r.nav_color.clone(),
        });
    }
    let Some(template_id) = &body.template_id else {
        return Ok(Design::default());
    };
    let t = catalog::template(template_id).ok_or_else(|| {
        ApiError::bad_request(vec![format!("templateId {template_id} does not exist")])
    })?;
    Ok(Design {
        title: Some(t.title.to_string()),
        cover_title: t.cover_title.map(str::to_string),
        cover_description: t.cover_description.map(str::to_string),
        cover_disabled: t.cover_disabled,
        theme_color: t.theme_color.map(str::to_string),
        nav_color: t.nav_color.map(str::to_string),
    })
}

/// A new room: body fields win over the design source; engagements start at zero.
fn new_room(body: NewRoom, design: Design) -> Room {
    let now = format_timestamp(crate::app::next_millis(0));
    Room {
        id: String::new(),
        title: body
            .title
            .or(design.title)
            .unwrap_or_else(|| "Untitled room".to_string()),
        user_id: body.user_id,
        company_id: body.company_id,
        created_at: now.clone(),
        updated_at: now,
        total_engagements: Some(0),
        last_engaged_at: None,
        total_views: Some(0),
        total_unique_views: Some(0),
        engagements: Some(zero_engagements()),
        cover_title: body.cover_title.or(design.cover_title),
        cover_description: body.cover_description.or(design.cover_description),
        cover_disabled: body.cover_disabled.or(design.cover_disabled),
        theme_color: body.theme_color.or(design.theme_color),
        nav_color: body.nav_color.or(design.nav_color),
        description: body.description,
        status_id: body.status_id,
        label_id: body.label_id,
        email: body.email,
        hs_deal_id: body.hs_deal_id,
        sf_opportunity_id: body.sf_opportunity_id,
        attio_deal_id: body.attio_deal_id,
        extra: Map::new(),
    }
}

pub(crate) async fn create(
    State(app): Shared,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let fields = parse_write_body(&headers, &body_bytes(body)?, BodyKind::Create)?;
    let body: NewRoom = from_fields(fields)?;
    check_status(body.status_id.as_deref())?;
    let design = design_source(&app, &body)?;
    let mut room = new_room(body, design);
    {
        let mut db = lock(&app.db);
        room.id = loop {
            let candidate = format!("rm_{:016x}", lock(&app.dice).next_u64() ^ clock_noise());
            if !db.contains(&candidate)? {
                break candidate;
            }
        };
        db.upsert(&room)?;
    }
    Counters::bump(&app.counters.rooms_created);
    let mut response = (StatusCode::CREATED, Json(public(&room))).into_response();
    // Commit-then-drop: the room is stored (and saved); the server sends nothing back.
    if app.roll(app.faults().drop_after_create_rate) {
        response.extensions_mut().insert(DropConnection);
    }
    Ok(response)
}

fn zero_engagements() -> Engagements {
    Engagements {
        clicks: Some(0),
        comments: Some(0),
        downloads: Some(0),
        reactions: Some(0),
        shares: Some(0),
        views: Some(0),
        tasks_completed: Some(0),
        extra: Map::new(),
    }
}

/// Makes ids differ between runs with the same seed (a state file may hold earlier ones).
fn clock_noise() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}
