// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(e) = roomdesk_app::run(tauri::generate_context!()) {
        eprintln!("Roomdesk could not start: {e}");
        std::process::exit(1);
    }
}
