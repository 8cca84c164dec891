//! The loopback-only control API, the state file across restarts, the handle's own
//! methods and many concurrent requests.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] fns

mod common;

use common::{call, error_messages, start, start_with, Api, KEY};
use roomdesk_emulator::{EmulatorConfig, Faults};
use roomdesk_model::{parse_timestamp_millis, Room, RoomPatch};
use serde_json::json;
use std::net::{IpAddr, UdpSocket};

#[tokio::test]
async fn control_api_reads_and_sets_faults_stats_and_rooms() {
    let emu = start(4).await;
    let api = Api::new(&emu);
    let base = emu.base_url();
    let (status, faults) = call(api.http.get(format!("{base}/__emulator/faults"))).await;
    assert_eq!(status, 200);
    assert_eq!(faults, serde_json::to_value(Faults::default()).unwrap());

    let wanted = json!({"latencyMs": 0, "rateLimitPerMinute": 600, "faultRate": 0.0,
        "malformedRate": 0.0, "dropAfterCreateRate": 0.5, "dropBeforeCreateRate": 0.0,
        "offline": false});
    let (status, echoed) = call(
        api.http
            .put(format!("{base}/__emulator/faults"))
            .json(&wanted),
    )
    .await;
    assert_eq!((status, &echoed), (200, &wanted));
    assert_eq!(emu.faults().rate_limit_per_minute, Some(600));
    assert_eq!(emu.faults().drop_after_create_rate, 0.5);
    let (status, err) = call(
        api.http
            .put(format!("{base}/__emulator/faults"))
            .json(&json!({"faultRate": 3})),
    )
    .await;
    assert_eq!(status, 400);
    assert!(error_messages(400, &err)[0].contains("faultRate"));
    assert_eq!(
        emu.faults().fault_rate,
        0.0,
        "a refused PUT changes nothing"
    );

    // Control requests need no key and are not counted.
    call(api.get("/api/v2/rooms")).await;
    let (status, stats) = call(api.http.get(format!("{base}/__emulator/stats"))).await;
    assert_eq!(status, 200);
    assert_eq!(
        stats,
        json!({"requests": 1, "rateLimited": 0, "faultsInjected": 0, "roomsCreated": 0})
    );

    let (status, rooms) = call(api.http.get(format!("{base}/__emulator/rooms"))).await;
    assert_eq!(status, 200);
    let rooms: Vec<Room> = serde_json::from_value(rooms).unwrap();
    assert_eq!(rooms, emu.rooms());

    // "Another user" edits through the control API.
    let id = &rooms[0].id;
    let before = parse_timestamp_millis(&rooms[0].updated_at).unwrap();
    let (status, edited) = call(
        api.http
            .patch(format!("{base}/__emulator/rooms/{id}"))
            .json(&json!({"title": "Edited elsewhere", "themeColor": "#abc"})),
    )
    .await;
    assert_eq!(status, 200, "{edited}");
    assert_eq!(edited["themeColor"], "#AABBCC");
    let (_, seen) = call(api.get(&format!("/api/v2/rooms/{id}"))).await;
    assert_eq!(seen["title"], "Edited elsewhere");
    assert!(parse_timestamp_millis(seen["updatedAt"].as_str().unwrap()).unwrap() > before);
    let (status, _) = call(
        api.http
            .patch(format!("{base}/__emulator/rooms/rm_nope"))
            .json(&json!({"title": "x"})),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = call(
        api.http
            .patch(format!("{base}/__emulator/rooms/{id}"))
            .json(&json!({"themeColor": "red"})),
    )
    .await;
    assert_eq!(status, 400);

    // "Another user" deletes a room in the web app: the API then answers 404 for it.
    let gone = &rooms[1].id;
    let (status, _) = call(api.http.delete(format!("{base}/__emulator/rooms/{gone}"))).await;
    assert_eq!(status, 204);
    let (status, _) = call(api.get(&format!("/api/v2/rooms/{gone}"))).await;
    assert_eq!(status, 404);
    assert_eq!(emu.rooms().len(), rooms.len() - 1);
    let (status, _) = call(api.http.delete(format!("{base}/__emulator/rooms/{gone}"))).await;
    assert_eq!(status, 404);
}

/// A non-loopback address of this machine, found without sending a packet (a UDP
/// "connect" only picks a route).
fn non_loopback_ip() -> Option<IpAddr> {
    let socket = UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

#[tokio::test]
async fn control_api_refuses_a_host_name_that_is_not_loopback() {
    let emu = start(2).await;
    let http = reqwest::Client::new();
    let base = emu.base_url();
    // A page on evil.example whose name was rebound to 127.0.0.1 sends its own Host.
    let (status, body) = call(
        http.put(format!("{base}/__emulator/faults"))
            .header("host", "evil.example:7878")
            .json(&json!({"offline": true})),
    )
    .await;
    assert_eq!(status, 403, "{body}");
    assert!(
        error_messages(403, &body)[0].contains("loopback host"),
        "{body}"
    );
    assert!(!emu.faults().offline);
    let (status, _) = call(
        http.get(format!("{base}/__emulator/faults"))
            .header("host", "localhost"),
    )
    .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn control_api_refuses_non_loopback_peers() {
    let Some(ip) = non_loopback_ip() else {
        eprintln!("no non-loopback address on this machine; the peer check is unit-tested");
        return;
    };
    let wildcard = roomdesk_emulator::spawn(
        "0.0.0.0:0".parse().unwrap(),
        EmulatorConfig {
            api_key: KEY.into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let port = wildcard.addr().port();
    let http = reqwest::Client::new();
    let (status, body) = call(http.get(format!("http://{ip}:{port}/__emulator/faults"))).await;
    assert_eq!(status, 403);
    error_messages(403, &body);
    let (status, body) = call(
        http.put(format!("http://{ip}:{port}/__emulator/faults"))
            .json(&json!({"offline": true})),
    )
    .await;
    assert_eq!(status, 403, "{body}");
    assert!(!wildcard.faults().offline);
    // The same server answers loopback peers, and the API is reachable with the key.
    assert!(wildcard.base_url().starts_with("http://127.0.0.1:"));
    let (status, _) = call(http.get(format!("{}/__emulator/faults", wildcard.base_url()))).await;
    assert_eq!(status, 200);
    let (status, _) = call(
        http.get(format!("http://{ip}:{port}/api/v2/statuses"))
            .header("x-flowla-api-key", KEY),
    )
    .await;
    assert_eq!(status, 200);
    wildcard.shutdown().await;
}

#[tokio::test]
async fn state_file_round_trip_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sandbox.db");
    let config = EmulatorConfig {
        api_key: KEY.into(),
        seed_rooms: 5,
        state_file: Some(path.clone()),
        ..Default::default()
    };
    let emu = start_with(config.clone()).await;
    assert!(path.exists(), "the seeded state is saved at once");
    let api = Api::new(&emu);
    let (status, created) = call(api.post(
        "/api/v2/rooms",
        &json!({"title": "Survives – 再起動", "email": "buyer@acme.com"}),
    ))
    .await;
    assert_eq!(status, 201);
    let id = created["id"].as_str().unwrap().to_string();
    let patch = RoomPatch {
        cover_title: Some("Edited by someone else".into()),
        ..Default::default()
    };
    emu.server_update(&id, &patch).unwrap();
    let before = emu.rooms();
    emu.shutdown().await;

    // A different seed proves the rooms come from the file, not from the generator.
    let emu = start_with(EmulatorConfig {
        seed_rooms: 50,
        rng_seed: 7,
        ..config
    })
    .await;
    let after = emu.rooms();
    assert_eq!(after, before);
    let room = after.iter().find(|r| r.id == id).unwrap();
    assert_eq!(room.email.as_deref(), Some("buyer@acme.com"));
    assert_eq!(room.cover_title.as_deref(), Some("Edited by someone else"));
    let (status, got) = call(Api::new(&emu).get(&format!("/api/v2/rooms/{id}"))).await;
    assert_eq!(
        (status, got["title"].clone()),
        (200, json!("Survives – 再起動"))
    );
}

#[tokio::test]
async fn a_corrupt_state_file_is_a_clear_start_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sandbox.db");
    std::fs::write(&path, "{oops").unwrap();
    let err = roomdesk_emulator::spawn(
        "127.0.0.1:0".parse().unwrap(),
        EmulatorConfig {
            state_file: Some(path.clone()),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert!(
        err.to_string().contains("sandbox.db")
            && err.to_string().contains("not an emulator state file"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "{oops",
        "left untouched"
    );

    // With bad faults as well, the faults are reported: they are checked first.
    let err = roomdesk_emulator::spawn(
        "127.0.0.1:0".parse().unwrap(),
        EmulatorConfig {
            state_file: Some(path.clone()),
            faults: Faults {
                fault_rate: 2.0,
                ..Default::default()
            },
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("faultRate"), "{err}");
}

#[tokio::test]
async fn handle_server_update_and_set_faults() {
    let emu = start(3).await;
    let id = emu.rooms()[1].id.clone();
    let good = RoomPatch {
        nav_color: Some("#f50".into()),
        ..Default::default()
    };
    let room = emu.server_update(&id, &good).unwrap();
    assert_eq!(room.nav_color.as_deref(), Some("#FF5500"));
    assert!(emu.server_update("rm_nope", &good).is_none());
    let bad = RoomPatch {
        theme_color: Some("red".into()),
        ..Default::default()
    };
    assert!(emu.server_update(&id, &bad).is_none());
    assert!(emu.server_update(&id, &RoomPatch::default()).is_none());
    emu.set_faults(Faults {
        fault_rate: 7.0,
        rate_limit_per_minute: Some(0),
        ..Default::default()
    });
    assert_eq!(emu.faults().fault_rate, 1.0);
    assert_eq!(emu.faults().rate_limit_per_minute, Some(1));
}

#[tokio::test]
async fn many_concurrent_creates_and_reads() {
    let emu = start(100).await;
    let api = std::sync::Arc::new(Api::new(&emu));
    let mut tasks = Vec::new();
    for i in 0..64 {
        let api = api.clone();
        tasks.push(tokio::spawn(async move {
            if i % 2 == 0 {
                call(api.post("/api/v2/rooms", &json!({"title": format!("Room {i}")}))).await
            } else {
                call(api.get("/api/v2/rooms?limit=100&sortBy=updatedAt")).await
            }
        }));
    }
    let mut ids = std::collections::HashSet::new();
    for (i, t) in tasks.into_iter().enumerate() {
        let (status, body) = t.await.unwrap();
        if i % 2 == 0 {
            assert_eq!(status, 201);
            assert!(ids.insert(body["id"].as_str().unwrap().to_string()));
        } else {
            assert_eq!(status, 200);
            assert_eq!(body["results"].as_array().unwrap().len(), 100);
        }
    }
    assert_eq!(emu.rooms().len(), 132);
    assert_eq!(emu.stats().rooms_created, 32);
    assert_eq!(emu.stats().requests, 64);
}

#[tokio::test]
async fn dropped_handles_keep_serving_and_shutdown_closes_the_port() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<roomdesk_emulator::EmulatorHandle>();

    let emu = start(1).await;
    let api = Api::new(&emu);
    drop(emu.clone());
    assert_eq!(call(api.get("/api/v2/rooms")).await.0, 200);
    emu.shutdown().await;
    let err = reqwest::Client::new()
        .get(format!("{}/api/v2/rooms", api.base))
        .header("x-flowla-api-key", KEY)
        .send()
        .await
        .unwrap_err();
    assert!(err.is_connect() || err.is_request(), "{err:?}");
}
