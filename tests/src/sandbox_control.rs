//! The app's built-in Sandbox seen from a test: its control API under `/__emulator/`
//! (loopback only) switches it offline, edits a room as another user would, and reads
//! every stored room, write-only fields included, to check what really reached the server.

use crate::desktop::E2eResult;
use serde_json::{json, Value};

/// The Sandbox the app started on `port` (`ROOMDESK_SANDBOX_PORT`).
pub struct SandboxControl {
    base: String,
    http: reqwest::Client,
}

impl SandboxControl {
    pub fn on_port(port: u16) -> SandboxControl {
        SandboxControl {
            base: format!("http://127.0.0.1:{port}/__emulator"),
            http: reqwest::Client::new(),
        }
    }

    async fn send(&self, request: reqwest::RequestBuilder, what: &str) -> E2eResult<Value> {
        let answer = request
            .send()
            .await
            .map_err(|e| format!("{what}: the Sandbox did not answer: {e}"))?;
        let status = answer.status();
        let body = answer.text().await?;
        if !status.is_success() {
            return Err(format!("{what}: the Sandbox answered {status}: {body}").into());
        }
        Ok(serde_json::from_str(&body).map_err(|e| format!("{what}: not JSON ({e}): {body}"))?)
    }

    /// Every API request's connection closed unanswered (`true`), or normal again.
    pub async fn set_offline(&self, offline: bool) -> E2eResult<()> {
        let url = format!("{}/faults", self.base);
        let mut faults = self.send(self.http.get(&url), "read faults").await?;
        faults["offline"] = json!(offline);
        self.send(self.http.put(&url).json(&faults), "set offline")
            .await?;
        Ok(())
    }

    /// Every stored room (write-only fields included).
    pub async fn rooms(&self) -> E2eResult<Vec<Value>> {
        let url = format!("{}/rooms", self.base);
        match self.send(self.http.get(&url), "list rooms").await? {
            Value::Array(rooms) => Ok(rooms),
            other => Err(format!("the rooms are not a list: {other}").into()),
        }
    }

    /// One stored room by id.
    pub async fn room(&self, id: &str) -> E2eResult<Value> {
        self.rooms()
            .await?
            .into_iter()
            .find(|r| r["id"] == id)
            .ok_or_else(|| format!("the Sandbox has no room {id}").into())
    }

    /// The stored rooms titled exactly `title`.
    pub async fn titled(&self, title: &str) -> E2eResult<Vec<Value>> {
        Ok(self
            .rooms()
            .await?
            .into_iter()
            .filter(|r| r["title"] == title)
            .collect())
    }

    /// Another user edits a room (the server's `updatedAt` moves on).
    pub async fn edit_as_another_user(&self, id: &str, patch: Value) -> E2eResult<Value> {
        let url = format!("{}/rooms/{id}", self.base);
        self.send(self.http.patch(&url).json(&patch), "edit a room")
            .await
    }
}
