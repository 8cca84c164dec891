#!/usr/bin/env bash
# The whole Roomdesk check, one banner per step. `make test` runs every step in order;
# name steps to run only those (e.g. `scripts/test.sh fmt clippy`).
#
# A step whose piece is missing (no app yet, no e2e tests, ...) is skipped with a loud
# banner on a developer's machine; under CI=true (.ci/run) it FAILS instead, so a lost
# test can never turn into a green run.
#
# Steps: setup fmt clippy machete architecture bindings ui cargo-test keyring app-build e2e package
#        (ui = typecheck, lint, vitest; app-build = UI production build + the app;
#         package = the .deb built, installed, launched, reinstalled and removed; needs root)
#        (`lint` = fmt clippy machete architecture bindings ui-lint)
set -euo pipefail
# shellcheck source=scripts/steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"
cd "$ROOT"

# Crates that must never depend on Tauri: the core is a library the CLI and tests use
# without a desktop (docs/architecture.md).
CORE_CRATES=(roomdesk-model roomdesk-emulator roomdesk-client roomdesk-store roomdesk-core roomdesk-cli)

# A piece of the check is not here: fail under CI, skip (loudly) elsewhere. The caller
# returns (or continues) after it, as after a skip.
_missing=0
missing() {
    if [ "${CI:-}" = true ]; then
        die "CI=true and a piece of the check is missing: $*"
    fi
    _missing=$((_missing + 1))
    skip "$*"
}

step_setup() {
    step "setup: install what this machine lacks"
    "$ROOT/scripts/setup.sh" all
    step_done
}

step_ui_build() {
    step "ui: production build (the desktop app embeds ui/dist)"
    if ! has_ui_script build; then
        missing "ui/ has no package.json with a build script yet"
        return 0
    fi
    "$ROOT/scripts/build-desktop.sh" ui
    step_done
}

step_fmt() {
    step "rustfmt: cargo fmt --all -- --check"
    cargo fmt --all -- --check
    step_done
}

step_clippy() {
    # --locked: CI builds exactly the dependency versions in the committed Cargo.lock and
    # fails here if a manifest change was committed without its lock file update.
    step "clippy: cargo clippy --locked --workspace --all-targets -- -D warnings"
    cargo clippy --locked --workspace --all-targets -- -D warnings
    step_done
}

step_machete() {
    step "unused dependencies: cargo machete"
    command -v cargo-machete >/dev/null 2>&1 || "$ROOT/scripts/setup.sh" lint
    cargo machete
    step_done
}

step_architecture() {
    step "architecture: the core crates never depend on Tauri"
    local crate out bad=0
    for crate in "${CORE_CRATES[@]}"; do
        if ! has_cargo_package "$crate"; then
            missing "$crate is not a workspace package yet"
            continue
        fi
        # `-i tauri` lists every path by which tauri reaches the crate (normal, build and dev edges).
        # Cargo says "did not match any packages" when tauri is not in the crate's graph.
        out=$(cargo tree -p "$crate" -i tauri --target all 2>&1 || true)
        if printf '%s\n' "$out" | grep -qE '^tauri v'; then
            printf '%s\n' "$out"
            printf 'FAIL: %s depends on tauri (see the tree above)\n' "$crate"
            bad=1
        elif [ -z "$out" ] || printf '%s\n' "$out" | grep -q 'did not match any packages'; then
            note "$crate: no tauri in its dependency tree"
        else
            printf '%s\n' "$out"
            die "cargo tree failed for $crate"
        fi
    done
    [ $bad -eq 0 ] || die "a core crate depends on Tauri"
    step_done
}

step_bindings() {
    step "bindings: ui/src/bindings.ts, ui/src/catalogue.ts and the capability match the command declaration, the Rust types and the field catalogue"
    if ! has_cargo_package "$APP_PACKAGE" || [ ! -f "$ROOT/src-tauri/examples/export_bindings.rs" ]; then
        missing "no export-bindings binary in src-tauri yet"
        return 0
    fi
    cargo run -q -p "$APP_PACKAGE" --example export-bindings -- --check
    if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        local generated
        for generated in ui/src/bindings.ts ui/src/catalogue.ts; do
            git -C "$ROOT" ls-files --error-unmatch "$generated" >/dev/null 2>&1 ||
                die "$generated is not committed"
        done
        # build.rs writes the main window's capability from src/commands/declared.rs: the
        # committed file must be what the declaration produces.
        git -C "$ROOT" diff --quiet -- src-tauri/capabilities/main.json ||
            die "src-tauri/capabilities/main.json is stale (build.rs rewrote it from src/commands/declared.rs): commit it"
    fi
    step_done
}

ui_script() {
    local script=$1
    step "ui: npm run $script"
    if ! has_ui_script "$script"; then
        missing "ui/package.json has no '$script' script yet"
        return 0
    fi
    npm --prefix "$ROOT/ui" run "$script"
    step_done
}

step_ui_lint() {
    ui_script typecheck
    ui_script lint
}

step_ui() {
    step_ui_lint
    ui_script test
}

step_cargo_test() {
    step "rust tests: cargo test --workspace"
    timeout --kill-after=30 2700 cargo test --workspace
    step_done
}

step_keyring() {
    step "keyring: the real Secret Service (gnome-keyring under dbus-run-session)"
    if ! has_cargo_package "$APP_PACKAGE" || ! grep -rqs 'fn real_secret_service' "$ROOT/src-tauri/src"; then
        missing "no real_secret_service test in src-tauri yet"
        return 0
    fi
    cargo test -p "$APP_PACKAGE" --no-run -q
    "$ROOT/scripts/with-keyring.sh" \
        timeout --kill-after=10 600 cargo test -p "$APP_PACKAGE" -- --ignored real_secret_service
    step_done
}

step_app_build() {
    step "desktop: build the UI and the app (cargo build -p $APP_PACKAGE --features tauri/custom-protocol)"
    if ! has_cargo_package "$APP_PACKAGE" || ! has_ui_script build; then
        missing "the desktop app needs both src-tauri/ and ui/; not both here yet"
        return 0
    fi
    "$ROOT/scripts/build-desktop.sh" all
    step_done
}

step_e2e() {
    step "end to end: the built app under Xvfb, driven through tauri-driver"
    if [ ! -x "$APP_BIN" ]; then
        missing "no built desktop app at $APP_BIN"
        return 0
    fi
    if ! grep -qs '#\[ignore' "$ROOT/tests/desktop_e2e.rs"; then
        missing "tests/desktop_e2e.rs has no end-to-end tests yet"
        return 0
    fi
    "$ROOT/scripts/e2e.sh"
    step_done
}

step_package() {
    step "package: build the .deb, install, launch, reinstall, remove (scripts/package-test.sh)"
    if [ "$(id -u)" -ne 0 ] && ! sudo -n true 2>/dev/null; then
        missing "the package test installs a system package: it needs root or password-less sudo"
        return 0
    fi
    "$ROOT/scripts/package-test.sh"
    step_done
}

run_step() {
    case "$1" in
        setup) step_setup ;;
        ui-build) step_ui_build ;;
        fmt) step_fmt ;;
        clippy) step_clippy ;;
        machete) step_machete ;;
        architecture) step_architecture ;;
        bindings) step_bindings ;;
        ui) step_ui ;;
        ui-lint) step_ui_lint ;;
        cargo-test) step_cargo_test ;;
        keyring) step_keyring ;;
        app-build) step_app_build ;;
        e2e) step_e2e ;;
        package) step_package ;;
        lint) for s in fmt clippy machete architecture bindings ui-lint; do run_step "$s"; done ;;
        all) for s in setup fmt clippy machete architecture bindings ui cargo-test keyring app-build e2e package; do
                run_step "$s"
            done ;;
        *) die "unknown step '$1'" ;;
    esac
}

started=$(date +%s)
[ $# -eq 0 ] && set -- all
for s in "$@"; do
    run_step "$s"
done
if [ $_missing -gt 0 ]; then
    printf '\n==> GREEN BUT INCOMPLETE (%s) in %ss: %s piece(s) missing (see SKIPPED above; CI=true fails on them)\n' \
        "$*" "$(( $(date +%s) - started ))" "$_missing"
else
    printf '\n==> ALL GREEN (%s) in %ss\n' "$*" "$(( $(date +%s) - started ))"
fi
