//! Tolerant reading of 2xx bodies, as the contract asks: a list is `{results: [...]}` or
//! a bare array, unknown fields are kept (the model's `extra`), missing optionals are fine.

use roomdesk_model::{Lookup, Room, Status};
use serde_json::Value;

/// One page of rooms and the server's `total`, if it sent one (a hint only).
#[derive(Debug, Clone, PartialEq)]
pub struct RoomsPage {
    pub rooms: Vec<Room>,
    pub total: Option<u64>,
}

fn json(body: &[u8]) -> Result<Value, String> {
    serde_json::from_slice(body).map_err(|e| format!("the body is not JSON ({e})"))
}

/// The items of a list body: a bare array, or the array under `results` (or `data`,
/// `items`, the other names list envelopes commonly use).
fn items(value: Value) -> Result<(Vec<Value>, Option<u64>), String> {
    match value {
        Value::Array(items) => Ok((items, None)),
        Value::Object(mut map) => {
            let total = map.get("total").and_then(as_count);
            for key in ["results", "data", "items"] {
                if let Some(Value::Array(items)) = map.remove(key) {
                    return Ok((items, total));
                }
            }
            Err("expected a list (an array, or an object with \"results\")".to_string())
        }
        _ => Err("expected a list (an array, or an object with \"results\")".to_string()),
    }
}

fn as_count(v: &Value) -> Option<u64> {
    v.as_u64()
        .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
}

fn room(value: Value) -> Result<Room, String> {
    serde_json::from_value(value).map_err(|e| format!("a room could not be read ({e})"))
}

pub(crate) fn parse_room(body: &[u8]) -> Result<Room, String> {
    room(json(body)?)
}

pub(crate) fn parse_rooms_page(body: &[u8]) -> Result<RoomsPage, String> {
    let (items, total) = items(json(body)?)?;
    let rooms = items.into_iter().map(room).collect::<Result<Vec<_>, _>>()?;
    Ok(RoomsPage { rooms, total })
}

pub(crate) fn parse_statuses(body: &[u8]) -> Result<Vec<Status>, String> {
    let (items, _) = items(json(body)?)?;
    items
        .into_iter()
        .map(|mut v| {
            // Some servers send numeric ids.
            if let Some(id) = v.get("id").and_then(Value::as_i64) {
                v["id"] = Value::String(id.to_string());
            }
            serde_json::from_value(v).map_err(|e| format!("a status could not be read ({e})"))
        })
        .collect()
}

/// Lookup entries: the label is `name`, `title` or `fullName` (else first + last name,
/// else the id). Entries without an id are skipped.
pub(crate) fn parse_lookups(body: &[u8]) -> Result<Vec<Lookup>, String> {
    let (items, _) = items(json(body)?)?;
    Ok(items.iter().filter_map(lookup).collect())
}

fn lookup(v: &Value) -> Option<Lookup> {
    let id = match v.get("id")? {
        Value::String(s) if !s.is_empty() => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let text = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let name = text("name")
        .or_else(|| text("title"))
        .or_else(|| text("fullName"))
        .or_else(|| {
            let parts: Vec<String> = [text("firstName"), text("lastName")]
                .into_iter()
                .flatten()
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        })
        .unwrap_or_else(|| id.clone());
    Some(Lookup { id, name })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_in_an_envelope_or_bare() {
        let enveloped = br#"{"results":[{"id":"rm_1","title":"A","future":{"x":1}}],"page":1,"limit":10,"total":31}"#;
        let page = parse_rooms_page(enveloped).unwrap();
        assert_eq!(page.total, Some(31));
        assert_eq!(page.rooms[0].id, "rm_1");
        assert_eq!(page.rooms[0].extra["future"]["x"], 1);
        assert_eq!(page.rooms[0].theme_color, None);
        let bare = parse_rooms_page(br#"[{"id":"rm_2"}]"#).unwrap();
        assert_eq!((bare.rooms.len(), bare.total), (1, None));
        assert!(parse_rooms_page(br#"{"results":[]}"#)
            .unwrap()
            .rooms
            .is_empty());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bad in [
            &b"{\"results\":[{\"id\":\"rm_1\""[..],
            b"<html>",
            b"",
            b"{\"rooms\":5}",
            b"[{\"title\":\"no id\"}]",
            b"42",
        ] {
            assert!(
                parse_rooms_page(bad).is_err(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        assert!(parse_room(b"[]").is_err());
        assert!(parse_room(b"\x00\xff").is_err());
    }

    #[test]
    fn lookups_take_whatever_label_the_server_uses() {
        let body = br#"[{"id":"c1","name":"Acme"},{"id":"l1","title":"Hot"},{"id":"u1","fullName":"Ada L"},
                        {"id":7,"firstName":"Grace","lastName":"H"},{"id":"x"},{"name":"no id"}]"#;
        let l = parse_lookups(body).unwrap();
        let names: Vec<(&str, &str)> = l.iter().map(|x| (x.id.as_str(), x.name.as_str())).collect();
        assert_eq!(
            names,
            [
                ("c1", "Acme"),
                ("l1", "Hot"),
                ("u1", "Ada L"),
                ("7", "Grace H"),
                ("x", "x")
            ]
        );
    }

    #[test]
    fn statuses_bare_or_enveloped() {
        let s = parse_statuses(
            br##"[{"id":"st_1","title":"Open","defaultStatus":true,"color":"#fff"},{"id":2}]"##,
        )
        .unwrap();
        assert_eq!(s[0].title, "Open");
        assert!(s[0].default_status);
        assert_eq!(s[1].id, "2");
        assert!(parse_statuses(br#"{"results":[]}"#).unwrap().is_empty());
    }
}
