//! Three-way comparison of a pending edit against the server's current room.
//!
//! For each field of the edit: if the server already holds our value, there is nothing to
//! send; if the server's value moved away from the value the edit was made against (the
//! base) and differs from ours, the field is a conflict for the user to settle; otherwise
//! our value is sent. Fields only the server changed are simply not part of the edit, so
//! they merge without asking.

use roomdesk_model::{Room, RoomField};
use serde_json::{Map, Value};

/// One field changed on both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldConflict {
    pub field: RoomField,
    pub base: Value,
    pub mine: Value,
    pub theirs: Value,
}

/// The outcome of comparing an edit with the server's room.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// Fields to send, with our values.
    pub send: Map<String, Value>,
    /// Fields the server already holds with our value.
    pub already_there: Vec<RoomField>,
    pub conflicts: Vec<FieldConflict>,
}

/// The server's current value of a field, normalised like our values are (colors in
/// upper-case `#RRGGBB`), so that equal values compare equal.
pub fn server_value(room: &Room, field: RoomField) -> Value {
    let value = room.get(field).map_or(Value::Null, |v| v.to_json());
    normalise(field, value)
}

fn normalise(field: RoomField, v: Value) -> Value {
    match &v {
        Value::String(s) => field.normalize(s).map(Value::String).unwrap_or(v),
        _ => v,
    }
}

/// Only fields the server returns (catalogue) can be compared. Write-only fields
/// (description, statusId, CRM IDs...) cannot be seen on the server, so our value is sent
/// unless the server does happen to return one.
fn comparable(field: RoomField, theirs: &Value) -> bool {
    field.returned() || !theirs.is_null()
}

/// Compares our edit (`mine`, by camelCase field name) made against `base` with the
/// server's room `theirs`.
pub fn compare(base: &Map<String, Value>, mine: &Map<String, Value>, theirs: &Room) -> Comparison {
    let mut out = Comparison::default();
    for (name, my_value) in mine {
        let Some(field) = RoomField::from_name(name) else {
            continue;
        };
        let their_value = server_value(theirs, field);
        let my_value = normalise(field, my_value.clone());
        if !comparable(field, &their_value) {
            out.send.insert(name.clone(), my_value);
            continue;
        }
        if their_value == my_value {
            out.already_there.push(field);
            continue;
        }
        let base_value = normalise(field, base.get(name).cloned().unwrap_or(Value::Null));
        if their_value != base_value {
            out.conflicts.push(FieldConflict {
                field,
                base: base_value,
                mine: my_value,
                theirs: their_value,
            });
        } else {
            out.send.insert(name.clone(), my_value);
        }
    }
    out
}

/// The base values of a room for the given fields: what the user saw when editing.
pub fn base_of(room: &Room, fields: impl IntoIterator<Item = RoomField>) -> Map<String, Value> {
    fields
        .into_iter()
        .map(|f| (f.name().to_string(), server_value(room, f)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn room(title: &str, theme: Option<&str>) -> Room {
        Room {
            id: "rm_1".into(),
            title: title.into(),
            theme_color: theme.map(String::from),
            ..Default::default()
        }
    }

    fn map(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap()
    }

    #[test]
    fn only_we_changed_is_sent() {
        let base = map(json!({"title": "Old"}));
        let mine = map(json!({"title": "Mine"}));
        let c = compare(&base, &mine, &room("Old", None));
        assert_eq!(c.send, map(json!({"title": "Mine"})));
        assert!(c.conflicts.is_empty());
    }

    #[test]
    fn both_changed_differently_is_a_conflict() {
        let base = map(json!({"title": "Old", "themeColor": "#111111"}));
        let mine = map(json!({"title": "Mine", "themeColor": "#222222"}));
        let c = compare(&base, &mine, &room("Theirs", Some("#111111")));
        assert_eq!(c.conflicts.len(), 1);
        assert_eq!(c.conflicts[0].field, RoomField::Title);
        assert_eq!(c.conflicts[0].theirs, json!("Theirs"));
        assert_eq!(c.conflicts[0].base, json!("Old"));
        assert_eq!(c.send, map(json!({"themeColor": "#222222"})));
    }

    #[test]
    fn both_changed_to_the_same_value_is_settled() {
        let base = map(json!({"themeColor": "#111111"}));
        let mine = map(json!({"themeColor": "#FF5500"}));
        let c = compare(&base, &mine, &room("T", Some("#ff5500")));
        assert!(c.send.is_empty() && c.conflicts.is_empty());
        assert_eq!(c.already_there, vec![RoomField::ThemeColor]);
    }

    #[test]
    fn write_only_fields_are_sent_blind() {
        let base = map(json!({"description": "a"}));
        let mine = map(json!({"description": "b"}));
        let c = compare(&base, &mine, &room("T", None));
        assert_eq!(c.send, mine);
    }

    #[test]
    fn base_captures_normalised_server_values() {
        let b = base_of(
            &room("T", Some("#abc")),
            [RoomField::ThemeColor, RoomField::NavColor],
        );
        assert_eq!(b, map(json!({"themeColor": "#AABBCC", "navColor": null})));
    }
}
