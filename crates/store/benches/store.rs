//! Store benchmark: prints each figure next to a naive baseline measured in the same run.
//! `cargo bench -p roomdesk-store --bench store` (ROOMDESK_BENCH_ROOMS to change the size).
//!
//! Goals (issue 3): a page of 50 for every sort field × direction × first/middle/last page
//! with median ≤ 2 ms; full-text search ≤ 5 ms; bulk upsert ≥ 100,000 rooms/s; opening
//! the database ≤ 20 ms.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark binary: failing loudly is right

use roomdesk_model::{ListQuery, Room, RoomPatch, SortDirection, SortField};
use roomdesk_store::{open_connection, Store};
use rusqlite::Connection;
use std::time::{Duration, Instant};

const RUNS: usize = 15;

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    f(); // warm the cache and the statement cache
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn ms(d: Duration) -> String {
    format!("{:8.3} ms", d.as_secs_f64() * 1000.0)
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "MISSED"
    }
}

/// The naive shape: sort the whole table (no index), OFFSET from the front, whole rows.
fn naive_page(conn: &Connection, field: SortField, dir: SortDirection, offset: u64) -> usize {
    let col = match field {
        SortField::CreatedAt => "created_ms",
        SortField::UpdatedAt => "updated_ms",
        SortField::TotalEngagements => "engagements",
        SortField::LastEngagedAt => "last_engaged_ms",
    };
    let sql = format!(
        "SELECT COALESCE(view_json, server_json) FROM rooms NOT INDEXED
         ORDER BY {col} {}, id ASC LIMIT 50 OFFSET ?1",
        dir.as_str()
    );
    let mut stmt = conn.prepare_cached(&sql).unwrap();
    let rows = stmt
        .query_map([offset as i64], |r| r.get::<_, String>(0))
        .unwrap();
    rows.count()
}

fn main() {
    let n: usize = std::env::var("ROOMDESK_BENCH_ROOMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    let rooms: Vec<Room> = roomdesk_emulator::generate_rooms(n, 42);
    println!("generated {n} rooms in {}", ms(t.elapsed()));

    // --- bulk upsert -------------------------------------------------------------------
    let store = Store::open(dir.path()).unwrap();
    let t = Instant::now();
    let report = store.upsert_rooms(&rooms).unwrap();
    let fresh = t.elapsed();
    assert_eq!(report.written, n);
    // The WAL checkpoint of a bulk write runs on a background connection: report it.
    let t = Instant::now();
    store.wait_for_checkpoint();
    let checkpoint_wait = t.elapsed();
    let t = Instant::now();
    let report = store.replace_all_rooms(&rooms).unwrap();
    let again = t.elapsed();
    assert_eq!(report.unchanged, n);
    // Baseline: one transaction per room (autocommit), on a sample, same schema.
    let sample = &rooms[..n.min(2_000)];
    let base_dir = tempfile::tempdir().unwrap();
    let base_store = Store::open(base_dir.path()).unwrap();
    let t = Instant::now();
    for r in sample {
        base_store.upsert_rooms(std::slice::from_ref(r)).unwrap();
    }
    let per_room = t.elapsed().as_secs_f64() / sample.len() as f64;
    drop(base_store);
    let rate = n as f64 / fresh.as_secs_f64();
    println!("\n== bulk upsert (goal ≥ 100,000 rooms/s)");
    println!(
        "  into an empty cache : {:>9.0} rooms/s ({})  baseline, a transaction per room: {:>7.0} rooms/s  {}",
        rate,
        ms(fresh).trim(),
        1.0 / per_room,
        verdict(rate >= 100_000.0)
    );
    println!(
        "  its WAL checkpoint, in the background, finished {} after the upsert returned",
        ms(checkpoint_wait).trim()
    );
    println!(
        "  full pull, unchanged: {:>9.0} rooms/s ({})",
        n as f64 / again.as_secs_f64(),
        ms(again).trim()
    );
    drop(store);

    // --- open --------------------------------------------------------------------------
    let path = roomdesk_store::database_path(dir.path());
    let open = median(RUNS, || {
        let s = Store::open(dir.path()).unwrap();
        assert_eq!(s.room_count().unwrap(), n as u64);
    });
    let bare = median(RUNS, || {
        let c = Connection::open(&path).unwrap();
        let _: i64 = c
            .query_row("SELECT count(*) FROM rooms", [], |r| r.get(0))
            .unwrap();
    });
    println!("\n== open the database + count (goal ≤ 20 ms)");
    println!(
        "  Store::open {}   baseline, bare Connection::open {}  {}",
        ms(open),
        ms(bare),
        verdict(open <= Duration::from_millis(20))
    );

    // --- listing -----------------------------------------------------------------------
    let store = Store::open(dir.path()).unwrap();
    let naive = open_connection(&path).unwrap();
    let last_page = (n as u32).div_ceil(50);
    println!("\n== a page of 50 of {n} rooms, median of {RUNS} (goal ≤ 2 ms each)");
    println!(
        "  {:<17} {:<4} {:>6}  {:>11}  {:>18}",
        "sortBy", "dir", "page", "store", "naive ORDER BY/OFFSET"
    );
    let mut worst = Duration::ZERO;
    for field in SortField::ALL {
        for dir in [SortDirection::Asc, SortDirection::Desc] {
            for page in [1, last_page / 2, last_page] {
                let q = ListQuery {
                    page,
                    limit: 50,
                    sort_by: field,
                    sort_direction: dir,
                };
                let d = median(RUNS, || {
                    let (rooms, _) = store.list_rooms(&q, None).unwrap();
                    assert!(!rooms.is_empty());
                });
                let b = median(5, || {
                    naive_page(&naive, field, dir, q.offset());
                });
                worst = worst.max(d);
                println!(
                    "  {:<17} {:<4} {:>6}  {}  {}  {}",
                    field.as_str(),
                    dir.as_str(),
                    page,
                    ms(d),
                    ms(b),
                    verdict(d <= Duration::from_millis(2))
                );
            }
        }
    }
    println!("  worst page: {}", ms(worst));
    // After a write that changes sort keys, the first listing rebuilds its order.
    let mut rebuilt = Vec::new();
    for (i, room) in rooms.iter().take(5).enumerate() {
        let mut r = room.clone();
        r.total_engagements = Some(1_000 + i as i64);
        store.upsert_rooms(&[r]).unwrap();
        let q = ListQuery {
            page: last_page / 2,
            limit: 50,
            sort_by: SortField::TotalEngagements,
            sort_direction: SortDirection::Desc,
        };
        let t = Instant::now();
        store.list_rooms(&q, None).unwrap();
        rebuilt.push(t.elapsed());
    }
    rebuilt.sort();
    println!(
        "  first page after a write that changed sort keys (re-reads keys, sorts): {}",
        ms(rebuilt[2])
    );

    // --- search ------------------------------------------------------------------------
    println!("\n== full-text search, page of 50 by updatedAt DESC, median of {RUNS} (goal ≤ 5 ms)");
    println!(
        "  {:<22} {:>7}  {:>6}  {:>11}  {:>20}",
        "query", "matches", "page", "store", "naive LIKE scan"
    );
    for text in [
        "hooli",
        "kraków",
        "krakow kra",
        "pilot kick",
        "onboarding",
        "wel",
    ] {
        let (_, total) = store
            .list_rooms(
                &ListQuery {
                    limit: 50,
                    sort_by: SortField::UpdatedAt,
                    ..Default::default()
                },
                Some(text),
            )
            .unwrap();
        let last = (total as u32).div_ceil(50).max(1);
        for page in [1, last / 2 + 1] {
            let q = ListQuery {
                page,
                limit: 50,
                sort_by: SortField::UpdatedAt,
                sort_direction: SortDirection::Desc,
            };
            let d = median(RUNS, || {
                store.list_rooms(&q, Some(text)).unwrap();
            });
            let first = text.split_whitespace().next().unwrap_or(text);
            let like = format!("%{first}%");
            let b = median(3, || {
                let mut stmt = naive
                    .prepare_cached(
                        "SELECT COALESCE(view_json, server_json) FROM rooms NOT INDEXED
                         WHERE title LIKE ?1 OR cover_title LIKE ?1 OR description LIKE ?1
                         ORDER BY updated_ms DESC, id LIMIT 50 OFFSET ?2",
                    )
                    .unwrap();
                let c = stmt
                    .query_map(rusqlite::params![like, q.offset() as i64], |r| {
                        r.get::<_, String>(0)
                    })
                    .unwrap()
                    .count();
                std::hint::black_box(c);
            });
            println!(
                "  {:<22} {:>7}  {:>6}  {}  {}  {}",
                format!("{text:?}"),
                total,
                page,
                ms(d),
                ms(b),
                verdict(d <= Duration::from_millis(5))
            );
        }
    }

    // The term index is read at the first search, kept up to date through single-row
    // writes, and read again after a pull or another connection's commit.
    let q = ListQuery {
        limit: 50,
        sort_by: SortField::UpdatedAt,
        ..Default::default()
    };
    let first_search = |store: &Store| {
        let t = Instant::now();
        let (_, total) = store.list_rooms(&q, Some("wel")).unwrap();
        assert!(total > 0);
        t.elapsed()
    };
    drop(store);
    let reopened = Store::open(dir.path()).unwrap();
    reopened.list_rooms(&q, None).unwrap(); // the listing order, measured above
    println!(
        "  first search after opening (reads the term index of {n} rooms): {}",
        ms(first_search(&reopened))
    );
    let mut edits = Vec::new();
    for (i, room) in rooms.iter().skip(10).take(5).enumerate() {
        let patch = RoomPatch {
            title: Some(format!("Welcome aboard, edit {i}")),
            ..Default::default()
        };
        reopened.record_patch(&room.id, &patch).unwrap();
        edits.push(first_search(&reopened));
    }
    edits.sort();
    println!(
        "  first search after a local edit of a title (re-reads that row): {}",
        ms(edits[2])
    );
    let mut renamed: Vec<Room> = rooms.iter().take(5_000).cloned().collect();
    for r in &mut renamed {
        r.title.push_str(" renamed");
    }
    reopened.upsert_rooms(&renamed).unwrap();
    println!(
        "  first search after a pull that changed 5,000 rooms (reads the index again): {}",
        ms(first_search(&reopened))
    );
    durable_commits(&reopened);
}

/// What a durable commit costs: `mark_uncertain` (recorded before a create is sent, with
/// `synchronous = FULL`) next to `create_draft` (a local write, `synchronous = NORMAL`).
fn durable_commits(store: &Store) {
    const N: usize = 31;
    let mut normal = Vec::new();
    let mut seqs = Vec::new();
    for i in 0..N {
        let body = roomdesk_model::NewRoom {
            title: Some(format!("Durable bench draft {i}")),
            ..Default::default()
        };
        let t = Instant::now();
        let draft = store.create_draft(&body).unwrap();
        normal.push(t.elapsed());
        let seq = store
            .outbox()
            .unwrap()
            .into_iter()
            .find(|e| e.room_id == draft.room.id)
            .unwrap()
            .seq;
        seqs.push(seq);
    }
    let mut full = Vec::new();
    for seq in seqs {
        let t = Instant::now();
        store.mark_uncertain(seq, 1, &[]).unwrap();
        full.push(t.elapsed());
    }
    normal.sort();
    full.sort();
    println!("\n== durable commits, median of {N}");
    println!(
        "  mark_uncertain (synchronous=FULL, records a send): {}   create_draft (NORMAL): {}",
        ms(full[N / 2]),
        ms(normal[N / 2])
    );
}
