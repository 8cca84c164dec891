//! Shared set-up for the emulator's HTTP tests: a real server on 127.0.0.1:0 and reqwest.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use roomdesk_emulator::{spawn, EmulatorConfig, EmulatorHandle};
use serde_json::Value;

pub const KEY: &str = "test-key";

pub async fn start(seed_rooms: usize) -> EmulatorHandle {
    start_with(EmulatorConfig {
        api_key: KEY.into(),
        seed_rooms,
        ..Default::default()
    })
    .await
}

pub async fn start_with(config: EmulatorConfig) -> EmulatorHandle {
    spawn("127.0.0.1:0".parse().unwrap(), config).await.unwrap()
}

pub struct Api {
    pub base: String,
    pub http: reqwest::Client,
}

impl Api {
    pub fn new(emu: &EmulatorHandle) -> Self {
        Api {
            base: emu.base_url(),
            http: reqwest::Client::new(),
        }
    }

    pub fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.http
            .get(format!("{}{path}", self.base))
            .header("x-flowla-api-key", KEY)
    }

    pub fn post(&self, path: &str, body: &Value) -> reqwest::RequestBuilder {
        self.http
            .post(format!("{}{path}", self.base))
            .header("x-flowla-api-key", KEY)
            .json(body)
    }

    pub fn patch(&self, path: &str, body: &Value) -> reqwest::RequestBuilder {
        self.http
            .patch(format!("{}{path}", self.base))
            .header("x-flowla-api-key", KEY)
            .json(body)
    }
}

/// Status and JSON body of a request.
pub async fn call(req: reqwest::RequestBuilder) -> (u16, Value) {
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, body)
}

/// Asserts the NestJS error shape and returns its messages as a list.
pub fn error_messages(status: u16, body: &Value) -> Vec<String> {
    assert_eq!(body["statusCode"], status, "{body}");
    assert!(body["error"].is_string(), "{body}");
    match &body["message"] {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a.iter().map(|m| m.as_str().unwrap().to_string()).collect(),
        other => panic!("message is neither string nor array: {other}"),
    }
}
