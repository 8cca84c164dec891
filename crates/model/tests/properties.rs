//! Properties of the room model over generated input: validation normalises once and for
//! all (a normalised body validates to itself), colors accept exactly the contract's two
//! hex forms, and the listing order is a total order that agrees with its sort key.

use proptest::prelude::*;
use roomdesk_model::{
    compare_rooms, sort_key, HexColor, NavColor, NewRoom, Room, SortDirection, SortField,
    NAV_COMPANY_COLOR, NAV_ORG_COLOR,
};
use std::cmp::Ordering;

fn hex_digit() -> impl Strategy<Value = char> {
    prop::sample::select("0123456789abcdefABCDEF".chars().collect::<Vec<_>>())
}

fn any_text() -> impl Strategy<Value = String> {
    // Unicode, blanks, control characters, long runs: whatever a user may paste.
    prop_oneof![
        "\\PC{0,40}",
        "[ \\t\\n]{0,5}",
        "[a-zA-Z0-9 #@.\\-]{0,30}",
        Just("x".repeat(2_001)),
    ]
}

fn optional(s: impl Strategy<Value = String>) -> impl Strategy<Value = Option<String>> {
    prop::option::of(s)
}

fn new_room() -> impl Strategy<Value = NewRoom> {
    (
        optional(any_text()),
        optional(any_text()),
        optional(prop_oneof![
            prop::collection::vec(hex_digit(), 3)
                .prop_map(|d| format!("#{}", String::from_iter(d))),
            prop::collection::vec(hex_digit(), 6)
                .prop_map(|d| format!("#{}", String::from_iter(d))),
            any_text(),
        ]),
        optional(prop_oneof![
            Just(NAV_ORG_COLOR.to_string()),
            Just(NAV_COMPANY_COLOR.to_string()),
            prop::collection::vec(hex_digit(), 6)
                .prop_map(|d| format!("#{}", String::from_iter(d))),
            any_text(),
        ]),
        optional(prop_oneof![
            "[a-z]{1,8}@[a-z]{1,8}\\.[a-z]{2,3}",
            any_text()
        ]),
        optional(prop_oneof!["[0-9]{1,12}", any_text()]),
        prop::option::of(any::<bool>()),
    )
        .prop_map(
            |(title, cover_title, theme_color, nav_color, email, hs_deal_id, cover_disabled)| {
                NewRoom {
                    title,
                    cover_title,
                    theme_color,
                    nav_color,
                    email,
                    hs_deal_id,
                    cover_disabled,
                    ..Default::default()
                }
            },
        )
}

fn timestamp() -> impl Strategy<Value = String> {
    prop_oneof![
        (0i64..4_000_000_000_000).prop_map(roomdesk_model::format_timestamp),
        Just(String::new()),
        Just("not a time".to_string()),
    ]
}

fn room() -> impl Strategy<Value = Room> {
    (
        "[a-c]{1,2}",
        timestamp(),
        timestamp(),
        prop::option::of(0i64..5),
        prop::option::of(timestamp()),
    )
        .prop_map(
            |(id, created_at, updated_at, total_engagements, last_engaged_at)| Room {
                id,
                created_at,
                updated_at,
                total_engagements,
                last_engaged_at,
                ..Default::default()
            },
        )
}

proptest! {
    #[test]
    fn validation_is_idempotent(body in new_room()) {
        if let Ok(normalised) = body.validate() {
            prop_assert_eq!(normalised.validate(), Ok(normalised.clone()));
        }
    }

    #[test]
    fn a_refused_body_names_only_fields_it_sent(body in new_room()) {
        if let Err(errors) = body.validate() {
            let sent = body.to_fields();
            prop_assert!(!errors.errors.is_empty());
            for e in &errors.errors {
                prop_assert!(sent.contains_key(&e.field), "{} was not sent: {:?}", e.field, errors);
            }
        }
    }

    #[test]
    fn hex_colors_normalise_to_upper_six_digits(digits in prop::collection::vec(hex_digit(), 0..9)) {
        let text = format!("#{}", String::from_iter(digits.iter()));
        match HexColor::parse(&text) {
            Ok(c) => {
                prop_assert!(digits.len() == 3 || digits.len() == 6);
                let s = c.as_str();
                prop_assert_eq!(s.len(), 7);
                prop_assert!(s[1..].chars().all(|ch| ch.is_ascii_digit() || ('A'..='F').contains(&ch)));
                prop_assert_eq!(HexColor::parse(s).map(|again| again.as_str().to_string()), Ok(s.to_string()));
                prop_assert!(NavColor::parse(s).is_ok());
            }
            Err(_) => prop_assert!(digits.len() != 3 && digits.len() != 6),
        }
    }

    #[test]
    fn listing_order_is_total_and_follows_the_key(
        a in room(), b in room(), c in room(),
        field in prop::sample::select(SortField::ALL.to_vec()),
        asc in any::<bool>(),
    ) {
        let direction = if asc { SortDirection::Asc } else { SortDirection::Desc };
        let cmp = |x: &Room, y: &Room| compare_rooms(x, y, field, direction);
        // Antisymmetric, equal only for the same id, transitive.
        prop_assert_eq!(cmp(&a, &b), cmp(&b, &a).reverse());
        prop_assert_eq!(cmp(&a, &b) == Ordering::Equal, a.id == b.id && sort_key(&a, field) == sort_key(&b, field));
        if cmp(&a, &b) != Ordering::Greater && cmp(&b, &c) != Ordering::Greater {
            prop_assert_ne!(cmp(&a, &c), Ordering::Greater);
        }
        // A room with a smaller key comes first ascending (null is the smallest), last descending.
        if sort_key(&a, field) < sort_key(&b, field) {
            let expected = if asc { Ordering::Less } else { Ordering::Greater };
            prop_assert_eq!(cmp(&a, &b), expected);
        }
    }
}
