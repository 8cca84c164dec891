//! Roomdesk's desktop shell: thin command adapters over `roomdesk-core`, the app state,
//! the in-app Sandbox, and the OS keyring. No business logic lives here.
//!
//! Environment (all optional): `ROOMDESK_DATA_DIR` (data dir; tests use a temp dir),
//! `RUST_LOG` (log filter, default `info`; logs go to stderr). Debug builds also honour the
//! test suites' switches (`test_switches`): `ROOMDESK_SECRET_STORE=memory` (in-memory keys
//! instead of the OS keyring) and `ROOMDESK_SANDBOX_PORT` (first port the Sandbox tries,
//! default 7878; 0 = any free port); a release build refuses to start while one is set.

pub mod bindings;
pub mod catalogue_ts;
pub mod commands;
pub mod connection;
pub mod error;
pub mod logging;
pub mod sandbox;
pub mod secrets;
pub mod single_instance;
pub mod state;
pub mod test_switches;

#[cfg(test)]
mod tests;

pub use error::{Result, ShellError};
pub use state::{AppState, StateOptions};

use sandbox::SandboxRooms;
use tauri::{Manager, Runtime, Wry};

/// Registers every command on `builder` and builds the app; the caller then manages the
/// `AppState` (before `run`, which opens the window). Generic over the runtime so tests
/// drive the same app on `tauri::test::MockRuntime`.
pub fn build_app<R: Runtime>(
    builder: tauri::Builder<R>,
    context: tauri::Context<R>,
) -> tauri::Result<tauri::App<R>> {
    builder.invoke_handler(commands::handler()).build(context)
}

/// Starts the real app: logging, data dir, Sandbox, saved connection, window.
///
/// A second launch on the same data dir hands over to the running app and ends before
/// anything else starts (`single_instance`). The state (database, Sandbox) is opened after
/// `build`: the window, and with it the first command, comes up in `run`.
pub fn run(context: tauri::Context<Wry>) -> std::result::Result<(), String> {
    logging::init();
    let switches = test_switches::from_env()?;
    let data_dir = state::default_data_dir().map_err(|e| e.to_string())?;
    // The instance lock lives in the data dir, so it must exist first.
    std::fs::create_dir_all(&data_dir)
        .map_err(|e| format!("cannot create the data dir {}: {e}", data_dir.display()))?;
    #[cfg(unix)]
    let instance = match single_instance::claim(&data_dir) {
        Ok(single_instance::Launch::First(instance)) => Some(instance),
        Ok(single_instance::Launch::HandedOver) => return Ok(()),
        Err(e) => {
            tracing::warn!(
                "cannot take the instance lock in {} ({e}); starting anyway",
                data_dir.display()
            );
            None
        }
    };
    // The Sandbox's state file is opened on another thread while GTK, WebKit and the
    // window's machinery start.
    let reader = {
        let data_dir = data_dir.clone();
        std::thread::spawn(move || SandboxRooms::read(&data_dir))
    };
    let builder = tauri::Builder::default();
    #[cfg(not(unix))]
    let builder = builder.plugin(single_instance::plugin());
    let app = build_app(builder, context).map_err(|e| e.to_string())?;
    #[cfg(unix)]
    if let Some(instance) = instance {
        let handle = app.handle().clone();
        instance.serve(move || single_instance::bring_forward(&handle));
    }
    let sandbox_rooms = reader
        .join()
        .map_err(|_| "reading the Sandbox's rooms failed unexpectedly".to_string())?;
    let options = StateOptions {
        data_dir,
        secrets: secrets::store_for(switches.memory_secrets),
        sandbox_port: switches.sandbox_port,
        sandbox_rooms: Some(sandbox_rooms),
    };
    let state =
        tauri::async_runtime::block_on(AppState::open(options)).map_err(|e| e.to_string())?;
    tracing::info!(data_dir = %state.data_dir().display(), sandbox = %state.sandbox().base_url(), "Roomdesk starting");
    app.manage(state);
    app.run(|_, _| {});
    Ok(())
}
