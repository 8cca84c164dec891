//! The contract's listing order written out independently of the model's
//! `compare_rooms`: its own timestamp reader, its own null and tie rules.

use roomdesk_model::{Room, SortDirection, SortField};
use std::cmp::Ordering;

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` (what the emulator writes) as comparable numbers.
fn instant(text: &str) -> [u32; 7] {
    let b = text.as_bytes();
    assert!(
        b.len() == 24 && b[4] == b'-' && b[10] == b'T' && b[19] == b'.' && b[23] == b'Z',
        "unexpected timestamp {text}"
    );
    let num = |from: usize, to: usize| text[from..to].parse::<u32>().unwrap();
    [
        num(0, 4),
        num(5, 7),
        num(8, 10),
        num(11, 13),
        num(14, 16),
        num(17, 19),
        num(20, 23),
    ]
}

#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Time([u32; 7]),
    Count(i64),
}

fn key(room: &Room, field: SortField) -> Option<Key> {
    match field {
        SortField::CreatedAt => Some(Key::Time(instant(&room.created_at))),
        SortField::UpdatedAt => Some(Key::Time(instant(&room.updated_at))),
        SortField::TotalEngagements => room.total_engagements.map(Key::Count),
        SortField::LastEngagedAt => room
            .last_engaged_at
            .as_deref()
            .map(|t| Key::Time(instant(t))),
    }
}

/// Room ids in the order the contract says a listing must have.
pub fn expected_ids(rooms: &[Room], field: SortField, dir: SortDirection) -> Vec<String> {
    let mut keyed: Vec<(Option<Key>, &str)> = rooms
        .iter()
        .map(|r| (key(r, field), r.id.as_str()))
        .collect();
    keyed.sort_by(|a, b| {
        let by_value = match (&a.0, &b.0) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less, // null is the smallest value
            (Some(_), None) => Ordering::Greater,
            (Some(x), Some(y)) => x.cmp(y),
        };
        let by_value = if dir == SortDirection::Desc {
            by_value.reverse()
        } else {
            by_value
        };
        by_value.then_with(|| a.1.cmp(b.1)) // ties: id ascending, both directions
    });
    keyed.into_iter().map(|(_, id)| id.to_string()).collect()
}

pub fn ids(rooms: &[Room]) -> Vec<String> {
    rooms.iter().map(|r| r.id.clone()).collect()
}
