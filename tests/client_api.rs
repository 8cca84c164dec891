//! The real client against the real emulator on 127.0.0.1:0: every endpoint, every
//! create mode, every sort, error mapping, retries, malformed bodies, uncertain creates
//! and their reconciliation, offline. Fault-heavy tests live in `client_api/faults.rs`.

// A test binary: helpers may unwrap too (clippy.toml allows it only inside #[test] fns).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "client_api/creates.rs"]
mod creates;
#[path = "client_api/expected_order.rs"]
mod expected_order;
#[path = "client_api/faults.rs"]
mod faults;
#[path = "client_api/fixture.rs"]
mod fixture;

use expected_order::{expected_ids, ids};
use fixture::{client, client_with, emulator};
use roomdesk_client::{ClientError, FlowlaClient, ListProgress};
use roomdesk_model::{
    ListQuery, LookupKind, NewRoom, RoomPatch, SortDirection, SortField, NAV_COMPANY_COLOR,
};
use std::collections::HashSet;
use std::sync::Mutex;

#[tokio::test]
async fn every_read_endpoint_and_update() {
    let e = emulator(30).await;
    let c = client(&e);

    let page = c.list_rooms(&ListQuery::default()).await.unwrap();
    assert_eq!(page.len(), 10);
    let page_info = c
        .list_rooms_page(&ListQuery {
            limit: 3,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page_info.rooms.len(), 3);
    assert_eq!(page_info.total, Some(30));

    let server = e.rooms();
    for listed in &page[..3] {
        let got = c.get_room(&listed.id).await.unwrap();
        let held = server.iter().find(|r| r.id == listed.id).unwrap();
        assert_eq!(got.title, held.title);
        assert_eq!(got.created_at, held.created_at);
        assert_eq!(got.theme_color, held.theme_color);
        assert_eq!(got.engagements, held.engagements);
        assert_eq!(got, *listed);
    }

    let statuses = c.statuses().await.unwrap();
    assert!(statuses.len() >= 2);
    assert_eq!(statuses.iter().filter(|s| s.default_status).count(), 1);
    assert!(statuses.iter().all(|s| !s.title.is_empty()));

    for kind in LookupKind::ALL {
        let list = c
            .lookup(kind)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{kind} missing"));
        assert!(!list.is_empty(), "{kind}");
        // Labels come from name / title / fullName: never just the id.
        assert!(list.iter().all(|l| l.name != l.id), "{kind}: {list:?}");
    }
    let companies = c.lookup(LookupKind::Companies).await.unwrap().unwrap();
    assert!(companies.iter().any(|l| l.id == "cmp_0001"));

    let id = page[0].id.clone();
    let before = c.get_room(&id).await.unwrap();
    let patch = RoomPatch {
        title: Some("Renamed – ✓".into()),
        theme_color: Some("#abc".into()),
        nav_color: Some(NAV_COMPANY_COLOR.into()),
        cover_disabled: Some(true),
        ..Default::default()
    };
    let after = c.update_room(&id, &patch).await.unwrap();
    assert_eq!(after.title, "Renamed – ✓");
    assert_eq!(
        after.theme_color.as_deref(),
        Some("#AABBCC"),
        "sent normalised"
    );
    assert_eq!(after.nav_color.as_deref(), Some(NAV_COMPANY_COLOR));
    assert_eq!(after.cover_disabled, Some(true));
    assert_eq!(
        after.cover_title, before.cover_title,
        "unsent fields unchanged"
    );
    assert!(after.updated_at > before.updated_at);
    let held = e.rooms().into_iter().find(|r| r.id == id).unwrap();
    assert_eq!(held.title, "Renamed – ✓");
    e.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_sort_pages_like_an_independent_sort() {
    let e = emulator(250).await;
    let c = client(&e);
    let server = e.rooms();
    assert!(
        server.iter().any(|r| r.last_engaged_at.is_none()),
        "nulls are exercised"
    );
    for field in SortField::ALL {
        for dir in [SortDirection::Asc, SortDirection::Desc] {
            let expected = expected_ids(&server, field, dir);
            // Page by page with an odd page size, until a short page.
            let mut walked = Vec::new();
            for page in 1.. {
                let q = ListQuery {
                    page,
                    limit: 37,
                    sort_by: field,
                    sort_direction: dir,
                };
                let rooms = c.list_rooms(&q).await.unwrap();
                walked.extend(ids(&rooms));
                if rooms.len() < 37 {
                    break;
                }
            }
            assert_eq!(walked, expected, "{field} {dir} page by page");

            let seen = Mutex::new(Vec::<ListProgress>::new());
            let all = c
                .list_all(field, dir, &|p| seen.lock().unwrap().push(p))
                .await
                .unwrap();
            assert_eq!(ids(&all), expected, "{field} {dir} list_all");
            let seen = seen.into_inner().unwrap();
            let last = seen.last().unwrap();
            assert_eq!((last.pages_done, last.rooms_done), (3, 250));
            assert_eq!(last.total_hint, Some(250));
        }
    }
    e.shutdown().await;
}

#[tokio::test]
async fn list_all_of_an_exact_multiple_and_of_nothing() {
    let e = emulator(200).await;
    let c = client_with(&e, |c| c.concurrency = 3);
    let seen = Mutex::new(Vec::<ListProgress>::new());
    let all = c
        .list_all(SortField::UpdatedAt, SortDirection::Asc, &|p| {
            seen.lock().unwrap().push(p)
        })
        .await
        .unwrap();
    assert_eq!(all.len(), 200);
    assert_eq!(all.iter().map(|r| &r.id).collect::<HashSet<_>>().len(), 200);
    let last = *seen.lock().unwrap().last().unwrap();
    assert_eq!((last.pages_done, last.rooms_done), (2, 200));

    let empty = emulator(0).await;
    let seen = Mutex::new(Vec::<ListProgress>::new());
    let none = client(&empty)
        .list_all(SortField::CreatedAt, SortDirection::Desc, &|p| {
            seen.lock().unwrap().push(p)
        })
        .await
        .unwrap();
    assert!(none.is_empty());
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!((seen[0].pages_done, seen[0].rooms_done), (0, 0));
    e.shutdown().await;
    empty.shutdown().await;
}

#[tokio::test]
async fn errors_map_to_codes_and_fields() {
    let e = emulator(3).await;
    let c = client(&e);
    let id = e.rooms()[0].id.clone();

    let mut wrong = fixture::config(&e.base_url());
    wrong.api_key = "not-the-key".into();
    let wrong = FlowlaClient::new(wrong).unwrap();
    let unauthorized = [
        wrong.list_rooms(&ListQuery::default()).await.unwrap_err(),
        wrong.get_room(&id).await.unwrap_err(),
        wrong.create_room(&NewRoom::default()).await.unwrap_err(),
        wrong.statuses().await.unwrap_err(),
        wrong.lookup(LookupKind::Users).await.unwrap_err(),
    ];
    for err in unauthorized {
        assert_eq!(err, ClientError::Unauthorized);
        assert_eq!(err.code(), "unauthorized");
        assert!(!err.retryable());
    }
    assert_eq!(e.stats().rooms_created, 0);

    let missing = c.get_room("rm_does_not_exist").await.unwrap_err();
    assert!(
        matches!(&missing, ClientError::NotFound { message } if message.contains("rm_does_not_exist"))
    );
    assert_eq!(missing.code(), "not_found");
    let patch = RoomPatch {
        title: Some("x".into()),
        ..Default::default()
    };
    // A valid id with characters that need care in a path still reaches the room route.
    let odd = c.update_room("rm:1.a-b_c", &patch).await.unwrap_err();
    assert_eq!(odd.code(), "not_found");

    let bad_template = c
        .create_room(&NewRoom {
            template_id: Some("tpl_nope".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    let ClientError::Validation {
        status,
        messages,
        fields,
    } = &bad_template
    else {
        panic!("{bad_template:?}")
    };
    assert_eq!(*status, 400);
    assert!(messages[0].contains("tpl_nope"));
    assert!(fields.for_field("templateId").is_some(), "{fields:?}");
    assert_eq!(bad_template.field(), Some("templateId"));
    let bad_status = c
        .update_room(
            &id,
            &RoomPatch {
                status_id: Some("st_nope".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(bad_status.field(), Some("statusId"));

    // Refused locally, every field named, nothing sent.
    let requests = e.stats().requests;
    let local = c
        .create_room(&NewRoom {
            theme_color: Some("red".into()),
            title: Some(" ".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    let ClientError::InvalidInput(v) = &local else {
        panic!("{local:?}")
    };
    assert!(v.for_field("themeColor").is_some() && v.for_field("title").is_some());
    assert_eq!(
        c.get_room("../admin").await.unwrap_err().field(),
        Some("id")
    );
    let too_many = ListQuery {
        limit: 101,
        ..Default::default()
    };
    assert_eq!(
        c.list_rooms(&too_many).await.unwrap_err().field(),
        Some("limit")
    );
    let empty = c.update_room(&id, &RoomPatch::default()).await.unwrap_err();
    assert_eq!(empty.code(), "invalid_input");
    assert_eq!(
        e.stats().requests,
        requests,
        "invalid input never reaches the server"
    );

    // A server without lookups (here: everything 404s under a path prefix) gives None.
    let prefixed =
        FlowlaClient::new(fixture::config(&format!("{}/elsewhere", e.base_url()))).unwrap();
    assert_eq!(prefixed.lookup(LookupKind::Labels).await.unwrap(), None);

    // Configuration mistakes are caught before any request.
    let plain_http = FlowlaClient::new(fixture::config("http://api.flowla.com")).unwrap_err();
    assert_eq!(plain_http.code(), "invalid_config");
    assert!(plain_http.to_string().contains("https"));
    e.shutdown().await;
}

#[tokio::test]
async fn a_key_is_required_and_never_printed() {
    let e = emulator(0).await;
    let config = fixture::config(&e.base_url());
    let shown = format!("{config:?}");
    assert!(!shown.contains(fixture::KEY), "{shown}");
    let c = FlowlaClient::new(config).unwrap();
    assert!(!format!("{c:?}").contains(fixture::KEY));
    assert!(c.statuses().await.is_ok());
    e.shutdown().await;
}
