//! A strict emulator of the Flowla rooms API v2 (`docs/flowla-api.md`), with fault
//! injection, for tests, benchmarks and the desktop Sandbox.
//!
//! ```no_run
//! # async fn demo() -> Result<(), roomdesk_emulator::EmulatorError> {
//! use roomdesk_emulator::{spawn, EmulatorConfig, Faults};
//! let emulator = spawn("127.0.0.1:0".parse().unwrap(), EmulatorConfig {
//!     seed_rooms: 500, ..Default::default() }).await?;
//! println!("{}", emulator.base_url()); // http://127.0.0.1:PORT, key roomdesk_model::SANDBOX_API_KEY
//! emulator.set_faults(Faults { latency_ms: 50, ..Default::default() });
//! emulator.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! API: `POST/GET/PATCH /api/v2/rooms[/{id}]`, `GET /api/v2/rooms?page&limit&sortBy&
//! sortDirection`, `GET /api/v2/{statuses,companies,labels,users,templates}`, all behind
//! `x-flowla-api-key`. Control (loopback peers only, no key, never faulted):
//! `GET/PUT /__emulator/faults`, `GET /__emulator/stats`, `GET /__emulator/rooms`,
//! `PATCH /__emulator/rooms/{id}`.
//!
//! Seeded lookups: statuses `st_active` (default), `st_draft`, `st_won`, `st_lost`,
//! `st_archived`; companies `cmp_0001`..`cmp_0014`; labels `lbl_0001`..`lbl_0006`; users
//! `usr_0001`..`usr_0008`; templates `tpl_0001` (Onboarding) .. `tpl_0004`.

mod app;
mod catalog;
mod config;
mod control;
mod error;
mod faults;
mod persist;
mod rng;
mod routes;
mod seed;
mod server;
mod state;

pub use app::EmulatorStats;
pub use catalog::{template, Template};
pub use config::{EmulatorConfig, Faults};
pub use error::{EmulatorError, Result};
pub use persist::{import_json_state, write_file_durably};
pub use seed::generate_rooms;

use app::{lock, App};
use roomdesk_model::{Room, RoomPatch};
use state::Db;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// A running emulator. Cheap to clone; the server runs until [`EmulatorHandle::shutdown`]
/// (or until the tokio runtime ends), even when every handle is dropped.
#[derive(Clone)]
pub struct EmulatorHandle {
    inner: Arc<Inner>,
}

struct Inner {
    addr: SocketAddr,
    app: Arc<App>,
    stop: watch::Sender<bool>,
    task: Mutex<Option<JoinHandle<()>>>,
}

/// Starts an emulator on `addr` (use port 0 for a free port). With a `state_file` that
/// exists, its rooms are served instead of `seed_rooms` generated ones.
pub async fn spawn(addr: SocketAddr, config: EmulatorConfig) -> Result<EmulatorHandle> {
    // Bad faults are reported before the state file is touched (`spawn_on` checks again).
    config
        .faults
        .validate()
        .map_err(EmulatorError::InvalidFaults)?;
    let state = match &config.state_file {
        Some(path) => read_state(path)?,
        None => LoadedState::default(),
    };
    spawn_on(bind(addr).await?, config, state)
}

/// Binds `addr` the way the emulator serves (tokio's listener: `SO_REUSEADDR`, so a port
/// just freed by a previous run is taken again), for [`spawn_on`].
pub async fn bind(addr: SocketAddr) -> Result<std::net::TcpListener> {
    let bind_error = |source| EmulatorError::Bind { addr, source };
    tokio::net::TcpListener::bind(addr)
        .await
        .and_then(|l| l.into_std())
        .map_err(bind_error)
}

/// A state file opened ahead of [`spawn_on`] (opening has no side effect, so it can run
/// while the rest of a program starts up).
#[derive(Debug, Default)]
pub struct LoadedState(Option<Db>);

impl LoadedState {
    /// Whether the file existed (its rooms are used instead of generated ones).
    pub fn is_loaded(&self) -> bool {
        self.0.is_some()
    }
}

/// Opens the state file `path`. A missing file is no error (the emulator then creates
/// it with seeded rooms); an unreadable one, or a file that is no state file, is
/// [`EmulatorError::StateLoad`].
pub fn read_state(path: &std::path::Path) -> Result<LoadedState> {
    persist::load(path).map(LoadedState)
}

/// Starts an emulator on a bound `listener`, with the rooms of `state` when it holds
/// some, else with `seed_rooms` generated ones (in a new `state_file` when the config
/// names one, else in memory).
/// Needs a tokio runtime.
pub fn spawn_on(
    listener: std::net::TcpListener,
    config: EmulatorConfig,
    state: LoadedState,
) -> Result<EmulatorHandle> {
    config
        .faults
        .validate()
        .map_err(EmulatorError::InvalidFaults)?;
    let local = listener
        .local_addr()
        .map_err(|source| EmulatorError::Bind {
            addr: SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0)),
            source,
        })?;
    let bind_error = |source| EmulatorError::Bind {
        addr: local,
        source,
    };
    listener.set_nonblocking(true).map_err(bind_error)?;
    let listener = tokio::net::TcpListener::from_std(listener).map_err(bind_error)?;
    let db = match state.0 {
        Some(db) => db,
        None => {
            let rooms = generate_rooms(config.seed_rooms, config.rng_seed);
            match &config.state_file {
                Some(path) => persist::create(path, rooms)?,
                None => Db::in_memory()
                    .and_then(|mut db| db.insert_all(rooms).map(|()| db))
                    .map_err(|e| EmulatorError::Store(e.to_string()))?,
            }
        }
    };
    let app = Arc::new(App::new(&config, db));
    let (stop, stopped) = watch::channel(false);
    let task = tokio::spawn(server::accept_loop(listener, Arc::clone(&app), stopped));
    Ok(EmulatorHandle {
        inner: Arc::new(Inner {
            addr: local,
            app,
            stop,
            task: Mutex::new(Some(task)),
        }),
    })
}

impl EmulatorHandle {
    /// The address the server listens on (the real port when spawned on port 0).
    pub fn addr(&self) -> SocketAddr {
        self.inner.addr
    }

    /// `http://127.0.0.1:PORT` (a wildcard bind address is reached through loopback).
    pub fn base_url(&self) -> String {
        let mut addr = self.inner.addr;
        match addr.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => addr.set_ip(Ipv4Addr::LOCALHOST.into()),
            IpAddr::V6(ip) if ip.is_unspecified() => addr.set_ip(Ipv6Addr::LOCALHOST.into()),
            _ => {}
        }
        format!("http://{addr}")
    }

    pub fn faults(&self) -> Faults {
        self.inner.app.faults()
    }

    /// Replaces the faults now. Out-of-range rates are clamped to `0..=1`, a rate limit of
    /// 0 counts as 1 per minute.
    pub fn set_faults(&self, faults: Faults) {
        let clamp = |r: f64| if r.is_nan() { 0.0 } else { r.clamp(0.0, 1.0) };
        let faults = Faults {
            fault_rate: clamp(faults.fault_rate),
            malformed_rate: clamp(faults.malformed_rate),
            drop_after_create_rate: clamp(faults.drop_after_create_rate),
            drop_before_create_rate: clamp(faults.drop_before_create_rate),
            rate_limit_per_minute: faults.rate_limit_per_minute.map(|n| n.max(1)),
            ..faults
        };
        self.inner.app.set_faults(faults);
    }

    /// Every room the server holds, write-only fields included, in insertion order
    /// (none, logged, if the store fails).
    pub fn rooms(&self) -> Vec<Room> {
        lock(&self.inner.app.db).all().unwrap_or_else(|e| {
            tracing::warn!("emulator: reading the rooms failed: {e}");
            Vec::new()
        })
    }

    /// An edit by "another user": validates and applies the patch, bumps `updatedAt`.
    /// `None` when the id is unknown, the patch is invalid (or empty), or the store
    /// fails (logged).
    pub fn server_update(&self, id: &str, patch: &RoomPatch) -> Option<Room> {
        let patch = patch.validate().ok()?;
        self.inner.app.apply_patch(id, &patch).unwrap_or_else(|e| {
            tracing::warn!("emulator: updating {id} failed: {e}");
            None
        })
    }

    /// A deletion by "another user" (in Flowla's web app; the API has no delete).
    /// `false` when the id is unknown or the store fails (logged).
    pub fn server_delete(&self, id: &str) -> bool {
        self.inner.app.delete_room(id).unwrap_or_else(|e| {
            tracing::warn!("emulator: deleting {id} failed: {e}");
            false
        })
    }

    pub fn stats(&self) -> EmulatorStats {
        self.inner.app.counters.snapshot()
    }

    /// Stops accepting, closes open connections and waits for the server task.
    pub async fn shutdown(self) {
        let _ = self.inner.stop.send(true);
        let task = lock(&self.inner.task).take();
        if let Some(task) = task {
            let _ = task.await;
        }
    }
}

impl std::fmt::Debug for EmulatorHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmulatorHandle")
            .field("addr", &self.inner.addr)
            .finish_non_exhaustive()
    }
}
