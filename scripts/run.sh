#!/usr/bin/env bash
# `make run`: installs what is missing, builds the UI and the desktop app, and opens
# Roomdesk on its embedded default (the Sandbox: an in-app Flowla emulator, no account).
# Without a display it runs the app under Xvfb so it can still be used through the CLI.
set -euo pipefail
# shellcheck source=scripts/steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"
cd "$ROOT"

print_sandbox_help() {
    cat <<HELP

  Sandbox API: $SANDBOX_URL   API key: $SANDBOX_KEY
  (the same rooms the app shows; if port 7878 was busy the app picks a free one and logs it)
  From another terminal, with the CLI built at $BIN_DIR/roomdesk:
    export PATH="$BIN_DIR:\$PATH"
    roomdesk --sandbox=$SANDBOX_URL rooms list --sort-by updatedAt --sort-direction ASC

HELP
}

# Until the desktop app lands, `make run` serves the emulator the app will embed.
run_emulator_only() {
    skip "the desktop app (src-tauri/ + ui/) is not here yet: starting the sandbox emulator alone"
    "$ROOT/scripts/setup.sh" rust
    cargo build -q -p roomdesk-cli
    print_sandbox_help
    exec "$BIN_DIR/roomdesk" emulator --addr 127.0.0.1:7878 --seed 500 --api-key "$SANDBOX_KEY"
}

if ! has_cargo_package "$APP_PACKAGE" || ! has_ui_script build; then
    run_emulator_only
fi

step "setup"
"$ROOT/scripts/setup.sh" desktop
step "build the UI, the desktop app and the roomdesk CLI"
"$ROOT/scripts/build-desktop.sh" all
cargo build -q -p roomdesk-cli
step "launch Roomdesk"
print_sandbox_help
if have_display; then
    exec "$APP_BIN"
fi
"$ROOT/scripts/setup.sh" headless
note "no \$DISPLAY or \$WAYLAND_DISPLAY: running the app under xvfb-run (an invisible X server)."
note "The window is not visible, but the sandbox API above works. Stop with Ctrl-C."
export_headless_webkit_env
exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" "$APP_BIN"
