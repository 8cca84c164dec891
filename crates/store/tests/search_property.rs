//! Search against a reference, for random rooms and random writes: after every step the
//! rooms found are exactly those whose words (folded by a hand-written table, not by
//! the store's code) hold every word typed and a word starting with the last one.

#![allow(clippy::unwrap_used)] // fixtures outside #[test] fns panic on setup failure, as tests should

mod common;

use common::{room, temp_store};
use proptest::prelude::*;
use roomdesk_model::{ListQuery, NewRoom, Room, RoomPatch, SortDirection, SortField};
use roomdesk_store::Store;
use std::collections::BTreeSet;

/// Words as rooms spell them, and how search must see them.
const WORDS: &[(&str, &str)] = &[
    ("Kraków", "krakow"),
    ("KRAKOW", "krakow"),
    ("krakow", "krakow"),
    ("Müller", "muller"),
    ("MULLER", "muller"),
    ("école", "ecole"),
    ("École", "ecole"),
    ("Ecole", "ecole"),
    ("Cafe\u{301}", "cafe"), // the accent as a combining mark
    ("Café", "cafe"),
    ("CAFÉ", "cafe"),
    ("cafeteria", "cafeteria"),
    ("İzmir", "izmir"),
    ("Straße", "straße"),
    ("onboarding", "onboarding"),
    ("Onboard", "onboard"),
    ("on", "on"),
    ("2026", "2026"),
    ("Q3", "q3"),
    ("日本", "日本"),
];

/// What separates words in the generated text (none of it is a letter or a digit).
const GAPS: &[&str] = &[" ", ", ", " – ", "-", " (", ") ", "/", " \"", "' "];

fn fold(surface: &str) -> &'static str {
    WORDS.iter().find(|(s, _)| *s == surface).unwrap().1
}

/// Text made of table words and gaps.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((0..WORDS.len(), 0..GAPS.len()), 1..5).prop_map(|parts| {
        let mut out = String::new();
        for (i, (w, g)) in parts.iter().enumerate() {
            if i > 0 {
                out.push_str(GAPS[*g]);
            }
            out.push_str(WORDS[*w].0);
        }
        out
    })
}

/// The folded words of a text, by the table: split on the gaps' characters.
fn reference_words(text: &str) -> BTreeSet<&'static str> {
    text.split(|c: char| " ,–-()/\"'".contains(c))
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// A search: whole words as rooms spell them, and a prefix of a folded word (its ASCII
/// letters sometimes upper case). Returns what to type and the folded words and prefix.
#[derive(Debug, Clone)]
struct Typed {
    input: String,
    words: Vec<&'static str>,
    prefix: String,
}

fn typed() -> impl Strategy<Value = Typed> {
    (
        prop::collection::vec(0..WORDS.len(), 0..3),
        0..WORDS.len(),
        1usize..8,
        any::<bool>(),
    )
        .prop_map(|(whole, last, len, upper)| {
            let folded = WORDS[last].1;
            let prefix: String = folded.chars().take(len).collect();
            let shown = if upper {
                prefix.to_ascii_uppercase()
            } else {
                prefix.clone()
            };
            let mut input: Vec<String> = whole.iter().map(|w| WORDS[*w].0.to_string()).collect();
            input.push(shown);
            Typed {
                input: input.join(" "),
                words: whole.iter().map(|w| WORDS[*w].1).collect(),
                prefix,
            }
        })
}

#[derive(Debug, Clone)]
enum Step {
    /// A local edit of room `i % n`.
    Edit(usize, String, Option<String>),
    /// A pull that renames room `i % n` on the server.
    Pull(usize, String),
    /// A full pull listing every cached room except `i % n`.
    Drop(usize),
    /// A draft, discarded again when `discard`.
    Draft(String, bool),
    /// Another connection edits room `i % n` and commits.
    Elsewhere(usize, String),
    Search(Typed),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        2 => (any::<usize>(), text(), prop::option::of(text()))
            .prop_map(|(i, t, d)| Step::Edit(i, t, d)),
        2 => (any::<usize>(), text()).prop_map(|(i, t)| Step::Pull(i, t)),
        1 => any::<usize>().prop_map(Step::Drop),
        1 => (text(), any::<bool>()).prop_map(|(t, d)| Step::Draft(t, d)),
        1 => (any::<usize>(), text()).prop_map(|(i, t)| Step::Elsewhere(i, t)),
        4 => typed().prop_map(Step::Search),
    ]
}

fn all_rooms(store: &Store) -> Vec<Room> {
    let q = ListQuery {
        limit: 100,
        ..Default::default()
    };
    let (rooms, total) = store.list_rooms(&q, None).unwrap();
    assert!(total <= 100);
    rooms.into_iter().map(|r| r.room).collect()
}

fn check(store: &Store, typed: &Typed) {
    let mut expected: Vec<String> = all_rooms(store)
        .iter()
        .filter(|r| {
            let mut words = reference_words(&r.title);
            for t in [&r.cover_title, &r.description].into_iter().flatten() {
                words.extend(reference_words(t));
            }
            typed.words.iter().all(|w| words.contains(w))
                && words.iter().any(|w| w.starts_with(typed.prefix.as_str()))
        })
        .map(|r| r.id.clone())
        .collect();
    expected.sort();
    let q = ListQuery {
        limit: 100,
        sort_by: SortField::UpdatedAt,
        sort_direction: SortDirection::Desc,
        page: 1,
    };
    let (found, total) = store.list_rooms(&q, Some(&typed.input)).unwrap();
    let mut found: Vec<String> = found.into_iter().map(|r| r.room.id).collect();
    found.sort();
    assert_eq!(found, expected, "{:?}", typed.input);
    assert_eq!(total as usize, expected.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn search_matches_the_reference_through_random_writes(
        titles in prop::collection::vec((text(), prop::option::of(text())), 1..25),
        steps in prop::collection::vec(step(), 1..30),
    ) {
        let (dir, store) = temp_store();
        let mut server: Vec<Room> = titles
            .iter()
            .enumerate()
            .map(|(i, (title, cover))| {
                let mut r = room(&format!("rm_{i:03}"), title);
                r.cover_title = cover.clone();
                r
            })
            .collect();
        store.upsert_rooms(&server).unwrap();
        let other = Store::open(dir.path()).unwrap();
        for step in steps {
            let n = server.len();
            match step {
                Step::Edit(i, title, description) => {
                    if n > 0 {
                        let patch = RoomPatch {
                            title: Some(title),
                            description,
                            ..Default::default()
                        };
                        store.record_patch(&server[i % n].id, &patch).unwrap();
                    }
                }
                Step::Pull(i, title) => {
                    if n > 0 {
                        server[i % n].title = title;
                        store.upsert_rooms(&server[i % n..=i % n]).unwrap();
                    }
                }
                Step::Drop(i) => {
                    if n > 0 {
                        server.remove(i % n);
                        // A room with local edits stays cached (and searchable).
                        store.replace_all_rooms(&server).unwrap();
                    }
                }
                Step::Draft(title, discard) => {
                    let draft = store
                        .create_draft(&NewRoom {
                            title: Some(title),
                            ..Default::default()
                        })
                        .unwrap();
                    if discard {
                        store.discard_draft(&draft.room.id).unwrap();
                    }
                }
                Step::Elsewhere(i, title) => {
                    if n > 0 {
                        let patch = RoomPatch {
                            title: Some(title),
                            ..Default::default()
                        };
                        other.record_patch(&server[i % n].id, &patch).unwrap();
                    }
                }
                Step::Search(typed) => check(&store, &typed),
            }
        }
        // And once more at the end, with a query every room's words can answer.
        check(&store, &Typed { input: "o".into(), words: vec![], prefix: "o".into() });
    }
}
