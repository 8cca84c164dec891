#!/usr/bin/env bash
# Builds the desktop app the way it ships: the UI first (Tauri embeds ui/dist at compile
# time), then the app crate with `tauri/custom-protocol` so it serves the embedded UI
# instead of looking for a dev server.
#
#   scripts/build-desktop.sh [ui|app|all]     (default: all)
set -euo pipefail
# shellcheck source=scripts/steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"
cd "$ROOT"

build_ui() {
    has_ui_script build || die "ui/package.json has no build script"
    "$ROOT/scripts/setup.sh" ui
    note "npm --prefix ui run build"
    npm --prefix "$ROOT/ui" run build
    [ -f "$ROOT/ui/dist/index.html" ] || die "the UI build made no ui/dist/index.html"
}

build_app() {
    has_cargo_package "$APP_PACKAGE" || die "no $APP_PACKAGE package in the workspace (src-tauri/)"
    [ -f "$ROOT/ui/dist/index.html" ] || die "ui/dist is missing: build the UI first"
    note "cargo build -p $APP_PACKAGE --features tauri/custom-protocol"
    cargo build -p "$APP_PACKAGE" --bin roomdesk-app --features tauri/custom-protocol
    [ -x "$APP_BIN" ] || die "the build made no $APP_BIN"
    note "built $APP_BIN"
}

case "${1:-all}" in
    ui) build_ui ;;
    app) build_app ;;
    all) build_ui; build_app ;;
    *) die "usage: $0 [ui|app|all]" ;;
esac
