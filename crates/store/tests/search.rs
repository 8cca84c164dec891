//! Full-text search: words, prefixes, diacritics, hostile input, order and paging.

#![allow(clippy::unwrap_used)] // fixtures outside #[test] fns panic on setup failure, as tests should

mod common;

use common::{ids, room, temp_store};
use roomdesk_model::{ListQuery, NewRoom, Room, RoomPatch, SortDirection, SortField};
use roomdesk_store::Store;

fn search(store: &Store, text: &str) -> (Vec<String>, u64) {
    let q = ListQuery {
        limit: 100,
        sort_by: SortField::TotalEngagements,
        sort_direction: SortDirection::Asc,
        page: 1,
    };
    let (rooms, total) = store.list_rooms(&q, Some(text)).unwrap();
    (ids(&rooms), total)
}

fn seeded() -> (tempfile::TempDir, Store) {
    let (dir, store) = temp_store();
    let mut rooms = vec![
        room("rm_1", "Acme Corp – Onboarding"),
        room("rm_2", "Globex renewal"),
        room("rm_3", "Café Müller pilot"),
        room("rm_4", "Initech \"quoted\" deal"),
    ];
    rooms[1].cover_title = Some("Acme partner portal".into());
    rooms[1].total_engagements = Some(1);
    rooms[0].total_engagements = Some(2);
    store.upsert_rooms(&rooms).unwrap();
    (dir, store)
}

#[test]
fn finds_words_in_title_and_cover_title_in_listing_order() {
    let (_dir, store) = seeded();
    // rm_2 matches by cover title; engagements ASC puts it first.
    assert_eq!(
        search(&store, "acme"),
        (vec!["rm_2".into(), "rm_1".into()], 2)
    );
    assert_eq!(search(&store, "acme onboarding").0, ["rm_1"]);
}

#[test]
fn the_last_word_is_a_prefix_and_diacritics_do_not_matter() {
    let (_dir, store) = seeded();
    assert_eq!(search(&store, "onboa").0, ["rm_1"]);
    assert_eq!(search(&store, "cafe muller").0, ["rm_3"]);
    assert_eq!(search(&store, "CAFÉ").0, ["rm_3"]);
}

#[test]
fn hostile_input_never_breaks_the_query() {
    let (_dir, store) = seeded();
    for input in [
        "\"",
        "\"quoted",
        "quoted\"",
        "(",
        "a OR",
        "NOT",
        "*",
        "acme AND NEAR(",
        "^x",
        "col:acme",
        "'; DROP TABLE rooms; --",
        "–",
    ] {
        let q = ListQuery::default();
        store
            .list_rooms(&q, Some(input))
            .unwrap_or_else(|e| panic!("{input:?}: {e}"));
    }
    assert_eq!(search(&store, "\"quoted\"").0, ["rm_4"]);
    assert_eq!(store.room_count().unwrap(), 4);
    // Input with no word lists everything.
    assert_eq!(search(&store, " -- ").1, 4);
}

#[test]
fn search_sees_local_edits_drafts_and_written_descriptions() {
    let (_dir, store) = seeded();
    store
        .record_patch(
            "rm_2",
            &RoomPatch {
                description: Some("Zanzibar expansion".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let draft = store
        .create_draft(&NewRoom {
            title: Some("Zanzibar kickoff".into()),
            ..Default::default()
        })
        .unwrap();
    let (found, total) = search(&store, "zanzibar");
    assert_eq!(total, 2);
    assert!(found.contains(&"rm_2".to_string()) && found.contains(&draft.room.id));
    // A pull of the same room without the description keeps the pending local view.
    let report = store
        .upsert_rooms(&[room("rm_2", "Globex renewal")])
        .unwrap();
    assert_eq!(report.kept_local, 1);
    assert!(search(&store, "zanzibar").0.contains(&"rm_2".to_string()));
    // Renamed rooms are found under the new name only.
    store
        .record_patch(
            "rm_1",
            &RoomPatch {
                title: Some("Umbrella".into()),
                cover_title: Some("Rain gear".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(search(&store, "umbrella").0, ["rm_1"]);
    assert!(!search(&store, "onboarding").0.contains(&"rm_1".to_string()));
}

#[test]
fn search_results_page_in_both_plans() {
    let (_dir, store) = temp_store();
    // 300 rooms; "common" in all of them, "rare" in every 30th.
    let rooms: Vec<Room> = (0..300)
        .map(|i| {
            let mut r = room(&format!("rm_{i:04}"), &format!("common room {i}"));
            if i % 30 == 0 {
                r.title.push_str(" rare");
            }
            r.total_engagements = Some(i % 7);
            r
        })
        .collect();
    store.upsert_rooms(&rooms).unwrap();
    for (word, every) in [("common", 1), ("rare", 30)] {
        for direction in [SortDirection::Asc, SortDirection::Desc] {
            let mut expected: Vec<&Room> =
                rooms.iter().filter(|r| r.title.contains(word)).collect();
            expected.sort_by(|a, b| {
                roomdesk_model::compare_rooms(a, b, SortField::TotalEngagements, direction)
            });
            let expected: Vec<String> = expected.iter().map(|r| r.id.clone()).collect();
            assert_eq!(expected.len(), 300 / every);
            let mut got = Vec::new();
            for page in 1..=(expected.len() as u32 / 7 + 1) {
                let q = ListQuery {
                    page,
                    limit: 7,
                    sort_by: SortField::TotalEngagements,
                    sort_direction: direction,
                };
                let (page_rooms, total) = store.list_rooms(&q, Some(word)).unwrap();
                assert_eq!(total as usize, expected.len());
                got.extend(ids(&page_rooms));
            }
            assert_eq!(got, expected, "{word} {direction}");
        }
    }
}

#[test]
fn a_pull_that_renames_a_room_reindexes_it() {
    let (_dir, store) = seeded();
    store
        .replace_all_rooms(&[
            room("rm_1", "Zeppelin launch"),
            room("rm_5", "Zeppelin docking"),
        ])
        .unwrap();
    assert_eq!(
        search(&store, "zeppelin"),
        (vec!["rm_1".into(), "rm_5".into()], 2)
    );
    assert_eq!(search(&store, "onboarding").1, 0);
    assert_eq!(
        search(&store, "globex").1,
        0,
        "removed rooms leave the index"
    );
}

/// Every write path keeps the index equal to the rooms' text: for each word in play,
/// the rooms found are exactly the rooms whose local view contains it.
#[test]
fn the_index_follows_every_write_path() {
    let (_dir, store) = seeded();
    let check = |step: &str| {
        let (all, _) = store
            .list_rooms(
                &ListQuery {
                    limit: 100,
                    ..Default::default()
                },
                None,
            )
            .unwrap();
        for word in ["acme", "globex", "yukon", "quasar", "nebula", "welcome"] {
            let mut expected: Vec<String> = all
                .iter()
                .filter(|r| {
                    let text = format!(
                        "{} {} {}",
                        r.room.title,
                        r.room.cover_title.clone().unwrap_or_default(),
                        r.room.description.clone().unwrap_or_default()
                    );
                    text.to_lowercase().contains(word)
                })
                .map(|r| r.room.id.clone())
                .collect();
            expected.sort();
            let mut found = search(&store, word).0;
            found.sort();
            assert_eq!(found, expected, "{step}: {word}");
        }
    };
    check("seeded");

    // A draft, then the server confirming it with another title.
    let draft = store
        .create_draft(&NewRoom {
            title: Some("Yukon expedition".into()),
            ..Default::default()
        })
        .unwrap();
    check("draft created");
    let seq = store.outbox().unwrap()[0].seq;
    let mut confirmed = room("rm_9", "Yukon expedition");
    confirmed.cover_title = Some("Quasar".into());
    store.complete_create(seq, &confirmed).unwrap();
    check("draft confirmed");
    assert!(store.find_room(&draft.room.id).unwrap().is_none());

    // A local edit, then the server answering the edit with its own newer title.
    store
        .record_patch(
            "rm_2",
            &RoomPatch {
                description: Some("Nebula plans".into()),
                ..Default::default()
            },
        )
        .unwrap();
    check("edit recorded");
    let entry = store.outbox().unwrap().pop().unwrap();
    let sent = RoomPatch {
        description: Some("Nebula plans".into()),
        ..Default::default()
    };
    let mut answer = room("rm_2", "Globex renamed by a colleague");
    answer.cover_title = None;
    store.complete_patch(entry.seq, &sent, &answer).unwrap();
    check("edit confirmed");
    // The description was written by this app: a pull without it keeps it searchable,
    // and a pull that renames the room re-indexes the title.
    store
        .upsert_rooms(&[room("rm_2", "Quasar relaunch")])
        .unwrap();
    check("pull renamed a room with written fields");
    assert_eq!(search(&store, "nebula").0, ["rm_2"]);

    // A discarded draft leaves the index; a pull that drops rooms too.
    let draft = store
        .create_draft(&NewRoom {
            title: Some("Nebula draft".into()),
            ..Default::default()
        })
        .unwrap();
    check("second draft");
    store.discard_draft(&draft.room.id).unwrap();
    check("draft discarded");
    store
        .replace_all_rooms(&[room("rm_2", "Quasar relaunch"), room("rm_3", "Acme x")])
        .unwrap();
    check("full pull");
    assert_eq!(store.room_count().unwrap(), 2);
}

/// The index in memory is read once, then follows this store's writes row by row, reads
/// everything again after a write of thousands of rows, and notices another
/// connection's commits.
#[test]
fn the_index_follows_small_and_large_writes_and_other_connections() {
    let (dir, store) = temp_store();
    let titled = |n: usize, title: &str| -> Vec<Room> {
        (0..n)
            .map(|i| room(&format!("rm_{i:05}"), &format!("{title} {i}")))
            .collect()
    };
    let total = |store: &Store, text: &str| search(store, text).1;
    store.upsert_rooms(&titled(3_000, "Harbor")).unwrap();
    assert_eq!(total(&store, "harbor"), 3_000, "read at the first search");

    // A few rows: re-read one by one.
    for id in ["rm_00001", "rm_00002", "rm_02999"] {
        let patch = RoomPatch {
            title: Some("Quay".into()),
            cover_title: Some("Welcome".into()),
            ..Default::default()
        };
        store.record_patch(id, &patch).unwrap();
    }
    assert_eq!(total(&store, "harbor"), 2_997);
    assert_eq!(
        search(&store, "qua").0,
        ["rm_00001", "rm_00002", "rm_02999"]
    );

    // A full pull that drops 500 rooms (rm_02999 has a pending edit and stays).
    store.replace_all_rooms(&titled(2_500, "Harbor")).unwrap();
    assert_eq!(total(&store, "harbor"), 2_498);
    assert_eq!(total(&store, "quay"), 3);

    // Thousands of rows changed: everything is read again.
    store.upsert_rooms(&titled(2_500, "Dock")).unwrap();
    assert_eq!(total(&store, "harbor"), 0);
    assert_eq!(total(&store, "dock"), 2_498);
    assert_eq!(total(&store, "quay"), 3);

    // Another connection (another window, the CLI) edits and commits.
    let other = Store::open(dir.path()).unwrap();
    let patch = RoomPatch {
        title: Some("Zephyr".into()),
        cover_title: Some("Welcome".into()),
        ..Default::default()
    };
    other.record_patch("rm_00100", &patch).unwrap();
    assert_eq!(search(&store, "zeph").0, ["rm_00100"]);
    assert_eq!(total(&store, "dock"), 2_497);
    // And this store's own later edits still count.
    store.discard_edits("rm_00100").unwrap();
    assert_eq!(total(&store, "zephyr"), 0);
    assert_eq!(total(&store, "dock"), 2_498);
}
