//! The accept loop. Our own (hyper) loop rather than `axum::serve`, because two faults need
//! to close a connection without any answer, which an infallible axum `Router` cannot do:
//! the per-request service returns an error and hyper drops the connection.

use crate::app::{lock, App, Counters};
use crate::control::control_router;
use crate::error::ApiError;
use crate::faults::{fault_status, latency, malform};
use crate::routes::{api_router, DropConnection};
use axum::body::Body;
use axum::http::{HeaderValue, Request, Response, StatusCode};
use axum::response::IntoResponse;
use axum::Router;
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;
use tower::ServiceExt;

/// The error that makes hyper close a connection unanswered.
#[derive(Debug, thiserror::Error)]
#[error("connection dropped on purpose (injected fault)")]
pub(crate) struct ConnectionDropped;

#[derive(Clone)]
struct Routes {
    app: Arc<App>,
    api: Router,
    control: Router,
}

/// Serves connections until `shutdown` turns true; then every open connection is aborted.
pub(crate) async fn accept_loop(
    listener: TcpListener,
    app: Arc<App>,
    mut shutdown: watch::Receiver<bool>,
) {
    let routes = Routes {
        api: api_router(Arc::clone(&app)),
        control: control_router(Arc::clone(&app)),
        app,
    };
    let mut connections = JoinSet::new();
    let mut handle_alive = true;
    loop {
        tokio::select! {
            changed = shutdown.changed(), if handle_alive => match changed {
                Ok(()) if *shutdown.borrow() => break,
                Ok(()) => {}
                // Every handle is gone without a shutdown: keep serving.
                Err(_) => handle_alive = false,
            },
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let routes = routes.clone();
                    connections.spawn(serve_connection(stream, peer, routes));
                }
                Err(e) => {
                    tracing::warn!("emulator: accept failed: {e}");
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.shutdown().await;
}

async fn serve_connection(stream: tokio::net::TcpStream, peer: SocketAddr, routes: Routes) {
    let _ = stream.set_nodelay(true);
    let service = hyper::service::service_fn(move |req: Request<Incoming>| {
        let routes = routes.clone();
        async move { serve_request(routes, peer, req).await }
    });
    let result = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .serve_connection(TokioIo::new(stream), service)
        .await;
    if let Err(e) = result {
        tracing::debug!("emulator: connection from {peer} ended: {e}");
    }
}

fn is_control(path: &str) -> bool {
    path == "/__emulator" || path.starts_with("/__emulator/")
}

async fn serve_request(
    routes: Routes,
    peer: SocketAddr,
    req: Request<Incoming>,
) -> Result<Response<Body>, ConnectionDropped> {
    if is_control(req.uri().path()) {
        if !peer.ip().is_loopback() {
            return Ok(ApiError::new(
                StatusCode::FORBIDDEN,
                "the emulator control API answers loopback peers only",
            )
            .into_response());
        }
        // A web page could reach a loopback port through a name it controls (DNS
        // rebinding); its requests then carry that name as Host.
        let host = req
            .headers()
            .get(axum::http::header::HOST)
            .and_then(|h| h.to_str().ok());
        if !host.is_some_and(roomdesk_model::is_loopback_host) {
            return Ok(ApiError::new(
                StatusCode::FORBIDDEN,
                "the emulator control API answers requests for a loopback host name only",
            )
            .into_response());
        }
        return Ok(routes.control.oneshot(req).await.into_response());
    }
    let app = routes.app;
    let counters = &app.counters;
    Counters::bump(&counters.requests);
    let faults = app.faults();
    if faults.offline {
        Counters::bump(&counters.faults_injected);
        return Err(ConnectionDropped);
    }
    // The rate limiter sees the request as it arrives; the latency applies to every answer.
    let rate_limited = lock(&app.bucket).take().err();
    if let Some(delay) = latency(faults.latency_ms) {
        tokio::time::sleep(delay).await;
    }
    if let Some(retry_after) = rate_limited {
        Counters::bump(&counters.rate_limited);
        let mut response = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "ThrottlerException: Too Many Requests",
        )
        .into_response();
        response
            .headers_mut()
            .insert("retry-after", HeaderValue::from(retry_after));
        return Ok(response);
    }
    if app.roll(faults.fault_rate) {
        Counters::bump(&counters.faults_injected);
        let status = fault_status(app.roll_unit());
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
        return Ok(ApiError::new(status, "injected fault").into_response());
    }
    let key_ok = req
        .headers()
        .get("x-flowla-api-key")
        .is_some_and(|k| k.as_bytes() == app.api_key.as_bytes());
    if !key_ok {
        return Ok(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "Invalid or missing API key (x-flowla-api-key)",
        )
        .into_response());
    }
    let is_create = req.method() == axum::http::Method::POST
        && req.uri().path().trim_end_matches('/') == "/api/v2/rooms";
    if is_create && app.roll(faults.drop_before_create_rate) {
        Counters::bump(&counters.faults_injected);
        return Err(ConnectionDropped);
    }
    let response = routes.api.oneshot(req).await.into_response();
    if response.extensions().get::<DropConnection>().is_some() {
        Counters::bump(&counters.faults_injected);
        return Err(ConnectionDropped);
    }
    if response.status().is_success() && app.roll(faults.malformed_rate) {
        Counters::bump(&counters.faults_injected);
        return Ok(malformed(response).await);
    }
    Ok(response)
}

/// The same status and headers, a broken body.
async fn malformed(response: Response<Body>) -> Response<Body> {
    let (mut parts, body) = response.into_parts();
    let bytes = body
        .collect()
        .await
        .map(|c| c.to_bytes())
        .unwrap_or_default();
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(malform(&bytes)))
}
