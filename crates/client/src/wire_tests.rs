//! Unit tests of the transport over a real socket: a tiny scripted HTTP server that
//! answers each connection with the next canned response (or drops it).

use crate::{ClientConfig, ClientError, FlowlaClient};
use roomdesk_model::{ListQuery, LookupKind, NewRoom};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const DROP: &str = "DROP";

struct Stub {
    base: String,
    requests: Arc<Mutex<Vec<String>>>,
}

fn answer(status: &str, headers: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\nConnection: close\r\nContent-Length: {}\r\n{headers}\r\n{body}",
        body.len()
    )
}

async fn stub(script: Vec<String>) -> Stub {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let requests = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&requests);
    tokio::spawn(async move {
        for response in script {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            // Read the head and (by Content-Length) the body.
            loop {
                let n = socket.read(&mut chunk).await.unwrap_or(0);
                if n == 0 {
                    break;
                }
                buf.extend_from_slice(&chunk[..n]);
                let text = String::from_utf8_lossy(&buf).to_string();
                if let Some(end) = text.find("\r\n\r\n") {
                    let len = text[..end]
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                        })
                        .unwrap_or(0);
                    if buf.len() >= end + 4 + len {
                        break;
                    }
                }
            }
            seen.lock()
                .unwrap()
                .push(String::from_utf8_lossy(&buf).to_string());
            if response != DROP {
                socket.write_all(response.as_bytes()).await.ok();
            }
            socket.shutdown().await.ok();
        }
    });
    Stub { base, requests }
}

fn client(base: &str) -> FlowlaClient {
    let mut c = ClientConfig::new(base, "wire-key-123");
    c.base_backoff = Duration::from_millis(1);
    c.max_backoff = Duration::from_millis(5);
    c.max_retries = 2;
    FlowlaClient::new(c).unwrap()
}

const ROOM: &str = r#"{"id":"rm_1","title":"A","createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-01T00:00:00.000Z"}"#;

#[tokio::test]
async fn the_key_header_and_encoded_paths_under_a_prefix() {
    let s = stub(vec![answer("200 OK", "", ROOM)]).await;
    let c = client(&format!("{}/proxy/", s.base));
    c.get_room("rm:1.x").await.unwrap();
    let req = s.requests.lock().unwrap()[0].clone();
    assert!(
        req.starts_with("GET /proxy/api/v2/rooms/rm:1.x HTTP/1.1"),
        "{req}"
    );
    assert!(req
        .to_ascii_lowercase()
        .contains("x-flowla-api-key: wire-key-123"));
}

#[tokio::test]
async fn the_normalised_body_is_what_is_sent() {
    let s = stub(vec![answer("201 Created", "", ROOM)]).await;
    let c = client(&s.base);
    let body = NewRoom {
        theme_color: Some("#f50".into()),
        email: Some(" buyer@acme.com ".into()),
        ..Default::default()
    };
    c.create_room(&body).await.unwrap();
    let req = s.requests.lock().unwrap()[0].clone();
    assert!(req.contains(r##""themeColor":"#FF5500""##), "{req}");
    assert!(req.contains(r#""email":"buyer@acme.com""#), "{req}");
    assert!(req
        .to_ascii_lowercase()
        .contains("content-type: application/json"));
}

#[tokio::test]
async fn html_and_empty_error_bodies_report_the_status() {
    let html = "<html><body>502 Bad Gateway</body></html>";
    let s = stub(vec![
        answer("502 Bad Gateway", "Content-Type: text/html\r\n", html),
        answer("502 Bad Gateway", "Content-Type: text/html\r\n", html),
        answer("502 Bad Gateway", "Content-Type: text/html\r\n", html),
    ])
    .await;
    let err = client(&s.base).statuses().await.unwrap_err();
    assert!(
        matches!(err, ClientError::Server { status: 502, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("HTML"), "{err}");
    assert_eq!(s.requests.lock().unwrap().len(), 3, "first try + 2 retries");

    let s = stub(vec![answer("500 Internal Server Error", "", "")]).await;
    let err = client(&s.base).lookup(LookupKind::Users).await.unwrap_err();
    assert!(err.to_string().contains("500") && err.to_string().contains("empty"));
}

#[tokio::test]
async fn a_429_with_retry_after_is_retried() {
    let s = stub(vec![
        answer("429 Too Many Requests", "Retry-After: 1\r\n", "{}"),
        answer("200 OK", "", &format!("[{ROOM}]")),
    ])
    .await;
    let rooms = client(&s.base)
        .list_rooms(&ListQuery::default())
        .await
        .unwrap();
    assert_eq!(rooms.len(), 1);
    assert_eq!(s.requests.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn a_create_answered_with_garbage_or_a_drop_is_uncertain() {
    let s = stub(vec![answer("201 Created", "", "{\"id\":\"rm_")]).await;
    let err = client(&s.base)
        .create_room(&NewRoom::default())
        .await
        .unwrap_err();
    assert!(matches!(&err, ClientError::Uncertain { reason, .. } if reason.contains("201")));

    let s = stub(vec![DROP.to_string(), answer("201 Created", "", ROOM)]).await;
    let err = client(&s.base)
        .create_room(&NewRoom::default())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "uncertain");
    assert_eq!(s.requests.lock().unwrap().len(), 1, "never retried");

    // A read whose connection drops is simply retried.
    let s = stub(vec![DROP.to_string(), answer("200 OK", "", ROOM)]).await;
    client(&s.base).get_room("rm_1").await.unwrap();
}

#[tokio::test]
async fn a_503_create_is_retried_and_redirects_are_not_followed() {
    let s = stub(vec![
        answer("503 Service Unavailable", "", "{}"),
        answer("201 Created", "", ROOM),
    ])
    .await;
    let room = client(&s.base)
        .create_room(&NewRoom::default())
        .await
        .unwrap();
    assert_eq!(room.id, "rm_1");

    let s = stub(vec![answer(
        "302 Found",
        "Location: http://127.0.0.1:9/steal\r\n",
        "",
    )])
    .await;
    let err = client(&s.base).statuses().await.unwrap_err();
    assert!(
        matches!(err, ClientError::Server { status: 302, .. }),
        "{err:?}"
    );
}

/// A server that answers one request with a 200 of `size` bytes, announced by
/// `Content-Length` or (without it) streamed until the connection closes.
async fn big_reply(size: usize, announced: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let Ok((mut socket, _)) = listener.accept().await else {
            return;
        };
        let mut head = [0u8; 4096];
        let _ = socket.read(&mut head).await;
        let length = if announced {
            format!("Content-Length: {size}\r\n")
        } else {
            String::new()
        };
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n{length}\r\n"
        );
        if socket.write_all(head.as_bytes()).await.is_err() {
            return;
        }
        let chunk = vec![b' '; 64 * 1024];
        let mut sent = 0;
        while sent < size {
            let n = chunk.len().min(size - sent);
            if socket.write_all(&chunk[..n]).await.is_err() {
                return; // the client hung up: what we want
            }
            sent += n;
        }
        socket.shutdown().await.ok();
    });
    base
}

#[tokio::test]
async fn replies_over_16_mib_are_refused_unread() {
    let over = (crate::MAX_REPLY_BYTES + 1) as usize;
    // Announced too large: refused before reading the body.
    let err = client(&big_reply(over, true).await)
        .statuses()
        .await
        .unwrap_err();
    assert_eq!(
        err,
        ClientError::ReplyTooLarge {
            limit_bytes: crate::MAX_REPLY_BYTES
        }
    );
    assert_eq!(err.code(), "reply_too_large");
    assert!(err.to_string().contains("16 MiB"), "{err}");
    assert!(!err.retryable());
    // Not announced: counted as it streams in, refused at the limit.
    let err = client(&big_reply(over, false).await)
        .statuses()
        .await
        .unwrap_err();
    assert_eq!(err.code(), "reply_too_large");
    // A create answered too largely may have happened.
    let err = client(&big_reply(over, false).await)
        .create_room(&NewRoom::default())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "uncertain", "{err:?}");
    // Just under the limit is read (and then is not JSON: malformed, not refused).
    let err = client(&big_reply(1024 * 1024, false).await)
        .statuses()
        .await
        .unwrap_err();
    assert_eq!(err.code(), "malformed", "{err:?}");
}
