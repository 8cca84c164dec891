//! Writes `ui/src/bindings.ts` from the Rust types; with `--check`, fails (exit 1) when
//! the committed file differs from what the types generate.

use roomdesk_app::bindings::{bindings_file, render, BINDINGS_PATH};
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = std::env::args().skip(1).any(|a| a == "--check");
    let path = bindings_file();
    let fresh = render();
    if check {
        return match std::fs::read_to_string(&path) {
            Ok(current) if current == fresh => {
                println!("{BINDINGS_PATH} is up to date");
                ExitCode::SUCCESS
            }
            Ok(_) => {
                eprintln!("{BINDINGS_PATH} is stale: run `cargo run -p roomdesk-app --bin export-bindings` and commit it");
                ExitCode::FAILURE
            }
            Err(e) => {
                eprintln!("cannot read {}: {e}", path.display());
                ExitCode::FAILURE
            }
        };
    }
    if let Some(dir) = path.parent() {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    match std::fs::write(&path, fresh) {
        Ok(()) => {
            println!("wrote {BINDINGS_PATH}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}
