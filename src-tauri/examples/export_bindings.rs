//! Writes the generated TypeScript files (`ui/src/bindings.ts`, `ui/src/catalogue.ts`)
//! from the Rust types and the field catalogue; with `--check`, fails (exit 1) when a
//! committed file differs from what the Rust side generates.

use roomdesk_app::bindings::{generated_files, workspace_file};
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = std::env::args().skip(1).any(|a| a == "--check");
    let mut ok = true;
    for (relative, fresh) in generated_files() {
        let path = workspace_file(relative);
        if check {
            match std::fs::read_to_string(&path) {
                Ok(current) if current == fresh => println!("{relative} is up to date"),
                Ok(_) => {
                    eprintln!("{relative} is stale: run `cargo run -p roomdesk-app --example export-bindings` and commit it");
                    ok = false;
                }
                Err(e) => {
                    eprintln!("cannot read {}: {e}", path.display());
                    ok = false;
                }
            }
            continue;
        }
        if let Some(dir) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("cannot create {}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
        }
        match std::fs::write(&path, fresh) {
            Ok(()) => println!("wrote {relative}"),
            Err(e) => {
                eprintln!("cannot write {}: {e}", path.display());
                ok = false;
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
