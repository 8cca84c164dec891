//! The rooms the emulator holds, with cached listing orders so that paging through tens of
//! thousands of rooms stays fast. Every write invalidates the cache.

use roomdesk_model::{sort_key, ListQuery, Room, SortDirection, SortField};
use std::collections::HashMap;
use std::sync::Arc;

/// A room as the emulator keeps it: the JSON it is served as, and its sort keys. About
/// half the memory of a `Room` value (one allocation instead of a dozen), which matters
/// for the desktop Sandbox holding thousands of rooms for the app's whole life.
#[derive(Debug)]
struct Stored {
    json: Box<str>,
    /// `sort_key` for each of `SortField::ALL`, in that order.
    keys: [Option<i64>; 4],
}

impl Stored {
    fn new(room: &Room) -> Stored {
        Stored {
            // A Room always serialises (string keys, no foreign types); an empty object
            // would still parse back, so nothing here can panic.
            json: serde_json::to_string(room).unwrap_or_default().into(),
            keys: SortField::ALL.map(|f| sort_key(room, f)),
        }
    }

    fn with_json(room: &Room, json: &str) -> Stored {
        Stored {
            json: json.into(),
            keys: SortField::ALL.map(|f| sort_key(room, f)),
        }
    }

    fn room(&self) -> Room {
        // The text was written by `Stored::new` from a Room.
        serde_json::from_str(&self.json).unwrap_or_default()
    }

    fn key(&self, field: SortField) -> Option<i64> {
        let i = SortField::ALL.iter().position(|f| *f == field).unwrap_or(0);
        self.keys[i]
    }
}

#[derive(Debug, Default)]
pub(crate) struct Db {
    rooms: Vec<Stored>,
    /// Room id → position in `rooms` (the id lives here only).
    index: HashMap<Box<str>, usize>,
    /// Ids by position, for ties in the listing order.
    ids: Vec<Arc<str>>,
    /// Positions in `rooms`, in listing order, per sort field and direction.
    orders: HashMap<(SortField, SortDirection), Arc<Vec<usize>>>,
    /// Bumped on every write; lets the state file skip stale snapshots.
    version: u64,
}

impl Db {
    /// Later rooms with an id already seen replace earlier ones.
    pub fn from_rooms(rooms: Vec<Room>) -> Self {
        let mut db = Db::default();
        for room in rooms {
            db.upsert(room);
        }
        db.version = 0;
        db
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.rooms.len()
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    /// Marks the current content as the initial state (version 0), after a load.
    pub fn mark_initial(&mut self) {
        self.version = 0;
    }

    pub fn get(&self, id: &str) -> Option<Room> {
        self.index.get(id).map(|&i| self.rooms[i].room())
    }

    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// Every room, in insertion order.
    pub fn all(&self) -> Vec<Room> {
        self.rooms.iter().map(Stored::room).collect()
    }

    /// Inserts a room, or replaces the room with the same id.
    pub fn upsert(&mut self, room: Room) {
        let stored = Stored::new(&room);
        self.put(&room.id, stored);
    }

    /// [`Db::upsert`] for a room whose JSON text is at hand (`json` must be `room`'s).
    pub fn upsert_with_json(&mut self, room: &Room, json: &str) {
        self.put(&room.id, Stored::with_json(room, json));
    }

    fn put(&mut self, id: &str, stored: Stored) {
        match self.index.get(id) {
            Some(&i) => self.rooms[i] = stored,
            None => {
                self.index.insert(id.into(), self.rooms.len());
                self.ids.push(id.into());
                self.rooms.push(stored);
            }
        }
        self.touch();
    }

    /// Changes one room in place; the changed room, or `None` when the id is unknown.
    pub fn update<F: FnOnce(&mut Room)>(&mut self, id: &str, change: F) -> Option<Room> {
        let i = *self.index.get(id)?;
        let mut room = self.rooms[i].room();
        change(&mut room);
        self.rooms[i] = Stored::new(&room);
        self.touch();
        Some(room)
    }

    /// Removes a room (what deleting it in Flowla's web app looks like to the API).
    /// `false` when the id is unknown.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(i) = self.index.remove(id) else {
            return false;
        };
        self.rooms.swap_remove(i);
        self.ids.swap_remove(i);
        if let Some(moved) = self.ids.get(i) {
            if let Some(position) = self.index.get_mut(&**moved) {
                *position = i;
            }
        }
        self.touch();
        true
    }

    fn touch(&mut self) {
        self.version += 1;
        self.orders.clear();
    }

    /// One page in the contract's order, and the total number of rooms.
    #[cfg(test)]
    pub fn page(&mut self, q: &ListQuery) -> (Vec<Room>, usize) {
        self.page_hiding(q, &[])
    }

    /// One page in the contract's order as though the rooms `hidden` did not exist
    /// (the pages after them close up), and the total number of rooms listed.
    pub fn page_hiding(&mut self, q: &ListQuery, hidden: &[String]) -> (Vec<Room>, usize) {
        let order = self.order(q.sort_by, q.sort_direction);
        let start = usize::try_from(q.offset()).unwrap_or(usize::MAX);
        let ids = &self.ids;
        let listed = |i: &&usize| !hidden.iter().any(|h| h.as_str() == &*ids[**i]);
        let rooms = order
            .iter()
            .filter(listed)
            .skip(start)
            .take(q.limit as usize)
            .map(|&i| self.rooms[i].room())
            .collect();
        let total = if hidden.is_empty() {
            self.rooms.len()
        } else {
            order.iter().filter(listed).count()
        };
        (rooms, total)
    }

    /// Listing order (see `roomdesk_model::compare_rooms`), from the sort keys kept with
    /// each room.
    fn order(&mut self, field: SortField, direction: SortDirection) -> Arc<Vec<usize>> {
        if let Some(o) = self.orders.get(&(field, direction)) {
            return Arc::clone(o);
        }
        let mut positions: Vec<usize> = (0..self.rooms.len()).collect();
        positions.sort_unstable_by(|&a, &b| {
            let by_key = self.rooms[a].key(field).cmp(&self.rooms[b].key(field));
            let by_key = match direction {
                SortDirection::Asc => by_key,
                SortDirection::Desc => by_key.reverse(),
            };
            by_key.then_with(|| self.ids[a].cmp(&self.ids[b]))
        });
        let positions = Arc::new(positions);
        self.orders
            .insert((field, direction), Arc::clone(&positions));
        positions
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::generate_rooms;
    use roomdesk_model::sort_rooms;

    #[test]
    fn removing_a_room_keeps_every_other_room_reachable_and_in_order() {
        let rooms = generate_rooms(50, 9);
        let mut db = Db::from_rooms(rooms.clone());
        assert!(db.remove(&rooms[3].id));
        assert!(!db.remove(&rooms[3].id));
        assert!(db.remove(&rooms[49].id));
        assert_eq!(db.len(), 48);
        assert!(db.get(&rooms[3].id).is_none());
        for r in rooms
            .iter()
            .filter(|r| r.id != rooms[3].id && r.id != rooms[49].id)
        {
            assert_eq!(db.get(&r.id).as_ref(), Some(r));
        }
        let mut expected: Vec<Room> = db.all();
        sort_rooms(&mut expected, SortField::UpdatedAt, SortDirection::Desc);
        let (page, total) = db.page(&ListQuery {
            page: 1,
            limit: 100,
            sort_by: SortField::UpdatedAt,
            sort_direction: SortDirection::Desc,
        });
        assert_eq!(total, 48);
        assert_eq!(page, expected);
    }

    #[test]
    fn pages_follow_compare_rooms_for_every_field_and_direction() {
        let mut rooms = generate_rooms(300, 3);
        // Force ties: several rooms share a createdAt.
        for r in rooms.iter_mut().take(20) {
            r.created_at = "2026-01-01T00:00:00.000Z".into();
        }
        let mut db = Db::from_rooms(rooms.clone());
        for field in SortField::ALL {
            for direction in [SortDirection::Asc, SortDirection::Desc] {
                let mut expected = rooms.clone();
                sort_rooms(&mut expected, field, direction);
                let mut got = Vec::new();
                for page in 1..=4 {
                    let q = ListQuery {
                        page,
                        limit: 100,
                        sort_by: field,
                        sort_direction: direction,
                    };
                    let (p, total) = db.page(&q);
                    assert_eq!(total, 300);
                    got.extend(p);
                }
                assert_eq!(got, expected, "{field} {direction}");
            }
        }
    }

    #[test]
    fn hidden_rooms_leave_the_listing_and_later_pages_close_up() {
        let rooms = generate_rooms(250, 5);
        let mut db = Db::from_rooms(rooms.clone());
        let mut expected = rooms.clone();
        sort_rooms(&mut expected, SortField::CreatedAt, SortDirection::Desc);
        let hidden = vec![expected[10].id.clone()];
        let q = |page| ListQuery {
            page,
            limit: 100,
            sort_by: SortField::CreatedAt,
            sort_direction: SortDirection::Desc,
        };
        let (second, total) = db.page_hiding(&q(2), &hidden);
        assert_eq!(total, 249);
        assert_eq!(
            second.first(),
            Some(&expected[101]),
            "page 2 moved up by one"
        );
        assert_eq!(db.page_hiding(&q(3), &hidden).0.len(), 49);
        assert!(db.get(&hidden[0]).is_some(), "a get still finds it");
        assert_eq!(db.page(&q(2)).0.first(), Some(&expected[100]));
    }

    #[test]
    fn writes_invalidate_the_cached_order() {
        let mut db = Db::from_rooms(generate_rooms(10, 1));
        let q = ListQuery {
            sort_by: SortField::UpdatedAt,
            ..Default::default()
        };
        let last = db.page(&q).0.last().unwrap().id.clone();
        let v = db.version();
        db.update(&last, |r| r.updated_at = "2030-01-01T00:00:00.000Z".into())
            .unwrap();
        assert!(db.version() > v);
        assert_eq!(db.page(&q).0[0].id, last);
        assert!(db.update("rm_missing", |_| {}).is_none());
        assert_eq!(db.len(), 10);
    }
}
