//! The client under the emulator's injected faults: 429 with Retry-After, 5xx,
//! malformed bodies, commit-then-drop, timeouts, offline, a closed port.

use super::fixture::{client, client_with, emulator, set, settled, titled};
use roomdesk_client::{ClientError, FlowlaClient};
use roomdesk_model::{ListQuery, NewRoom};
use std::collections::HashSet;
use std::time::Duration;

fn titled_body(title: &str) -> NewRoom {
    NewRoom {
        title: Some(title.into()),
        theme_color: Some("#123456".into()),
        company_id: Some("cmp_0003".into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_429_is_waited_out_honouring_retry_after() {
    let e = emulator(5).await;
    set(&e, |f| f.rate_limit_per_minute = Some(60)); // capacity 1, one per second
    let c = client(&e);
    let q = ListQuery::default();
    c.list_rooms(&q).await.unwrap();
    // The bucket is empty now: the server answers 429 + Retry-After: 1, the client waits.
    let rooms = c.list_rooms(&q).await.unwrap();
    assert_eq!(rooms.len(), 5);
    assert!(e.stats().rate_limited >= 1, "{:?}", e.stats());

    let impatient = client_with(&e, |c| c.max_retries = 0);
    impatient.list_rooms(&q).await.ok();
    let err = impatient.list_rooms(&q).await.unwrap_err();
    assert!(
        matches!(err, ClientError::RateLimited { retry_after_secs } if retry_after_secs >= 1),
        "{err:?}"
    );
    assert!(err.retryable());
    e.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pacing_at_the_server_rate_never_meets_a_429() {
    let e = emulator(3).await;
    let id = e.rooms()[0].id.clone();
    set(&e, |f| f.rate_limit_per_minute = Some(1200)); // 20 per second
    let paced = client_with(&e, |c| c.requests_per_minute = Some(1200));
    let calls = (0..50).map(|_| {
        let c = paced.clone();
        let id = id.clone();
        async move { c.get_room(&id).await }
    });
    for r in futures_join(calls).await {
        r.unwrap();
    }
    assert_eq!(e.stats().rate_limited, 0, "{:?}", e.stats());

    // The same burst without pacing does meet 429s (and still succeeds by retrying).
    set(&e, |f| f.rate_limit_per_minute = Some(1200)); // a fresh, full bucket
    let unpaced = client_with(&e, |c| c.max_retries = 8);
    let calls = (0..50).map(|_| {
        let c = unpaced.clone();
        let id = id.clone();
        async move { c.get_room(&id).await }
    });
    for r in futures_join(calls).await {
        r.unwrap();
    }
    assert!(e.stats().rate_limited > 0);
    e.shutdown().await;
}

/// Runs futures concurrently on this runtime (spawned, so they truly overlap).
async fn futures_join<F, T>(futures: impl Iterator<Item = F>) -> Vec<T>
where
    F: std::future::Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

#[tokio::test]
async fn reads_retry_502_and_503_but_not_500() {
    let e = emulator(5).await;
    set(&e, |f| f.fault_rate = 0.5);
    let c = client_with(&e, |c| c.max_retries = 12);
    let mut failed_500 = 0;
    for _ in 0..40 {
        match c.list_rooms(&ListQuery::default()).await {
            Ok(rooms) => assert_eq!(rooms.len(), 5),
            Err(ClientError::Server { status: 500, .. }) => failed_500 += 1,
            Err(other) => panic!("only a 500 may surface: {other:?}"),
        }
    }
    let injected = e.stats().faults_injected;
    assert!(
        injected > failed_500,
        "some 502/503 were retried transparently ({injected} injected, {failed_500} surfaced)"
    );
    e.shutdown().await;
}

#[tokio::test]
async fn creates_under_5xx_are_uncertain_or_retried_never_duplicated() {
    let e = emulator(0).await;
    set(&e, |f| f.fault_rate = 0.5);
    let c = client_with(&e, |c| c.max_retries = 12);
    let mut made = HashSet::new();
    let mut uncertain = Vec::new();
    for i in 0..24 {
        let body = titled_body(&format!("Fault run {i}"));
        match c.create_room(&body).await {
            Ok(room) => {
                made.insert(room.id);
            }
            Err(ClientError::Uncertain {
                sent_at_millis,
                reason,
            }) => {
                assert!(reason.contains("500") || reason.contains("502"), "{reason}");
                uncertain.push((body, sent_at_millis));
            }
            Err(other) => panic!("{other:?}"),
        }
    }
    assert!(
        !uncertain.is_empty(),
        "the fault rate must have produced some"
    );
    set(&e, |_| {});
    // Injected 5xx happen before any effect: reconciliation finds nothing to adopt.
    for (body, sent_at) in &uncertain {
        assert_eq!(
            settled(c.find_created(body, *sent_at, &made).await.unwrap()),
            None
        );
    }
    let on_server: HashSet<String> = e.rooms().into_iter().map(|r| r.id).collect();
    assert_eq!(
        on_server, made,
        "exactly the confirmed creates, no duplicates"
    );
    e.shutdown().await;
}

#[tokio::test]
async fn malformed_bodies_are_errors_not_panics() {
    let e = emulator(4).await;
    let id = e.rooms()[0].id.clone();
    set(&e, |f| f.malformed_rate = 1.0);
    let c = client(&e);
    for err in [
        c.get_room(&id).await.unwrap_err(),
        c.list_rooms(&ListQuery::default()).await.unwrap_err(),
        c.statuses().await.unwrap_err(),
    ] {
        assert_eq!(err.code(), "malformed", "{err:?}");
    }
    // A create whose 201 is garbage did happen: uncertain, then found.
    let body = titled_body("Garbled answer");
    let err = c.create_room(&body).await.unwrap_err();
    let ClientError::Uncertain { sent_at_millis, .. } = err else {
        panic!("{err:?}")
    };
    set(&e, |_| {});
    let held = titled(&e, "Garbled answer");
    assert_eq!(held.len(), 1);
    let found = settled(
        c.find_created(&body, sent_at_millis, &HashSet::new())
            .await
            .unwrap(),
    );
    assert_eq!(found.map(|r| r.id), Some(held[0].id.clone()));
    e.shutdown().await;
}

#[tokio::test]
async fn commit_then_drop_is_uncertain_and_reconciled_without_a_duplicate() {
    let e = emulator(30).await;
    set(&e, |f| f.drop_after_create_rate = 1.0);
    let c = client(&e);
    let body = titled_body("Umbrella – Dropped");
    let err = c.create_room(&body).await.unwrap_err();
    assert_eq!(err.code(), "uncertain");
    assert!(
        !err.retryable(),
        "an uncertain create is never blindly retried"
    );
    let ClientError::Uncertain { sent_at_millis, .. } = err else {
        unreachable!()
    };
    assert_eq!(e.stats().rooms_created, 1, "no retry made a second room");
    let held = titled(&e, "Umbrella – Dropped");
    assert_eq!(held.len(), 1);

    // From a template, fields it did not send are not compared.
    let templated = NewRoom {
        template_id: Some("tpl_0001".into()),
        company_id: Some("cmp_0004".into()),
        ..Default::default()
    };
    let err = c.create_room(&templated).await.unwrap_err();
    let ClientError::Uncertain {
        sent_at_millis: t_sent,
        ..
    } = err
    else {
        panic!("{err:?}")
    };

    set(&e, |_| {});
    let found = settled(
        c.find_created(&body, sent_at_millis, &HashSet::new())
            .await
            .unwrap(),
    );
    assert_eq!(found.as_ref().map(|r| &r.id), Some(&held[0].id));
    let known: HashSet<String> = [held[0].id.clone()].into();
    assert_eq!(
        settled(c.find_created(&body, sent_at_millis, &known).await.unwrap()),
        None
    );
    let found = settled(
        c.find_created(&templated, t_sent, &HashSet::new())
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(found.company_id.as_deref(), Some("cmp_0004"));
    assert_eq!(found.cover_title.as_deref(), Some("Welcome aboard"));
    assert_eq!(e.rooms().len(), 32);
    e.shutdown().await;
}

#[tokio::test]
async fn offline_is_a_retryable_network_error() {
    let e = emulator(2).await;
    let id = e.rooms()[0].id.clone();
    set(&e, |f| f.offline = true);
    let c = client_with(&e, |c| c.max_retries = 2);
    let err = c.get_room(&id).await.unwrap_err();
    assert!(matches!(err, ClientError::Network(_)), "{err:?}");
    assert!(err.retryable());
    assert_eq!(err.code(), "network");
    // Plain words: where, and what broke; not the HTTP stack's layers.
    let text = err.to_string();
    assert!(text.contains("the connection to 127.0.0.1:"), "{text}");
    assert!(!text.contains("error sending request"), "{text}");
    // A create sent to a server that drops it unanswered: uncertain, and nothing made.
    let body = titled_body("Sent into the void");
    let err = c.create_room(&body).await.unwrap_err();
    let ClientError::Uncertain { sent_at_millis, .. } = err else {
        panic!("{err:?}")
    };
    set(&e, |_| {});
    assert_eq!(
        settled(
            c.find_created(&body, sent_at_millis, &HashSet::new())
                .await
                .unwrap()
        ),
        None
    );
    assert_eq!(e.stats().rooms_created, 0);
    e.shutdown().await;
}

#[tokio::test]
async fn a_closed_port_is_a_network_error_even_for_a_create() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mut config = super::fixture::config(&format!("http://127.0.0.1:{port}"));
    config.max_retries = 1;
    let c = FlowlaClient::new(config).unwrap();
    // Nothing was ever sent, so this is not uncertain.
    let err = c.create_room(&titled_body("Nowhere")).await.unwrap_err();
    assert!(matches!(err, ClientError::Network(_)), "{err:?}");
    assert!(err.retryable());
    let text = err.to_string();
    assert!(
        text.contains(&format!("no connection to 127.0.0.1:{port} (")),
        "{text}"
    );
    assert!(!text.contains("error sending request"), "{text}");
}

#[tokio::test]
async fn timeouts_are_timeout_for_reads_and_uncertain_for_creates() {
    let e = emulator(1).await;
    set(&e, |f| f.latency_ms = 800);
    let c = client_with(&e, |c| {
        c.timeout = Duration::from_millis(150);
        c.max_retries = 1;
    });
    let err = c.list_rooms(&ListQuery::default()).await.unwrap_err();
    assert_eq!(err, ClientError::Timeout);
    assert!(err.retryable());
    let body = titled_body("Slow server");
    let err = c.create_room(&body).await.unwrap_err();
    let ClientError::Uncertain { sent_at_millis, .. } = err else {
        panic!("{err:?}")
    };
    // Whatever the server did, reconciliation agrees with it.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    set(&e, |_| {});
    let found = settled(
        c.find_created(&body, sent_at_millis, &HashSet::new())
            .await
            .unwrap(),
    );
    let held = titled(&e, "Slow server");
    assert!(held.len() <= 1);
    assert_eq!(found.map(|r| r.id), held.first().map(|r| r.id.clone()));
    e.shutdown().await;
}
