//! The rooms endpoints over real HTTP: auth, CRUD, validation, create modes and paging.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] fns

mod common;

use common::{call, error_messages, start, Api, KEY};
use roomdesk_model::parse_timestamp_millis;
use serde_json::{json, Value};
use std::collections::HashSet;

const ROOM_FIELDS: [&str; 16] = [
    "id",
    "title",
    "userId",
    "companyId",
    "createdAt",
    "updatedAt",
    "totalEngagements",
    "lastEngagedAt",
    "totalViews",
    "totalUniqueViews",
    "engagements",
    "coverTitle",
    "coverDescription",
    "coverDisabled",
    "themeColor",
    "navColor",
];

fn assert_documented_fields_only(room: &Value) {
    let keys: HashSet<&str> = room
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    let expected: HashSet<&str> = ROOM_FIELDS.into_iter().collect();
    assert_eq!(keys, expected, "{room}");
}

#[tokio::test]
async fn missing_or_wrong_key_is_401_in_the_nest_shape() {
    let emu = start(3).await;
    let http = reqwest::Client::new();
    for key in [None, Some("wrong")] {
        let mut req = http.get(format!("{}/api/v2/rooms", emu.base_url()));
        if let Some(k) = key {
            req = req.header("x-flowla-api-key", k);
        }
        let (status, body) = call(req).await;
        assert_eq!(status, 401);
        assert_eq!(body["error"], "Unauthorized");
        error_messages(401, &body);
    }
    let (status, _) = call(Api::new(&emu).get("/api/v2/rooms")).await;
    assert_eq!(status, 200);
    assert!(!KEY.is_empty());
}

#[tokio::test]
async fn create_get_patch_round_trip() {
    let emu = start(0).await;
    let api = Api::new(&emu);
    let body = json!({"title": "Acme Corp – Onboarding", "themeColor": "#f50",
        "email": "buyer@acme.com", "hsDealId": "12345678", "statusId": "st_won",
        "companyId": "cmp_0001", "coverDisabled": false});
    let (status, room) = call(api.post("/api/v2/rooms", &body)).await;
    assert_eq!(status, 201, "{room}");
    assert_documented_fields_only(&room);
    let id = room["id"].as_str().unwrap();
    assert!(id.starts_with("rm_") && id.len() == 19, "{id}");
    assert_eq!(room["title"], "Acme Corp – Onboarding");
    assert_eq!(room["themeColor"], "#FF5500");
    assert_eq!(room["totalEngagements"], 0);
    assert_eq!(room["lastEngagedAt"], Value::Null);
    assert_eq!(room["createdAt"], room["updatedAt"]);
    let created = room["createdAt"].as_str().unwrap();
    assert!(created.ends_with('Z') && created.len() == 24, "{created}");

    // Write-only fields are stored, not returned.
    let stored = emu.rooms().into_iter().find(|r| r.id == id).unwrap();
    assert_eq!(stored.email.as_deref(), Some("buyer@acme.com"));
    assert_eq!(stored.status_id.as_deref(), Some("st_won"));

    let (status, got) = call(api.get(&format!("/api/v2/rooms/{id}"))).await;
    assert_eq!(status, 200);
    assert_eq!(got, room);

    let mut last = parse_timestamp_millis(created).unwrap();
    for title in ["Renamed", "Renamed again"] {
        let (status, patched) = call(api.patch(
            &format!("/api/v2/rooms/{id}"),
            &json!({"title": title, "navColor": "flow-org-color"}),
        ))
        .await;
        assert_eq!(status, 200, "{patched}");
        assert_documented_fields_only(&patched);
        assert_eq!(patched["title"], title);
        assert_eq!(patched["themeColor"], "#FF5500", "untouched fields stay");
        let updated = parse_timestamp_millis(patched["updatedAt"].as_str().unwrap()).unwrap();
        assert!(updated > last, "updatedAt moves strictly forward");
        last = updated;
        assert_eq!(patched["createdAt"], room["createdAt"]);
    }
}

#[tokio::test]
async fn unknown_ids_and_routes_are_404() {
    let emu = start(2).await;
    let api = Api::new(&emu);
    let (status, body) = call(api.get("/api/v2/rooms/rm_doesnotexist")).await;
    assert_eq!(status, 404);
    assert!(error_messages(404, &body)[0].contains("rm_doesnotexist"));
    let (status, body) =
        call(api.patch("/api/v2/rooms/rm_doesnotexist", &json!({"title": "x"}))).await;
    assert_eq!(status, 404);
    error_messages(404, &body);
    let (status, body) = call(api.get("/api/v2/nothing")).await;
    assert_eq!(status, 404);
    assert_eq!(error_messages(404, &body), ["Cannot GET /api/v2/nothing"]);
}

#[tokio::test]
async fn bad_bodies_are_400_with_every_problem() {
    let emu = start(1).await;
    let api = Api::new(&emu);
    let id = emu.rooms()[0].id.clone();
    let cases: Vec<(Value, &str)> = vec![
        (json!({"foo": 1}), "property foo should not exist"),
        (json!({"title": ""}), "title should not be empty"),
        (
            json!({"title": "x".repeat(201)}),
            "title must be shorter than or equal to 200 characters",
        ),
        (
            json!({"coverTitle": "x".repeat(201)}),
            "coverTitle must be shorter than or equal to 200 characters",
        ),
        (
            json!({"description": "x".repeat(2001)}),
            "description must be shorter than or equal to 2000 characters",
        ),
        (
            json!({"themeColor": "FF5500"}),
            "themeColor must be a hex color",
        ),
        (
            json!({"themeColor": "#GGGGGG"}),
            "themeColor must be a hex color",
        ),
        (
            json!({"navColor": "red"}),
            "navColor must be a hex color, flow-org-color or target-company-color",
        ),
        (json!({"email": "buyer"}), "email must be an email"),
        (
            json!({"hsDealId": "12a"}),
            "hsDealId must be a string of digits",
        ),
        (
            json!({"sfOpportunityId": "0064x000009abc"}),
            "sfOpportunityId must be 15 or 18 letters and digits",
        ),
        (
            json!({"attioDealId": "deal abc"}),
            "attioDealId must contain only letters, digits, - and _",
        ),
        (json!({"title": 12}), "title must be a string"),
        (
            json!({"coverDisabled": "true"}),
            "coverDisabled must be a boolean value",
        ),
        (
            json!({"statusId": "st_nope"}),
            "statusId st_nope does not exist (see GET /api/v2/statuses)",
        ),
        (
            json!({"templateId": "tpl_nope"}),
            "templateId tpl_nope does not exist",
        ),
        (
            json!({"duplicateFromId": "rm_nope"}),
            "duplicateFromId rm_nope does not exist",
        ),
    ];
    for (body, expected) in cases {
        let (status, err) = call(api.post("/api/v2/rooms", &body)).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(err["error"], "Bad Request");
        assert_eq!(error_messages(400, &err), [expected], "{body}");
    }
    let (status, err) = call(api.post(
        "/api/v2/rooms",
        &json!({"themeColor": "red", "navColor": "blue", "bar": true}),
    ))
    .await;
    assert_eq!(status, 400);
    assert_eq!(error_messages(400, &err).len(), 3);

    // PATCH: empty body, create-only fields, wrong types.
    let path = format!("/api/v2/rooms/{id}");
    for (body, expected) in [
        (
            json!({}),
            "body must contain at least one property to update",
        ),
        (
            json!({"templateId": "tpl_0001"}),
            "property templateId should not exist",
        ),
        (
            json!({"email": "a@b.co"}),
            "property email should not exist",
        ),
        (json!({"themeColor": 5}), "themeColor must be a string"),
        (
            json!({"statusId": "st_nope"}),
            "statusId st_nope does not exist (see GET /api/v2/statuses)",
        ),
        (
            json!({"createdAt": "2020-01-01T00:00:00.000Z"}),
            "property createdAt should not exist",
        ),
    ] {
        let (status, err) = call(api.patch(&path, &body)).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(error_messages(400, &err), [expected]);
    }
    // Not JSON at all.
    let (status, err) = call(
        api.http
            .post(format!("{}/api/v2/rooms", api.base))
            .header("x-flowla-api-key", KEY)
            .header("content-type", "application/json")
            .body("{not json"),
    )
    .await;
    assert_eq!(status, 400);
    error_messages(400, &err);
    // Too large: still the server's error shape.
    let (status, err) = call(api.post(
        "/api/v2/rooms",
        &json!({"description": "x".repeat(3 * 1024 * 1024)}),
    ))
    .await;
    assert_eq!(status, 413);
    error_messages(413, &err);
    assert_eq!(emu.rooms().len(), 1, "no bad request created anything");
}

#[tokio::test]
async fn template_and_duplicate_semantics() {
    let emu = start(0).await;
    let api = Api::new(&emu);
    let (_, templates) = call(api.get("/api/v2/templates")).await;
    let tpl = templates[0].clone();
    let (status, from_tpl) =
        call(api.post("/api/v2/rooms", &json!({"templateId": tpl["id"]}))).await;
    assert_eq!(status, 201);
    for f in [
        "title",
        "coverTitle",
        "coverDescription",
        "coverDisabled",
        "themeColor",
        "navColor",
    ] {
        assert_eq!(from_tpl[f], tpl[f], "{f} comes from the template");
    }
    let (_, body_wins) = call(api.post(
        "/api/v2/rooms",
        &json!({"templateId": tpl["id"], "title": "Mine", "themeColor": "#000"}),
    ))
    .await;
    assert_eq!(body_wins["title"], "Mine");
    assert_eq!(body_wins["themeColor"], "#000000");
    assert_eq!(body_wins["coverTitle"], tpl["coverTitle"]);

    // Duplicate an engaged room: design and title copied, engagements start at zero, and a
    // templateId next to duplicateFromId is ignored (even an unknown one).
    let source = {
        let mut rooms = roomdesk_emulator::generate_rooms(50, 9);
        rooms.retain(|r| r.total_engagements.unwrap_or(0) > 0 && r.theme_color.is_some());
        rooms.remove(0)
    };
    let emu2 = common::start_with(roomdesk_emulator::EmulatorConfig {
        api_key: KEY.into(),
        seed_rooms: 50,
        rng_seed: 9,
        ..Default::default()
    })
    .await;
    let api2 = Api::new(&emu2);
    let (status, dup) = call(api2.post(
        "/api/v2/rooms",
        &json!({"duplicateFromId": source.id, "templateId": "tpl_unknown", "coverTitle": "Own"}),
    ))
    .await;
    assert_eq!(status, 201, "{dup}");
    assert_ne!(dup["id"], json!(source.id));
    assert_eq!(dup["title"], json!(source.title));
    assert_eq!(dup["themeColor"], json!(source.theme_color));
    assert_eq!(dup["navColor"], json!(source.nav_color));
    assert_eq!(dup["coverDescription"], json!(source.cover_description));
    assert_eq!(dup["coverTitle"], "Own");
    assert_eq!(dup["totalEngagements"], 0);
    assert_eq!(dup["lastEngagedAt"], Value::Null);
    assert_eq!(dup["engagements"]["clicks"], 0);
    // A blank room with nothing: a default title, no design.
    let (_, blank) = call(api.post("/api/v2/rooms", &json!({}))).await;
    assert!(!blank["title"].as_str().unwrap().trim().is_empty());
    assert_eq!(blank["themeColor"], Value::Null);
}

#[tokio::test]
async fn listing_pages_defaults_and_query_errors() {
    let emu = start(25).await;
    let api = Api::new(&emu);
    let (status, page) = call(api.get("/api/v2/rooms")).await;
    assert_eq!(status, 200);
    assert_eq!(
        (
            page["page"].clone(),
            page["limit"].clone(),
            page["total"].clone()
        ),
        (json!(1), json!(10), json!(25))
    );
    let results = page["results"].as_array().unwrap();
    assert_eq!(results.len(), 10);
    results.iter().for_each(assert_documented_fields_only);
    // Default order: createdAt DESC.
    let created: Vec<i64> = results
        .iter()
        .map(|r| parse_timestamp_millis(r["createdAt"].as_str().unwrap()).unwrap())
        .collect();
    assert!(created.windows(2).all(|w| w[0] >= w[1]));

    let mut seen = HashSet::new();
    for p in 1..=3 {
        let (_, page) = call(api.get(&format!(
            "/api/v2/rooms?page={p}&limit=10&sortBy=updatedAt&sortDirection=ASC"
        )))
        .await;
        for r in page["results"].as_array().unwrap() {
            assert!(seen.insert(r["id"].as_str().unwrap().to_string()));
        }
    }
    assert_eq!(seen.len(), 25);
    let (_, beyond) = call(api.get("/api/v2/rooms?page=9&limit=10")).await;
    assert_eq!(beyond["results"], json!([]));

    for (query, expected) in [
        ("limit=101", "limit must not be greater than 100"),
        ("page=0", "page must not be less than 1"),
        ("sortBy=title", "sortBy must be one of the following values: createdAt, updatedAt, totalEngagements, lastEngagedAt"),
        ("sortDirection=up", "sortDirection must be one of the following values: ASC, DESC"),
        ("limit=ten", "limit must be an integer number"),
        ("search=x", "property search should not exist"),
    ] {
        let (status, err) = call(api.get(&format!("/api/v2/rooms?{query}"))).await;
        assert_eq!(status, 400, "{query}");
        assert_eq!(error_messages(400, &err), [expected]);
    }
}
