//! Every fault type over real HTTP, including a connection closed after the room was
//! committed (the client gets no status code at all).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] fns

mod common;

use common::{call, error_messages, start, Api};
use roomdesk_emulator::Faults;
use serde_json::json;
use std::error::Error as _;
use std::time::Duration;

/// The whole error chain of a reqwest error, as text.
fn chain(e: &reqwest::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(" / ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

#[tokio::test]
async fn drop_before_create_stores_nothing_and_answers_nothing() {
    let emu = start(0).await;
    let api = Api::new(&emu);
    emu.set_faults(Faults {
        drop_before_create_rate: 1.0,
        ..Default::default()
    });
    let err = api
        .post("/api/v2/rooms", &json!({"title": "Acme – never stored"}))
        .send()
        .await
        .expect_err("no response may arrive");
    assert!(err.status().is_none(), "not an HTTP status: {err:?}");
    assert!(emu.rooms().is_empty(), "nothing is stored");
    assert_eq!(emu.stats().faults_injected, 1);
    // Reads are not affected by this fault.
    let (status, _) = call(api.get("/api/v2/rooms")).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn drop_after_create_commits_the_room_and_answers_nothing() {
    let emu = start(0).await;
    let api = Api::new(&emu);
    emu.set_faults(Faults {
        drop_after_create_rate: 1.0,
        ..Default::default()
    });
    let err = api
        .post("/api/v2/rooms", &json!({"title": "Acme – dropped"}))
        .send()
        .await
        .expect_err("no response may arrive");
    assert!(err.status().is_none(), "not an HTTP status: {err:?}");
    let text = chain(&err);
    assert!(
        text.contains("connection closed before message completed"),
        "{text}"
    );
    let rooms = emu.rooms();
    assert_eq!(rooms.len(), 1, "the room IS stored");
    assert_eq!(rooms[0].title, "Acme – dropped");
    let stats = emu.stats();
    assert_eq!(stats.rooms_created, 1);
    assert_eq!(stats.faults_injected, 1);

    // GETs and PATCHes are not affected by this fault.
    let (status, room) = call(api.get(&format!("/api/v2/rooms/{}", rooms[0].id))).await;
    assert_eq!(status, 200);
    assert_eq!(room["title"], "Acme – dropped");
}

#[tokio::test]
async fn offline_drops_every_api_request_without_effect_but_control_answers() {
    let emu = start(3).await;
    let api = Api::new(&emu);
    emu.set_faults(Faults {
        offline: true,
        ..Default::default()
    });
    let err = api.get("/api/v2/rooms").send().await.unwrap_err();
    assert!(err.status().is_none());
    let err = api
        .post("/api/v2/rooms", &json!({"title": "never"}))
        .send()
        .await
        .unwrap_err();
    assert!(chain(&err).contains("connection closed"), "{}", chain(&err));
    assert_eq!(emu.rooms().len(), 3, "no effect while offline");
    assert_eq!(emu.stats().rooms_created, 0);

    // The control API still works, and can bring the server back.
    let control = format!("{}/__emulator/faults", emu.base_url());
    let (status, faults) = call(api.http.get(&control)).await;
    assert_eq!((status, faults["offline"].clone()), (200, json!(true)));
    let (status, _) = call(api.http.put(&control).json(&Faults::default())).await;
    assert_eq!(status, 200);
    let (status, _) = call(api.get("/api/v2/rooms")).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn fault_rate_answers_5xx_before_any_effect() {
    let emu = start(0).await;
    let api = Api::new(&emu);
    emu.set_faults(Faults {
        fault_rate: 1.0,
        ..Default::default()
    });
    let mut seen = std::collections::BTreeSet::new();
    for i in 0..30 {
        let (status, body) =
            call(api.post("/api/v2/rooms", &json!({"title": format!("t{i}")}))).await;
        assert!([500, 502, 503].contains(&status), "{status}");
        error_messages(status, &body);
        seen.insert(status);
    }
    assert_eq!(seen.len(), 3, "all three statuses occur: {seen:?}");
    assert!(emu.rooms().is_empty(), "no create happened");
    let stats = emu.stats();
    assert_eq!(
        (stats.requests, stats.faults_injected, stats.rooms_created),
        (30, 30, 0)
    );
}

#[tokio::test]
async fn malformed_bodies_still_have_their_effect() {
    let emu = start(2).await;
    let api = Api::new(&emu);
    emu.set_faults(Faults {
        malformed_rate: 1.0,
        ..Default::default()
    });
    let resp = api
        .post("/api/v2/rooms", &json!({"title": "made anyway"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 201);
    let text = resp.text().await.unwrap();
    assert!(
        serde_json::from_str::<serde_json::Value>(&text).is_err(),
        "{text}"
    );
    assert_eq!(emu.rooms().len(), 3, "the create happened");
    let resp = api.get("/api/v2/rooms").send().await.unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    assert!(resp.json::<serde_json::Value>().await.is_err());
    // Errors are not 2xx and stay well-formed.
    let (status, body) = call(api.get("/api/v2/rooms/rm_nope")).await;
    assert_eq!(status, 404);
    error_messages(404, &body);
}

#[tokio::test]
async fn rate_limit_answers_429_with_retry_after() {
    let emu = start(1).await;
    let api = Api::new(&emu);
    emu.set_faults(Faults {
        rate_limit_per_minute: Some(6), // capacity 1, one token every 10 s
        ..Default::default()
    });
    let (status, _) = call(api.get("/api/v2/rooms")).await;
    assert_eq!(status, 200);
    let resp = api.get("/api/v2/rooms").send().await.unwrap();
    assert_eq!(resp.status().as_u16(), 429);
    let retry_after: u64 = resp.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=10).contains(&retry_after), "{retry_after}");
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(error_messages(429, &body).len(), 1);
    assert_eq!(body["error"], "Too Many Requests");
    let stats = emu.stats();
    assert_eq!((stats.requests, stats.rate_limited), (2, 1));
    // Lifting the limit lets requests through again at once.
    emu.set_faults(Faults::default());
    assert_eq!(call(api.get("/api/v2/rooms")).await.0, 200);
}

#[tokio::test]
async fn latency_longer_than_the_client_timeout_times_out() {
    let emu = start(1).await;
    emu.set_faults(Faults {
        latency_ms: 3_000,
        ..Default::default()
    });
    let api = Api::new(&emu);
    let err = api
        .get("/api/v2/rooms")
        .timeout(Duration::from_millis(100))
        .send()
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    emu.set_faults(Faults::default());
    let (status, _) = call(api.get("/api/v2/rooms").timeout(Duration::from_secs(10))).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn faults_given_at_start_apply_from_the_first_request() {
    let emu = common::start_with(roomdesk_emulator::EmulatorConfig {
        api_key: common::KEY.into(),
        faults: Faults {
            fault_rate: 1.0,
            ..Default::default()
        },
        ..Default::default()
    })
    .await;
    let (status, _) = call(Api::new(&emu).get("/api/v2/statuses")).await;
    assert!(status >= 500);
    assert_eq!(emu.faults().fault_rate, 1.0);
    // Invalid faults at start are refused.
    let err = roomdesk_emulator::spawn(
        "127.0.0.1:0".parse().unwrap(),
        roomdesk_emulator::EmulatorConfig {
            faults: Faults {
                malformed_rate: 2.0,
                ..Default::default()
            },
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("malformedRate"), "{err}");
}
