//! Readers beside the writer: a reader answers from the last commit while the database is
//! write-locked, follows every commit (listing orders and search included) and refuses
//! writes; a listing written in batches leaves the same removal candidates as one
//! transaction.

#![allow(clippy::unwrap_used)] // fixtures outside #[test] fns panic on setup failure, as tests should

mod common;

use common::{ids, room, temp_store};
use roomdesk_model::{ListQuery, Room, RoomPatch, SortDirection, SortField};
use roomdesk_store::{open_connection, Store};
use std::collections::HashSet;
use std::sync::{mpsc, Arc, Barrier};

/// A room whose only searchable word is its title.
fn bare(id: &str, title: &str) -> Room {
    Room {
        cover_title: None,
        ..room(id, title)
    }
}

fn page(store: &Store, search: Option<&str>) -> (Vec<String>, u64) {
    let q = ListQuery {
        limit: 100,
        sort_by: SortField::CreatedAt,
        sort_direction: SortDirection::Asc,
        page: 1,
    };
    let (rooms, total) = store.list_rooms(&q, search).unwrap();
    (ids(&rooms), total)
}

#[test]
fn a_reader_answers_the_last_commit_while_another_connection_holds_the_write_lock() {
    let (_dir, store) = temp_store();
    store
        .upsert_rooms(&[bare("rm_1", "Acme"), bare("rm_2", "Globex")])
        .unwrap();
    let reader = Store::open_reader(store.path()).unwrap();
    assert_eq!(page(&reader, Some("acme")).0, ["rm_1"]);

    // A writer on a thread of its own: write lock taken, rows changed, not committed,
    // parked until the reads below are done.
    let path = store.path().to_path_buf();
    let holding = Arc::new(Barrier::new(2));
    let (release, released) = mpsc::channel::<()>();
    let writer = {
        let holding = holding.clone();
        std::thread::spawn(move || {
            let conn = open_connection(&path).unwrap();
            conn.execute_batch(
                "BEGIN IMMEDIATE;
                 UPDATE rooms SET title = 'Initech' WHERE id = 'rm_1';
                 DELETE FROM rooms WHERE id = 'rm_2';",
            )
            .unwrap();
            holding.wait();
            released.recv().unwrap();
            conn.execute_batch("COMMIT").unwrap();
        })
    };
    holding.wait();
    // The write lock is held right now: the writer store cannot write.
    let blocked = open_connection(store.path()).unwrap();
    blocked.busy_timeout(std::time::Duration::ZERO).unwrap();
    assert!(blocked.execute_batch("BEGIN IMMEDIATE").is_err());

    assert_eq!(page(&reader, None), (vec!["rm_1".into(), "rm_2".into()], 2));
    assert_eq!(page(&reader, Some("acme")).0, ["rm_1"]);
    assert_eq!(reader.get_room("rm_2").unwrap().room.title, "Globex");

    release.send(()).unwrap();
    writer.join().unwrap();
    // The commit is seen at the next call: orders and the search index follow it.
    assert_eq!(page(&reader, None), (vec!["rm_1".into()], 1));
    assert_eq!(page(&reader, Some("acme")).1, 0);
    assert_eq!(page(&reader, Some("initech")).0, ["rm_1"]);
}

#[test]
fn a_reader_follows_the_writers_edits_and_refuses_to_write() {
    let (_dir, store) = temp_store();
    store.upsert_rooms(&[bare("rm_1", "Acme")]).unwrap();
    let reader = Store::open_reader(store.path()).unwrap();
    assert_eq!(page(&reader, Some("acme")).0, ["rm_1"]);
    store
        .record_patch(
            "rm_1",
            &RoomPatch {
                title: Some("Umbrella".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(page(&reader, Some("acme")).1, 0);
    assert_eq!(page(&reader, Some("umbr")).0, ["rm_1"]);
    assert_eq!(reader.outbox().unwrap().len(), 1);

    assert!(reader.upsert_rooms(&[room("rm_9", "Nope")]).is_err());
    assert!(store.find_room("rm_9").unwrap().is_none());
}

#[test]
fn a_listing_written_in_batches_leaves_the_same_candidates_for_removal() {
    let (_dir, store) = temp_store();
    let cached: Vec<Room> = (0..10).map(|i| bare(&format!("rm_{i}"), "Old")).collect();
    store.upsert_rooms(&cached).unwrap();
    store
        .record_patch(
            "rm_8",
            &RoomPatch {
                title: Some("Mine".into()),
                ..Default::default()
            },
        )
        .unwrap();
    // The server now lists rm_0..rm_5 (renamed) and a new rm_x.
    let mut listing: Vec<Room> = (0..6).map(|i| bare(&format!("rm_{i}"), "New")).collect();
    listing.push(bare("rm_x", "New"));
    for batch in listing.chunks(3) {
        store.upsert_rooms(batch).unwrap();
    }
    let listed: HashSet<String> = listing.iter().map(|r| r.id.clone()).collect();
    let mut unlisted = store.unlisted_rooms(&listed).unwrap();
    unlisted.sort();
    // rm_8 has a pending edit: never a candidate. Nothing was removed.
    assert_eq!(unlisted, ["rm_6", "rm_7", "rm_9"]);
    assert_eq!(store.room_count().unwrap(), 11);
    assert_eq!(page(&store, Some("new")).1, 7);

    let (_, in_one_go) = store.upsert_listing(&listing).unwrap();
    let mut in_one_go = in_one_go;
    in_one_go.sort();
    assert_eq!(in_one_go, unlisted);
}
