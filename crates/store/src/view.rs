//! The local view of a room: its server version (or, for a draft, its create body) with
//! the write-only fields this app wrote and the pending edits applied. Every write path
//! calls [`rebuild_view`] in its transaction, so listing and search read it ready-made.

use crate::error::{unreadable, Result, StoreError};
use crate::local_room::{LocalRoom, LocalState};
use roomdesk_model::{format_timestamp, sort_key, Room, RoomField, SortField};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// The four sort keys of a room, in `SortField::ALL` order.
pub(crate) fn sort_keys(room: &Room) -> [Option<i64>; 4] {
    SortField::ALL.map(|f| sort_key(room, f))
}

pub(crate) fn parse_json_map(what: &str, text: &str) -> Result<Map<String, Value>> {
    match serde_json::from_str(text) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(unreadable(what, "not a JSON object")),
        Err(e) => Err(unreadable(what, e)),
    }
}

pub(crate) fn parse_room(what: &str, text: &str) -> Result<Room> {
    serde_json::from_str(text).map_err(|e| unreadable(what, e))
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| unreadable("value to store", e))
}

/// The room a draft shows: its create body's room fields, created and updated "now"
/// (`created_ms`), no engagements yet.
pub(crate) fn draft_room(
    id: &str,
    created_ms: i64,
    payload: &Map<String, Value>,
) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), Value::String(id.to_string()));
    m.insert("title".into(), Value::String(String::new()));
    let at = Value::String(format_timestamp(created_ms));
    m.insert("createdAt".into(), at.clone());
    m.insert("updatedAt".into(), at);
    for (k, v) in payload {
        // Create instructions (catalogue) are not room fields.
        if !RoomField::from_name(k).is_some_and(RoomField::instruction) {
            m.insert(k.clone(), v.clone());
        }
    }
    m
}

/// Fills write-only fields the server did not send from what this app wrote.
pub(crate) fn overlay_written(view: &mut Map<String, Value>, written: &Map<String, Value>) {
    for (k, v) in written {
        if view.get(k).is_none_or(Value::is_null) {
            view.insert(k.clone(), v.clone());
        }
    }
}

struct RoomRow {
    rid: i64,
    is_draft: bool,
    server_json: Option<String>,
    created_ms: Option<i64>,
}

/// Recomputes and stores the local view of one room, with its searchable text.
pub(crate) fn rebuild_view(conn: &Connection, room_id: &str) -> Result<()> {
    let row = conn
        .prepare_cached("SELECT rid, is_draft, server_json, created_ms FROM rooms WHERE id = ?1")?
        .query_row([room_id], |r| {
            Ok(RoomRow {
                rid: r.get(0)?,
                is_draft: r.get(1)?,
                server_json: r.get(2)?,
                created_ms: r.get(3)?,
            })
        })
        .optional()?
        .ok_or_else(|| StoreError::RoomNotFound(room_id.to_string()))?;

    let mut entries = conn
        .prepare_cached("SELECT kind, payload_json FROM outbox WHERE room_id = ?1 ORDER BY seq")?;
    let entries: Vec<(String, String)> = entries
        .query_map([room_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;

    let mut view = if row.is_draft {
        let create = entries
            .iter()
            .find(|(kind, _)| kind == "create")
            .ok_or_else(|| {
                unreadable(
                    format!("draft {room_id}"),
                    "its create is missing from the outbox",
                )
            })?;
        let payload = parse_json_map("outbox payload", &create.1)?;
        draft_room(room_id, row.created_ms.unwrap_or_default(), &payload)
    } else {
        let text = row
            .server_json
            .as_deref()
            .ok_or_else(|| unreadable(format!("room {room_id}"), "no server version"))?;
        parse_json_map("cached room", text)?
    };
    let server_view = (!row.is_draft).then(|| view.clone());

    let written: Option<String> = conn
        .prepare_cached("SELECT fields_json FROM room_written WHERE room_id = ?1")?
        .query_row([room_id], |r| r.get(0))
        .optional()?;
    if let Some(text) = written {
        overlay_written(&mut view, &parse_json_map("written fields", &text)?);
    }
    for (kind, payload) in &entries {
        if kind == "patch" {
            view.extend(parse_json_map("outbox payload", payload)?);
        }
    }

    let room: Room = serde_json::from_value(Value::Object(view.clone()))
        .map_err(|e| unreadable(format!("room {room_id}"), e))?;
    let view_json = match server_view {
        Some(s) if s == view => None,
        _ => Some(to_json(&view)?),
    };
    conn.prepare_cached(
        "UPDATE rooms SET view_json = ?2, title = ?3, cover_title = ?4, description = ?5
         WHERE rid = ?1",
    )?
    .execute(params![
        row.rid,
        view_json,
        room.title,
        room.cover_title,
        room.description
    ])?;
    Ok(())
}

const SELECT_LOCAL: &str = "SELECT id, is_draft, COALESCE(view_json, server_json),
        EXISTS (SELECT 1 FROM conflicts c WHERE c.room_id = rooms.id),
        EXISTS (SELECT 1 FROM outbox o WHERE o.room_id = rooms.id)
    FROM rooms";

fn read_local(
    conn: &Connection,
    sql: &str,
    key: &dyn rusqlite::ToSql,
) -> Result<Option<LocalRoom>> {
    type Found = (String, bool, String, bool, bool);
    let found: Option<Found> = conn
        .prepare_cached(sql)?
        .query_row([key], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?;
    let Some((id, is_draft, json, has_conflict, has_outbox)) = found else {
        return Ok(None);
    };
    let room = parse_room(&format!("room {id}"), &json)?;
    let mut pending = BTreeSet::new();
    if has_outbox {
        let mut stmt = conn.prepare_cached("SELECT payload_json FROM outbox WHERE room_id = ?1")?;
        let mut rows = stmt.query([&id])?;
        while let Some(r) = rows.next()? {
            let payload: String = r.get(0)?;
            for k in parse_json_map("outbox payload", &payload)?.keys() {
                if let Some(f) = RoomField::from_name(k) {
                    pending.insert(f);
                }
            }
        }
    }
    let state = if is_draft {
        LocalState::Draft
    } else if has_conflict {
        LocalState::Conflict
    } else if has_outbox {
        LocalState::Pending
    } else {
        LocalState::Synced
    };
    Ok(Some(LocalRoom {
        room,
        state,
        pending_fields: pending.into_iter().collect(),
    }))
}

/// The local view of a room by row id.
pub(crate) fn local_by_rid(conn: &Connection, rid: i64) -> Result<Option<LocalRoom>> {
    read_local(conn, &format!("{SELECT_LOCAL} WHERE rid = ?1"), &rid)
}

/// The local view of a room by id.
pub(crate) fn local_by_id(conn: &Connection, id: &str) -> Result<Option<LocalRoom>> {
    read_local(conn, &format!("{SELECT_LOCAL} WHERE id = ?1"), &id)
}

/// Remembers the write-only fields (catalogue) among `fields` as what this app last wrote
/// for a room.
pub(crate) fn remember_written(
    conn: &Connection,
    room_id: &str,
    fields: &Map<String, Value>,
) -> Result<()> {
    let mut keep: Map<String, Value> = fields
        .iter()
        .filter(|(k, _)| RoomField::from_name(k).is_some_and(RoomField::write_only))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if keep.is_empty() {
        return Ok(());
    }
    let existing: Option<String> = conn
        .prepare_cached("SELECT fields_json FROM room_written WHERE room_id = ?1")?
        .query_row([room_id], |r| r.get(0))
        .optional()?;
    if let Some(text) = existing {
        let mut merged = parse_json_map("written fields", &text)?;
        merged.append(&mut keep);
        keep = merged;
    }
    conn.prepare_cached(
        "INSERT INTO room_written (room_id, fields_json) VALUES (?1, ?2)
         ON CONFLICT (room_id) DO UPDATE SET fields_json = excluded.fields_json",
    )?
    .execute(params![room_id, to_json(&keep)?])?;
    Ok(())
}
