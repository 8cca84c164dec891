//! One running Roomdesk per data dir. A second launch on the same data dir hands over to
//! the running app (which comes to the front and says so) and exits before it opens the
//! database or starts a Sandbox, so two processes never share the Sandbox's file, the
//! outbox or the SQLite workspace. Another data dir (a test's temp dir, a second user
//! profile) is another instance and may run beside it.
//!
//! On Linux the running app owns a well-known name on the D-Bus session bus
//! (`tauri-plugin-single-instance`); without a session bus it starts normally, and the
//! core's sync lock still keeps two writers apart.

use std::hash::{Hash, Hasher};
use std::path::Path;
use tauri::{Emitter, Manager, Runtime};

/// Event the window receives when someone launched Roomdesk again on its data dir.
pub const SECOND_LAUNCH_EVENT: &str = "roomdesk://second-launch";

/// The bus name prefix; the data dir's fingerprint follows (names allow only
/// `[A-Za-z0-9_-]` elements that don't start with a digit).
const NAME_PREFIX: &str = "com.roomdesk.app.instance";

/// The instance name for `data_dir`: stable for one directory, different for another.
/// The path is resolved first (when the directory exists), so a relative path or a
/// symlink to the same directory names the same instance.
pub fn instance_name(data_dir: &Path) -> String {
    let resolved = std::fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
    // FNV-1a over the path's bytes: stable across Rust releases and builds, unlike std's
    // DefaultHasher, so an upgraded app still finds the instance an older one runs.
    let mut hash = Fnv1a::default();
    resolved.hash(&mut hash);
    format!("{NAME_PREFIX}.d{:016x}", hash.finish())
}

/// The plugin for the real app: brings the window forward and tells the UI.
pub fn plugin<R: Runtime>(data_dir: &Path) -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_name(data_dir))
        .callback(|app, _args, _cwd| {
            tracing::info!("Roomdesk was launched again on this data dir; showing this window");
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
            if let Err(e) = app.emit(SECOND_LAUNCH_EVENT, ()) {
                tracing::warn!("could not tell the window about the second launch: {e}");
            }
        })
        .build()
}

struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv1a {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_per_data_dir_and_a_valid_bus_name() {
        let a = instance_name(Path::new("/home/ana/.local/share/com.roomdesk.app"));
        let again = instance_name(Path::new("/home/ana/.local/share/com.roomdesk.app"));
        let b = instance_name(Path::new("/tmp/.tmpX1/data"));
        assert_eq!(a, again);
        assert_ne!(a, b);
        assert!(a.len() <= 255);
        for element in a.split('.') {
            assert!(!element.is_empty());
            assert!(!element.starts_with(|c: char| c.is_ascii_digit()), "{a}");
            assert!(element
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_to_a_data_dir_is_the_same_instance() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("data");
        std::fs::create_dir(&real).unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert_eq!(instance_name(&real), instance_name(&link));
    }
}
