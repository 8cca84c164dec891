//! Tauri's build step: reads tauri.conf.json and prepares the embedded context.

fn main() {
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new()) {
        // A build script reports failure by panicking; say what went wrong.
        panic!("tauri-build failed: {e:#}");
    }
}
