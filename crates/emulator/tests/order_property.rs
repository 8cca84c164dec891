//! Property: for random room sets (with nulls and ties) and random queries, the pages the
//! emulator serves, concatenated, are in the contract's order (null smallest, ties by id
//! ascending in both directions) and hold every room exactly once.
//!
//! The order is checked with a predicate written here, independently of the model's
//! `compare_rooms`, on keys this test generated itself.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] fns

use proptest::prelude::*;
use roomdesk_emulator::{spawn, EmulatorConfig};
use roomdesk_model::{format_timestamp, Room};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};

const KEY: &str = "prop-key";
const BASE_MILLIS: i64 = 1_767_225_600_000; // 2026-01-01

/// Per room: createdAt, updatedAt, totalEngagements, lastEngagedAt as small numbers, so
/// that ties are frequent.
#[derive(Debug, Clone)]
struct Keys {
    created: i64,
    updated: i64,
    total: Option<i64>,
    last: Option<i64>,
}

fn keys_strategy() -> impl Strategy<Value = Keys> {
    (
        0i64..6,
        0i64..6,
        proptest::option::of(0i64..4),
        proptest::option::of(0i64..4),
    )
        .prop_map(|(c, u, t, l)| Keys {
            created: c,
            updated: u,
            total: t,
            last: l,
        })
}

fn room_set() -> impl Strategy<Value = Vec<(String, Keys)>> {
    proptest::collection::btree_map("[a-z0-9]{1,6}", keys_strategy(), 0..40).prop_map(|m| {
        m.into_iter()
            .map(|(id, k)| (format!("rm_{id}"), k))
            .collect()
    })
}

fn ts(step: i64) -> String {
    // Whole seconds apart, sometimes a millisecond apart: both must order correctly.
    format_timestamp(BASE_MILLIS + step * 1_000 + step % 2)
}

fn to_room(id: &str, k: &Keys) -> Room {
    Room {
        id: id.to_string(),
        title: format!("Room {id}"),
        created_at: ts(k.created),
        updated_at: ts(k.updated),
        total_engagements: k.total,
        last_engaged_at: k.last.map(ts),
        ..Default::default()
    }
}

fn key_of(k: &Keys, sort_by: &str) -> Option<i64> {
    match sort_by {
        "createdAt" => Some(k.created),
        "updatedAt" => Some(k.updated),
        "totalEngagements" => k.total,
        _ => k.last,
    }
}

/// May `a` come directly before `b`? Written from the contract's words, not from code.
fn may_precede(a: (Option<i64>, &str), b: (Option<i64>, &str), ascending: bool) -> bool {
    let key_order = match (a.0, b.0) {
        (None, None) => None,
        // null is the smallest value: first when ascending, last when descending.
        (None, Some(_)) => Some(ascending),
        (Some(_), None) => Some(!ascending),
        (Some(x), Some(y)) if x == y => None,
        (Some(x), Some(y)) => Some(if ascending { x < y } else { x > y }),
    };
    // Ties: id ascending, whatever the direction.
    key_order.unwrap_or(a.1 < b.1)
}

async fn fetch_all(base: &str, sort_by: &str, dir: &str, limit: usize) -> (Vec<String>, u64) {
    let http = reqwest::Client::new();
    let mut ids = Vec::new();
    let mut total = 0;
    for page in 1.. {
        let body: Value = http
            .get(format!(
                "{base}/api/v2/rooms?page={page}&limit={limit}&sortBy={sort_by}&sortDirection={dir}"
            ))
            .header("x-flowla-api-key", KEY)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        total = body["total"].as_u64().unwrap();
        let results = body["results"].as_array().unwrap();
        ids.extend(
            results
                .iter()
                .map(|r| r["id"].as_str().unwrap().to_string()),
        );
        if results.len() < limit {
            break;
        }
    }
    (ids, total)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn pages_concatenate_to_the_contract_order(
        rooms in room_set(),
        queries in proptest::collection::vec(
            (prop::sample::select(vec!["createdAt", "updatedAt", "totalEngagements", "lastEngagedAt"]),
             any::<bool>(), 1usize..8),
            1..5),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let json_state = dir.path().join("state.json");
        let state = dir.path().join("state.db");
        let stored: Vec<Room> = rooms.iter().map(|(id, k)| to_room(id, k)).collect();
        std::fs::write(&json_state, json!({"version": 1, "rooms": stored}).to_string()).unwrap();
        roomdesk_emulator::import_json_state(&json_state, &state).unwrap();
        let keys: HashMap<&str, &Keys> = rooms.iter().map(|(id, k)| (id.as_str(), k)).collect();

        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let emu = spawn("127.0.0.1:0".parse().unwrap(), EmulatorConfig {
                api_key: KEY.into(),
                state_file: Some(state),
                ..Default::default()
            }).await.unwrap();
            for (sort_by, ascending, limit) in &queries {
                let dir = if *ascending { "ASC" } else { "DESC" };
                let (ids, total) = fetch_all(&emu.base_url(), sort_by, dir, *limit).await;
                prop_assert_eq!(total as usize, rooms.len());
                prop_assert_eq!(ids.len(), rooms.len(), "paging dropped or repeated rooms");
                let unique: HashSet<&String> = ids.iter().collect();
                prop_assert_eq!(unique.len(), rooms.len(), "a room appeared twice");
                for pair in ids.windows(2) {
                    let a = (key_of(keys[pair[0].as_str()], sort_by), pair[0].as_str());
                    let b = (key_of(keys[pair[1].as_str()], sort_by), pair[1].as_str());
                    prop_assert!(may_precede(a, b, *ascending),
                        "{:?} before {:?} for {} {}", a, b, sort_by, dir);
                }
            }
            emu.shutdown().await;
            Ok(())
        })?;
    }
}

#[test]
fn the_predicate_itself_matches_the_contract_examples() {
    // Ascending: nulls first; descending: nulls last; ties by id in both.
    assert!(may_precede((None, "b"), (Some(0), "a"), true));
    assert!(!may_precede((None, "b"), (Some(0), "a"), false));
    assert!(may_precede((Some(5), "a"), (Some(5), "b"), false));
    assert!(!may_precede((Some(5), "b"), (Some(5), "a"), true));
    assert!(may_precede((Some(9), "z"), (Some(1), "a"), false));
    assert!(may_precede((None, "a"), (None, "b"), false));
}
