//! The contract's listing order: by the sort field, `null` as the smallest value, ties by
//! `id` ascending (in both directions). The emulator and the local cache both follow it.

use crate::{parse_timestamp_millis, Room, SortDirection, SortField};
use std::cmp::Ordering;

/// The sort key of a room for a field: timestamps as epoch milliseconds. Unparseable
/// timestamps count as `null`.
pub fn sort_key(room: &Room, field: SortField) -> Option<i64> {
    match field {
        SortField::CreatedAt => parse_timestamp_millis(&room.created_at),
        SortField::UpdatedAt => parse_timestamp_millis(&room.updated_at),
        SortField::TotalEngagements => room.total_engagements,
        SortField::LastEngagedAt => room
            .last_engaged_at
            .as_deref()
            .and_then(parse_timestamp_millis),
    }
}

/// Compares two rooms in listing order.
pub fn compare_rooms(a: &Room, b: &Room, field: SortField, direction: SortDirection) -> Ordering {
    // `None < Some(_)` for Option, which is exactly "null is the smallest value".
    let by_field = sort_key(a, field).cmp(&sort_key(b, field));
    let by_field = match direction {
        SortDirection::Asc => by_field,
        SortDirection::Desc => by_field.reverse(),
    };
    by_field.then_with(|| a.id.cmp(&b.id))
}

/// Sorts rooms in listing order.
pub fn sort_rooms(rooms: &mut [Room], field: SortField, direction: SortDirection) {
    rooms.sort_by(|a, b| compare_rooms(a, b, field, direction));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn room(id: &str, engagements: Option<i64>) -> Room {
        Room {
            id: id.into(),
            total_engagements: engagements,
            ..Default::default()
        }
    }

    fn ids(rooms: &[Room]) -> Vec<&str> {
        rooms.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn nulls_are_smallest_and_ties_go_by_id() {
        let mut rooms = vec![
            room("c", Some(5)),
            room("b", None),
            room("a", Some(5)),
            room("d", Some(1)),
            room("e", None),
        ];
        sort_rooms(&mut rooms, SortField::TotalEngagements, SortDirection::Asc);
        assert_eq!(ids(&rooms), ["b", "e", "d", "a", "c"]);
        sort_rooms(&mut rooms, SortField::TotalEngagements, SortDirection::Desc);
        assert_eq!(ids(&rooms), ["a", "c", "d", "b", "e"]);
    }

    #[test]
    fn timestamps_compare_as_instants() {
        let mut a = room("a", None);
        a.last_engaged_at = Some("2026-01-01T10:00:00.000+02:00".into());
        let mut b = room("b", None);
        b.last_engaged_at = Some("2026-01-01T09:00:00.000Z".into());
        let mut c = room("c", None);
        c.last_engaged_at = Some("garbage".into());
        let mut rooms = vec![b, a, c];
        sort_rooms(&mut rooms, SortField::LastEngagedAt, SortDirection::Asc);
        assert_eq!(ids(&rooms), ["c", "a", "b"]);
    }
}
