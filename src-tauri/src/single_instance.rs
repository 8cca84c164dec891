//! One running Roomdesk per data dir. A second launch on the same data dir hands over to
//! the running app (which comes to the front and says so) and exits before it starts GTK,
//! opens the database or starts a Sandbox, so two processes never share the Sandbox's
//! file, the outbox or the SQLite workspace. Another data dir (a test's temp dir, a second
//! user profile) is another instance and may run beside it.
//!
//! On Unix the running app holds an OS lock on `<data dir>/instance.lock` (released by
//! the kernel when the process ends, even by a crash) and listens on the Unix socket
//! `<data dir>/instance.sock`; a second launch finds the lock taken, writes `show` to the
//! socket and exits. Nothing here needs a D-Bus session. When the lock file cannot be
//! created (a read-only data dir) the app starts anyway, and the core's sync lock still
//! keeps two writers apart. Elsewhere `tauri-plugin-single-instance` does the same job.

use tauri::{AppHandle, Emitter, Manager, Runtime};

/// Event the window receives when someone launched Roomdesk again on its data dir.
pub const SECOND_LAUNCH_EVENT: &str = "roomdesk://second-launch";

/// Brings the window forward and tells the UI that Roomdesk was launched again.
pub fn bring_forward<R: Runtime>(app: &AppHandle<R>) {
    tracing::info!("Roomdesk was launched again on this data dir; showing this window");
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    if let Err(e) = app.emit(SECOND_LAUNCH_EVENT, ()) {
        tracing::warn!("could not tell the window about the second launch: {e}");
    }
}

/// The plugin that keeps one instance where the Unix lock and socket are not used.
#[cfg(not(unix))]
pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::init(|app, _args, _cwd| bring_forward(app))
}

#[cfg(unix)]
pub use unix::{claim, Instance, Launch};

#[cfg(unix)]
mod unix {
    use std::fs::{File, OpenOptions, TryLockError};
    use std::io::{Read, Write};
    use std::os::unix::net::{UnixListener, UnixStream};
    use std::path::Path;
    use std::time::{Duration, Instant};

    const LOCK_FILE: &str = "instance.lock";
    const SOCKET_FILE: &str = "instance.sock";
    const SHOW: &[u8] = b"show\n";
    /// How long a second launch keeps trying to reach the running app (which binds its
    /// socket right after taking the lock, so only a launch racing the first start waits).
    const HAND_OVER_FOR: Duration = Duration::from_secs(3);

    /// What a launch is.
    #[derive(Debug)]
    pub enum Launch {
        /// The only Roomdesk on this data dir: keep the [`Instance`] for the app's life.
        First(Instance),
        /// Another Roomdesk runs on this data dir and was asked to show its window.
        HandedOver,
    }

    /// The running app's hold on its data dir: the lock, and the socket a second launch
    /// writes to (`None` when it could not be bound; the lock still holds).
    #[derive(Debug)]
    pub struct Instance {
        lock: File,
        listener: Option<UnixListener>,
    }

    /// Takes the data dir for this process, or hands over to the process that has it.
    /// Errors when the lock file cannot be opened or locked.
    pub fn claim(data_dir: &Path) -> std::io::Result<Launch> {
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(data_dir.join(LOCK_FILE))?;
        let socket = data_dir.join(SOCKET_FILE);
        match lock.try_lock() {
            Ok(()) => {
                // A socket file left by an app that ended is stale: whoever holds the
                // lock owns the name.
                let _ = std::fs::remove_file(&socket);
                let listener = UnixListener::bind(&socket)
                    .inspect_err(|e| {
                        tracing::warn!(
                            "cannot listen on {} ({e}); a second launch will not bring this window forward",
                            socket.display()
                        );
                    })
                    .ok();
                Ok(Launch::First(Instance { lock, listener }))
            }
            Err(TryLockError::WouldBlock) => {
                hand_over(&socket);
                Ok(Launch::HandedOver)
            }
            Err(TryLockError::Error(e)) => Err(e),
        }
    }

    /// Asks the running app to show its window; says so on stderr when it does not answer.
    fn hand_over(socket: &Path) {
        let deadline = Instant::now() + HAND_OVER_FOR;
        loop {
            match UnixStream::connect(socket).and_then(|mut s| s.write_all(SHOW)) {
                Ok(()) => {
                    tracing::info!("Roomdesk is already open on this data dir; showed its window");
                    return;
                }
                Err(e) if Instant::now() >= deadline => {
                    tracing::warn!(
                        "Roomdesk is already open on this data dir but did not answer on {} ({e})",
                        socket.display()
                    );
                    return;
                }
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }

    impl Instance {
        /// Keeps the lock for the rest of the process and calls `on_show` on a thread of
        /// its own each time a second launch asks for the window.
        pub fn serve<F: Fn() + Send + 'static>(self, on_show: F) {
            let Instance { lock, listener } = self;
            // Held until the process ends, whatever happens to the listening thread (the
            // kernel releases it then).
            std::mem::forget(lock);
            let Some(listener) = listener else {
                return;
            };
            let spawned = std::thread::Builder::new()
                .name("single-instance".into())
                .spawn(move || {
                    for stream in listener.incoming() {
                        match stream {
                            Ok(mut stream) => {
                                let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
                                let mut message = [0u8; 16];
                                let n = stream.read(&mut message).unwrap_or(0);
                                if message[..n] == *SHOW {
                                    on_show();
                                }
                            }
                            Err(e) => tracing::warn!("single-instance socket: {e}"),
                        }
                    }
                });
            if let Err(e) = spawned {
                tracing::warn!("cannot listen for second launches: {e}");
            }
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    /// Claims `dir` (which must be free) and serves it; the receiver gets one `()` per
    /// request to show the window.
    #[allow(clippy::unwrap_used)] // a test helper outside #[test] fns
    fn serve_first(dir: &std::path::Path, why: &str) -> mpsc::Receiver<()> {
        let Launch::First(instance) = claim(dir).unwrap() else {
            panic!("{why}");
        };
        let (tx, rx) = mpsc::channel();
        instance.serve(move || tx.send(()).unwrap());
        rx
    }

    #[test]
    fn a_second_claim_hands_over_and_the_first_is_asked_to_show() {
        let dir = tempfile::tempdir().unwrap();
        let rx = serve_first(dir.path(), "the first launch is the instance");
        assert!(matches!(claim(dir.path()).unwrap(), Launch::HandedOver));
        rx.recv_timeout(Duration::from_secs(5))
            .expect("the running instance was asked to show its window");
        assert!(matches!(claim(dir.path()).unwrap(), Launch::HandedOver));
        rx.recv_timeout(Duration::from_secs(5)).unwrap();

        let other = tempfile::tempdir().unwrap();
        assert!(
            matches!(claim(other.path()).unwrap(), Launch::First(_)),
            "another data dir is another instance"
        );
    }

    #[test]
    fn an_ended_instance_leaves_nothing_that_blocks_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let Launch::First(first) = claim(dir.path()).unwrap() else {
            panic!("the first launch is the instance");
        };
        // The process ends: its lock goes with it; the socket file stays behind.
        drop(first);
        assert!(dir.path().join("instance.sock").exists());
        assert!(dir.path().join("instance.lock").exists());
        let rx = serve_first(
            dir.path(),
            "a stale socket file must not make a start hand over",
        );
        assert!(matches!(claim(dir.path()).unwrap(), Launch::HandedOver));
        rx.recv_timeout(Duration::from_secs(5)).unwrap();
    }

    #[test]
    fn a_stray_message_does_not_show_the_window() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let rx = serve_first(dir.path(), "the first launch is the instance");
        let mut stream =
            std::os::unix::net::UnixStream::connect(dir.path().join("instance.sock")).unwrap();
        stream.write_all(b"hello\n").unwrap();
        drop(stream);
        assert!(rx.recv_timeout(Duration::from_millis(500)).is_err());
    }
}
