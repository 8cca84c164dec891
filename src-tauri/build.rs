//! Declares our commands to Tauri's permission system and grants them to the main window.
//!
//! The command list is not written here: it comes from `src/commands/declared.rs`, the one
//! declaration every other part is produced from. Each command gets `allow-<name>` /
//! `deny-<name>` permissions (the ACL manifest), and `capabilities/main.json` is written
//! from the same list (plus the few core permissions the UI needs), so granting a command
//! cannot be forgotten. The file is committed; `make test` fails when it is stale.

use std::path::Path;

/// Only the names matter here: the bodies and types are never compiled by the build script.
macro_rules! commands {
    ($( $(#[$meta:meta])* async fn $name:ident ( $($args:tt)* ) -> $ret:ty $body:block )*) => {
        const COMMANDS: &[&str] = &[$( stringify!($name) ),*];
    };
}

include!("src/commands/declared.rs");

/// Core permissions the main window needs besides our commands: events (sync progress
/// arrives on a channel) and the app version.
const CORE_PERMISSIONS: &[&str] = &["core:event:default", "core:app:allow-version"];

/// The main window's capability, as JSON.
fn capability() -> String {
    let mut permissions: Vec<String> = CORE_PERMISSIONS.iter().map(|p| p.to_string()).collect();
    permissions.extend(
        COMMANDS
            .iter()
            .map(|name| format!("allow-{}", name.replace('_', "-"))),
    );
    let list = permissions
        .iter()
        .map(|p| format!("    \"{p}\""))
        .collect::<Vec<_>>()
        .join(",\n");
    format!(
        "{{\n  \"$schema\": \"../gen/schemas/desktop-schema.json\",\n  \"identifier\": \"main-window\",\n  \"description\": \"The Roomdesk main window: our own commands (written by build.rs from src/commands/declared.rs), plus the core events and channels sync progress needs. No fs, http or shell access.\",\n  \"windows\": [\n    \"main\"\n  ],\n  \"permissions\": [\n{list}\n  ]\n}}\n"
    )
}

fn main() {
    println!("cargo:rerun-if-changed=src/commands/declared.rs");
    let path = Path::new("capabilities/main.json");
    let fresh = capability();
    if std::fs::read_to_string(path).ok().as_deref() != Some(fresh.as_str()) {
        if let Err(e) = std::fs::write(path, &fresh) {
            panic!("cannot write {}: {e}", path.display());
        }
    }
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        // A build script reports failure by panicking; say what went wrong.
        panic!("tauri-build failed: {e:#}");
    }
}
