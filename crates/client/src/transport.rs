//! One request, sent with the key, paced, retried per [`crate::retry`], and read to the
//! end. Non-2xx answers become typed errors here; callers parse 2xx bodies.

use crate::config::ClientConfig;
use crate::error::{from_status, ClientError, Result};
use crate::pacing::Pacer;
use crate::retry::{delay, parse_retry_after, verdict, Outcome, RequestKind, Verdict};
use crate::server_clock::ServerClock;
use reqwest::header::{HeaderValue, ACCEPT, CONTENT_TYPE, DATE, RETRY_AFTER};
use reqwest::Method;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use url::Url;

/// The header that carries the API key.
pub const API_KEY_HEADER: &str = "x-flowla-api-key";

/// The largest reply body read (16 MiB; a page of 100 rooms is well under 1 MiB). A
/// larger one, by its `Content-Length` or counted while it streams in, is refused
/// ([`ClientError::ReplyTooLarge`]) before it fills memory.
pub const MAX_REPLY_BYTES: u64 = 16 * 1024 * 1024;

/// A 2xx answer.
#[derive(Debug)]
pub(crate) struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
    /// Wall-clock time (epoch ms) just before the attempt that got this answer.
    pub sent_at_millis: i64,
}

/// A request to send: method, path below `/api/v2/`, query, JSON body.
pub(crate) struct Call<'a> {
    pub method: Method,
    pub path: &'a [&'a str],
    pub query: &'a [(&'static str, String)],
    pub body: Option<Vec<u8>>,
    pub kind: RequestKind,
}

#[derive(Debug)]
pub(crate) struct Transport {
    http: reqwest::Client,
    base: Url,
    key: HeaderValue,
    max_retries: u32,
    base_backoff: Duration,
    max_backoff: Duration,
    pub(crate) concurrency: usize,
    pacer: Pacer,
    /// The server's clock as its answers' `Date` headers tell it.
    pub(crate) clock: ServerClock,
}

impl Transport {
    pub fn new(config: &ClientConfig) -> Result<Self> {
        let base = config.check()?;
        let mut key = HeaderValue::from_str(&config.api_key).map_err(|_| {
            ClientError::InvalidConfig("the API key cannot be sent in a header".to_string())
        })?;
        key.set_sensitive(true);
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .connect_timeout(config.timeout.min(Duration::from_secs(10)))
            // A redirect could carry the key to another host: follow none.
            .redirect(reqwest::redirect::Policy::none())
            .https_only(base.scheme() == "https")
            .user_agent(concat!("roomdesk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| ClientError::InvalidConfig(format!("cannot set up HTTP: {e}")))?;
        Ok(Transport {
            http,
            base,
            key,
            max_retries: config.max_retries,
            base_backoff: config.base_backoff,
            max_backoff: config.max_backoff,
            concurrency: config.concurrency,
            pacer: Pacer::new(config.requests_per_minute),
            clock: ServerClock::default(),
        })
    }

    /// `{base}/api/v2/{segments…}`, each segment percent-encoded.
    pub fn url(&self, path: &[&str]) -> Result<Url> {
        let mut url = self.base.clone();
        {
            let mut segments = url.path_segments_mut().map_err(|()| {
                ClientError::InvalidConfig("the base URL cannot take a path".to_string())
            })?;
            segments.pop_if_empty().extend(["api", "v2"]).extend(path);
        }
        Ok(url)
    }

    /// Sends `call`, retrying what is safe to retry. `Ok` only for a 2xx answer.
    pub async fn send(&self, call: Call<'_>) -> Result<Reply> {
        let mut url = self.url(call.path)?;
        if !call.query.is_empty() {
            url.query_pairs_mut().extend_pairs(call.query);
        }
        let mut attempt = 0u32;
        loop {
            self.pacer.wait_turn().await;
            let sent_at_millis = now_millis();
            let (outcome, body) = self.attempt(&call, &url, sent_at_millis).await;
            match verdict(call.kind, &outcome) {
                Verdict::Uncertain(reason) => {
                    return Err(ClientError::Uncertain {
                        sent_at_millis,
                        reason,
                    })
                }
                Verdict::Retry { server_wait } if attempt < self.max_retries => {
                    let wait = delay(
                        server_wait,
                        attempt,
                        self.base_backoff,
                        self.max_backoff,
                        rand::random::<f64>(),
                    );
                    if server_wait.is_some() {
                        self.pacer.pause_until(tokio::time::Instant::now() + wait);
                    }
                    tracing::debug!(
                        method = %call.method,
                        path = url.path(),
                        attempt,
                        ?outcome,
                        wait_ms = wait.as_millis() as u64,
                        "retrying Flowla request"
                    );
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                Verdict::Retry { .. } | Verdict::Finish => {
                    return finish(outcome, body, sent_at_millis)
                }
            }
        }
    }

    async fn attempt(&self, call: &Call<'_>, url: &Url, sent_at_millis: i64) -> (Outcome, Vec<u8>) {
        let mut request = self
            .http
            .request(call.method.clone(), url.clone())
            .header(API_KEY_HEADER, self.key.clone())
            .header(ACCEPT, "application/json");
        if let Some(body) = &call.body {
            request = request
                .header(CONTENT_TYPE, "application/json")
                .body(body.clone());
        }
        let mut response = match request.send().await {
            Ok(r) => r,
            Err(e) => return (failure(&e), Vec::new()),
        };
        self.clock.record(
            response.headers().get(DATE).and_then(|v| v.to_str().ok()),
            sent_at_millis,
            now_millis(),
        );
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| parse_retry_after(v, SystemTime::now()));
        if response
            .content_length()
            .is_some_and(|n| n > MAX_REPLY_BYTES)
        {
            return (Outcome::Oversized, Vec::new());
        }
        let mut body = Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if (body.len() + chunk.len()) as u64 > MAX_REPLY_BYTES {
                        // Dropping the response closes the connection unread.
                        return (Outcome::Oversized, Vec::new());
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) if e.is_timeout() => return (Outcome::TimedOut, Vec::new()),
                Err(e) => return (Outcome::Dropped(describe(&e)), Vec::new()),
            }
        }
        (
            Outcome::Answer {
                status,
                retry_after,
            },
            body,
        )
    }
}

/// The final result of a request from its last outcome.
fn finish(outcome: Outcome, body: Vec<u8>, sent_at_millis: i64) -> Result<Reply> {
    match outcome {
        Outcome::Answer { status, .. } if (200..300).contains(&status) => Ok(Reply {
            status,
            body,
            sent_at_millis,
        }),
        Outcome::Answer {
            status,
            retry_after,
        } => Err(from_status(status, &body, retry_after)),
        Outcome::ConnectFailed(why) | Outcome::Dropped(why) => Err(ClientError::Network(why)),
        Outcome::TimedOut => Err(ClientError::Timeout),
        Outcome::Oversized => Err(ClientError::ReplyTooLarge {
            limit_bytes: MAX_REPLY_BYTES,
        }),
    }
}

/// A send error as an outcome: connect failures (including connect timeouts) sent
/// nothing; anything else may have reached the server.
fn failure(e: &reqwest::Error) -> Outcome {
    if e.is_connect() {
        Outcome::ConnectFailed(format!(
            "no connection to {} ({})",
            server_of(e),
            root_cause(e)
        ))
    } else if e.is_timeout() {
        Outcome::TimedOut
    } else {
        Outcome::Dropped(describe(e))
    }
}

/// A failure after the request went out, in plain words: where, and what the system said.
fn describe(e: &reqwest::Error) -> String {
    format!(
        "the connection to {} broke before its answer ({})",
        server_of(e),
        root_cause(e)
    )
}

/// The server's host and port, from the failed request's URL (URLs carry no secret; the
/// key is a header).
fn server_of(e: &reqwest::Error) -> String {
    match e.url().and_then(|u| Some((u.host_str()?, u.port()))) {
        Some((host, Some(port))) => format!("{host}:{port}"),
        Some((host, None)) => host.to_string(),
        None => "the server".to_string(),
    }
}

/// The innermost cause (e.g. "Connection refused (os error 111)"), without the wrapper
/// layers' own words ("error sending request for url …", "client error (Connect)").
fn root_cause(e: &reqwest::Error) -> String {
    let mut last: &dyn std::error::Error = e;
    while let Some(next) = last.source() {
        last = next;
    }
    last.to_string()
}

pub(crate) fn now_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
