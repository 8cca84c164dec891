//! The smallest Tauri app we can build the way Roomdesk is built: one window, one static
//! page (`dist/index.html`, with a `data-testid="ready"` element), no commands, no state.
//! `scripts/bench-desktop.sh` measures it beside Roomdesk as the floor for start time
//! and memory on the same machine, in the same run.

fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("the minimal app failed to start: {e}");
        std::process::exit(1);
    }
}
