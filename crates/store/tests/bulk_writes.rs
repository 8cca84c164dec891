//! Bulk writes (pulls of ≥ 1000 rooms): encoded on a second thread, committed without an
//! inline checkpoint, checkpointed in the background. Same results as small writes.

#![allow(clippy::unwrap_used)] // fixtures outside #[test] fns panic on setup failure, as tests should

mod common;

use common::{ids, room, temp_store};
use roomdesk_model::{ListQuery, Room, RoomPatch, SortDirection, SortField};
use roomdesk_store::{database_path, Store};

fn rooms(n: usize, title: &str) -> Vec<Room> {
    (0..n)
        .map(|i| {
            let mut r = room(&format!("rm_{i:05}"), &format!("{title} {i}"));
            r.total_engagements = Some((i % 97) as i64);
            r
        })
        .collect()
}

fn search_total(store: &Store, text: &str) -> u64 {
    store
        .list_rooms(&ListQuery::default(), Some(text))
        .unwrap()
        .1
}

#[test]
fn a_bulk_pull_writes_every_room_once_and_the_last_copy_of_a_duplicate_wins() {
    let (dir, store) = temp_store();
    let mut pulled = rooms(2_500, "Harbor");
    // The server listed one room twice (it changed between pages): the later copy wins.
    let mut newer = pulled[10].clone();
    newer.title = "Lighthouse".into();
    newer.cover_title = None;
    pulled.push(newer);
    // Input order is not id order.
    pulled.reverse();
    pulled.rotate_left(700);
    let report = store.upsert_rooms(&pulled).unwrap();
    assert_eq!(report.written, 2_501, "{report:?}");
    assert_eq!(store.room_count().unwrap(), 2_500);
    assert_eq!(store.get_room("rm_00010").unwrap().room.title, "Lighthouse");
    assert_eq!(search_total(&store, "harbor"), 2_499);
    // The checkpoint ran in the background: the rows are in the database file itself,
    // not only in the write-ahead log.
    store.wait_for_checkpoint();
    let db_size = std::fs::metadata(database_path(dir.path())).unwrap().len();
    assert!(db_size > 1_000_000, "database file holds {db_size} bytes");

    // Same pull again in id order: only the duplicate's two copies are written (each
    // differs from the row the other left); the listing is in the contract's order.
    pulled.sort_by(|a, b| a.id.cmp(&b.id));
    let report = store.upsert_rooms(&pulled).unwrap();
    assert_eq!((report.written, report.unchanged), (2, 2_499), "{report:?}");
    let q = ListQuery {
        limit: 100,
        sort_by: SortField::TotalEngagements,
        sort_direction: SortDirection::Desc,
        page: 3,
    };
    let (page, total) = store.list_rooms(&q, None).unwrap();
    assert_eq!(total, 2_500);
    let mut expected: Vec<Room> = store_rooms(&store);
    roomdesk_model::sort_rooms(&mut expected, q.sort_by, q.sort_direction);
    let expected: Vec<String> = expected[200..300].iter().map(|r| r.id.clone()).collect();
    assert_eq!(ids(&page), expected);

    drop(store);
    let reopened = Store::open(dir.path()).unwrap();
    assert_eq!(reopened.room_count().unwrap(), 2_500);
}

fn store_rooms(store: &Store) -> Vec<Room> {
    let q = ListQuery {
        limit: 100,
        ..Default::default()
    };
    let mut all = Vec::new();
    for page in 1.. {
        let (rooms, total) = store.list_rooms(&ListQuery { page, ..q }, None).unwrap();
        all.extend(rooms.into_iter().map(|r| r.room));
        if all.len() as u64 >= total {
            break;
        }
    }
    all
}

#[test]
fn a_bulk_full_pull_renames_removes_and_keeps_local_edits() {
    let (_dir, store) = temp_store();
    store.upsert_rooms(&rooms(3_000, "Harbor")).unwrap();
    store
        .record_patch(
            "rm_00005",
            &RoomPatch {
                title: Some("Mine".into()),
                ..Default::default()
            },
        )
        .unwrap();
    // The server renamed every room and dropped the last 1000.
    let report = store.replace_all_rooms(&rooms(2_000, "Quay")).unwrap();
    assert_eq!(report.written, 1_999, "{report:?}");
    assert_eq!(report.kept_local, 1);
    assert_eq!(report.removed, 1_000);
    assert_eq!(store.room_count().unwrap(), 2_000);
    // The room with a pending edit keeps the version it was made against.
    assert_eq!(search_total(&store, "harbor"), 1);
    assert_eq!(search_total(&store, "quay"), 1_999);
    assert_eq!(search_total(&store, "mine"), 1);
    assert_eq!(store.get_room("rm_00005").unwrap().room.title, "Mine");
    assert!(store.find_room("rm_02500").unwrap().is_none());
}
