//! "Reset local cache": cached server rooms go; unsynced work (drafts, pending edits,
//! conflicts) stays unless the caller drops it too; listing and search follow.

#![allow(clippy::unwrap_used)] // fixtures outside #[test] fns panic on setup failure, as tests should

mod common;

use common::{ids, room, temp_store};
use roomdesk_model::{ListQuery, NewRoom, RoomPatch};
use roomdesk_store::{CacheCleared, NewConflict};
use serde_json::json;

fn all_ids(store: &roomdesk_store::Store, search: Option<&str>) -> Vec<String> {
    let (rooms, _) = store.list_rooms(&ListQuery::default(), search).unwrap();
    let mut ids = ids(&rooms);
    ids.sort();
    ids
}

#[test]
fn keeps_unsynced_work_unless_told_to_drop_it() {
    let (_dir, store) = temp_store();
    store
        .upsert_rooms(&[
            room("rm_1", "Acme"),
            room("rm_2", "Globex"),
            room("rm_3", "Initech"),
            room("rm_4", "Umbrella"),
        ])
        .unwrap();
    // Searched once, so the index in memory must notice the removals.
    assert_eq!(all_ids(&store, Some("acme")), vec!["rm_1"]);
    let edited = store
        .record_patch(
            "rm_2",
            &RoomPatch {
                title: Some("Globex renamed".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let draft = store
        .create_draft(&NewRoom {
            title: Some("Offline idea".into()),
            ..Default::default()
        })
        .unwrap();
    let draft_id = draft.room.id.clone();
    store
        .record_patch(
            "rm_3",
            &RoomPatch {
                cover_title: Some("Mine".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let mut theirs = room("rm_3", "Initech");
    theirs.cover_title = Some("Theirs".into());
    store
        .put_conflicts(
            "rm_3",
            &theirs,
            &[NewConflict {
                field: roomdesk_model::RoomField::CoverTitle,
                mine: json!("Mine"),
                theirs: json!("Theirs"),
                base: json!("Welcome to Initech"),
            }],
        )
        .unwrap();
    let outbox_before = store.outbox().unwrap();

    let cleared = store.clear_cache(false).unwrap();
    assert_eq!(
        cleared,
        CacheCleared {
            rooms_removed: 2,
            changes_dropped: 0,
            conflicts_dropped: 0,
            rooms_kept: 3,
        }
    );
    let mut expected = vec![draft_id.clone(), "rm_2".to_string(), "rm_3".to_string()];
    expected.sort();
    assert_eq!(all_ids(&store, None), expected);
    assert!(
        all_ids(&store, Some("acme")).is_empty(),
        "search forgets removed rooms"
    );
    assert_eq!(all_ids(&store, Some("renamed")), vec!["rm_2"]);
    assert_eq!(
        store.get_room("rm_2").unwrap().room,
        edited.room,
        "the edit's view is untouched"
    );
    assert_eq!(store.outbox().unwrap(), outbox_before);
    assert_eq!(store.conflicts().unwrap().len(), 1);
    assert!(store.find_room("rm_1").unwrap().is_none());

    // A pull brings the cache back without touching the kept work.
    store.upsert_rooms(&[room("rm_1", "Acme")]).unwrap();
    assert_eq!(all_ids(&store, Some("acme")), vec!["rm_1"]);

    let cleared = store.clear_cache(true).unwrap();
    assert_eq!(
        cleared,
        CacheCleared {
            rooms_removed: 4,
            changes_dropped: outbox_before.len() as u64,
            conflicts_dropped: 1,
            rooms_kept: 0,
        }
    );
    assert!(all_ids(&store, None).is_empty());
    assert!(all_ids(&store, Some("renamed")).is_empty());
    assert!(store.outbox().unwrap().is_empty());
    assert!(store.conflicts().unwrap().is_empty());
    assert_eq!(store.room_count().unwrap(), 0);
}
