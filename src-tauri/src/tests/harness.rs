//! The real command layer on `tauri::test::MockRuntime`: a temp data dir, the Sandbox on a
//! free loopback port, an in-memory secret store, the app's real config and ACL, and
//! `invoke` over the IPC path.

use crate::secrets::{MemoryStore, SecretStore};
use crate::{build_app, AppState, StateOptions};
use serde_json::Value;
use std::sync::Arc;
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

pub struct Harness {
    pub app: App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
    pub dir: tempfile::TempDir,
}

impl Harness {
    pub fn new() -> Harness {
        Harness::with_secrets(Arc::new(MemoryStore::default()))
    }

    pub fn with_secrets(secrets: Arc<dyn SecretStore>) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        Harness::open(dir, secrets)
    }

    /// Opens the app on an existing data dir (a "restart").
    pub fn open(dir: tempfile::TempDir, secrets: Arc<dyn SecretStore>) -> Harness {
        let state = tauri::async_runtime::block_on(AppState::open(StateOptions {
            data_dir: dir.path().to_path_buf(),
            secrets,
            sandbox_port: 0,
            sandbox_rooms: None,
        }))
        .unwrap();
        // The real context: the app's config and its ACL (build.rs manifest + capabilities).
        let app = build_app(mock_builder(), tauri::generate_context!()).unwrap();
        app.manage(state);
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Harness { app, window, dir }
    }

    /// Invokes `cmd` as the UI's `invoke(cmd, args)` does: the command's answer, or the
    /// value it rejected with.
    pub fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        invoke_on(&self.window, cmd, args)
    }

    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args.clone())
            .unwrap_or_else(|e| panic!("{cmd}({args}) failed: {e}"))
    }

    pub fn err(&self, cmd: &str, args: Value) -> Value {
        match self.invoke(cmd, args.clone()) {
            Ok(v) => panic!("{cmd}({args}) should fail, answered {v}"),
            Err(e) => e,
        }
    }
}

/// Invokes `cmd` from `window`'s own (local) URL, as the real UI does.
pub fn invoke_on(
    window: &WebviewWindow<MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: window.url().unwrap(),
        body: tauri::ipc::InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize::<Value>().unwrap())
}

/// A second emulator standing in for a real Flowla account.
pub fn flowla_server(api_key: &str, seed_rooms: usize) -> roomdesk_emulator::EmulatorHandle {
    let config = roomdesk_emulator::EmulatorConfig {
        api_key: api_key.to_string(),
        seed_rooms,
        ..Default::default()
    };
    tauri::async_runtime::block_on(roomdesk_emulator::spawn(
        "127.0.0.1:0".parse().unwrap(),
        config,
    ))
    .unwrap()
}
