#!/usr/bin/env bash
# Runs the end-to-end suite: the built desktop app (UI embedded) in a private D-Bus
# session under Xvfb, driven through tauri-driver + WebKitWebDriver by tests/desktop_e2e.rs.
# Build the app first (scripts/build-desktop.sh); failure screenshots land in tests/artifacts/.
# The `package::` tests need the installed .deb: scripts/package-test.sh runs those.
#
#   scripts/e2e.sh [TEST-NAME-FILTER]
set -euo pipefail
# shellcheck source=scripts/steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"
cd "$ROOT"

[ -x "$APP_BIN" ] || die "no desktop app at $APP_BIN: run 'scripts/build-desktop.sh' first"
"$ROOT/scripts/setup.sh" e2e

export_headless_webkit_env
export ROOMDESK_APP_BIN="$APP_BIN"
export TAURI_DRIVER="${TAURI_DRIVER:-${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver}"
mkdir -p "$ROOT/tests/artifacts"

note "compiling the suite"
cargo test -p roomdesk-tests --test desktop_e2e --no-run -q

note "running it under dbus-run-session + xvfb-run (app: $APP_BIN)"
# The timeout sits inside the session so a hung test still lets xvfb-run stop Xvfb and
# dbus-run-session stop the bus (and whatever the bus started) on the way out.
dbus-run-session -- \
    xvfb-run -a -s "-screen 0 1280x800x24" \
    timeout --kill-after=30 1200 \
    cargo test -p roomdesk-tests --test desktop_e2e -- --ignored --test-threads=1 --skip package:: "$@"
