//! The local listing is exactly the contract order (`compare_rooms`), drafts included,
//! for random rooms full of nulls, ties and differently written instants.

#![allow(clippy::unwrap_used)] // fixtures outside #[test] fns panic on setup failure, as tests should

mod common;

use common::{ids, temp_store, T0};
use proptest::prelude::*;
use roomdesk_model::{
    compare_rooms, format_timestamp, ListQuery, NewRoom, Room, SortDirection, SortField,
};
use roomdesk_store::LocalState;

/// A timestamp from a small set (ties), sometimes with an offset (same instant, other
/// text), sometimes unparseable (sorts as null).
fn instant() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        2 => Just(None),
        1 => Just(Some("not a date".to_string())),
        6 => (0i64..6).prop_map(|h| Some(format_timestamp(T0 + h * 3_600_000))),
        2 => (0i64..6).prop_map(|h| {
            // Same instant written at +02:00.
            let utc = format_timestamp(T0 + h * 3_600_000 + 7_200_000);
            Some(utc.replace('Z', "+02:00"))
        }),
    ]
}

fn engagements() -> impl Strategy<Value = Option<i64>> {
    prop_oneof![2 => Just(None), 5 => (0i64..4).prop_map(Some)]
}

fn rooms() -> impl Strategy<Value = Vec<Room>> {
    prop::collection::vec((instant(), instant(), engagements(), instant()), 0..40).prop_map(
        |rows| {
            rows.into_iter()
                .enumerate()
                .map(|(i, (c, u, e, l))| Room {
                    // Ids not in insertion order, so ties really are broken by id.
                    id: format!("rm_{:03}", (i * 37) % 101),
                    title: format!("Room {i}"),
                    created_at: c.unwrap_or_default(),
                    updated_at: u.unwrap_or_default(),
                    total_engagements: e,
                    last_engaged_at: l,
                    ..Default::default()
                })
                .collect()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_page_of_every_order_matches_compare_rooms(
        rooms in rooms(),
        drafts in 0usize..4,
        limit in 1u32..8,
    ) {
        let (_dir, store) = temp_store();
        store.upsert_rooms(&rooms).unwrap();
        let mut all: Vec<Room> = rooms.clone();
        for d in 0..drafts {
            let draft = store
                .create_draft(&NewRoom { title: Some(format!("Draft {d}")), ..Default::default() })
                .unwrap();
            prop_assert_eq!(draft.state, LocalState::Draft);
            all.push(draft.room);
        }
        for field in SortField::ALL {
            for direction in [SortDirection::Asc, SortDirection::Desc] {
                let mut expected = all.clone();
                expected.sort_by(|a, b| compare_rooms(a, b, field, direction));
                let expected: Vec<String> = expected.into_iter().map(|r| r.id).collect();
                let pages = expected.len() as u32 / limit + 2;
                let mut got = Vec::new();
                for page in 1..=pages {
                    let q = ListQuery { page, limit, sort_by: field, sort_direction: direction };
                    let (rooms, total) = store.list_rooms(&q, None).unwrap();
                    prop_assert_eq!(total as usize, expected.len());
                    let start = ((page - 1) * limit) as usize;
                    let end = (start + limit as usize).min(expected.len());
                    let want = if start < expected.len() { &expected[start..end] } else { &[][..] };
                    prop_assert_eq!(&ids(&rooms), want, "page {} of {}/{}", page, field, direction);
                    got.extend(ids(&rooms));
                }
                prop_assert_eq!(got, expected);
            }
        }
    }
}

#[test]
fn drafts_list_with_their_local_creation_time_and_no_engagements() {
    let (_dir, store) = temp_store();
    let old = Room {
        id: "rm_old".into(),
        created_at: format_timestamp(T0),
        updated_at: format_timestamp(T0),
        total_engagements: Some(5),
        ..Default::default()
    };
    store.upsert_rooms(&[old]).unwrap();
    let draft = store.create_draft(&NewRoom::default()).unwrap();
    assert!(draft.room.id.starts_with("draft-"));
    assert_eq!(draft.room.total_engagements, None);
    assert_eq!(draft.room.created_at, draft.room.updated_at);
    let q = ListQuery {
        limit: 10,
        ..Default::default()
    }; // createdAt DESC
    let (rooms, total) = store.list_rooms(&q, None).unwrap();
    assert_eq!(total, 2);
    assert_eq!(ids(&rooms), [draft.room.id.clone(), "rm_old".into()]);
    let q = ListQuery {
        sort_by: SortField::TotalEngagements,
        ..q
    };
    let (rooms, _) = store.list_rooms(&q, None).unwrap();
    assert_eq!(ids(&rooms), ["rm_old".to_string(), draft.room.id]);
}

#[test]
fn a_bad_query_names_the_field() {
    let (_dir, store) = temp_store();
    let err = store
        .list_rooms(
            &ListQuery {
                limit: 0,
                ..Default::default()
            },
            None,
        )
        .unwrap_err();
    assert_eq!(err.field().as_deref(), Some("limit"));
}

#[test]
fn a_listing_sees_what_another_connection_wrote() {
    let (dir, store) = temp_store();
    let q = ListQuery {
        limit: 10,
        ..Default::default()
    };
    store.upsert_rooms(&[common::room("rm_1", "A")]).unwrap();
    assert_eq!(store.list_rooms(&q, None).unwrap().1, 1);
    let other = roomdesk_store::Store::open(dir.path()).unwrap();
    let mut newer = common::room("rm_2", "B");
    newer.created_at = format_timestamp(T0 + 5);
    other.upsert_rooms(&[newer]).unwrap();
    let (rooms, total) = store.list_rooms(&q, None).unwrap();
    assert_eq!(total, 2);
    assert_eq!(ids(&rooms), ["rm_2", "rm_1"]);
    // And its own edits keep the order valid while changes to sort keys rebuild it.
    store
        .record_patch(
            "rm_1",
            &roomdesk_model::RoomPatch {
                title: Some("A2".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let (rooms, _) = store.list_rooms(&q, None).unwrap();
    assert_eq!(rooms[1].room.title, "A2");
    other.replace_all_rooms(&[]).unwrap();
    assert_eq!(ids(&store.list_rooms(&q, None).unwrap().0), ["rm_1"]);
}
