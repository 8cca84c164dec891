# Shared shell vocabulary for the Roomdesk scripts: banners, skips, failures and
# small "is this piece of the repo here yet?" probes. Source it, don't run it.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export DEBIAN_FRONTEND=noninteractive
export NPM_CONFIG_AUDIT=false NPM_CONFIG_FUND=false NPM_CONFIG_UPDATE_NOTIFIER=false
# rustup and cargo live under ~/.cargo/bin; a non-login shell (CI) may not have it on PATH.
if [ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]; then
    PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
fi
export PATH

# Where cargo puts debug binaries (honours CARGO_TARGET_DIR), and the desktop app's.
BIN_DIR="${CARGO_TARGET_DIR:-$ROOT/target}/debug"
APP_PACKAGE=roomdesk-app
APP_BIN="$BIN_DIR/roomdesk-app"
SANDBOX_URL="http://127.0.0.1:7878"
SANDBOX_KEY="sandbox-key"

_step_started=0

step() {
    local now
    now=$(date +%s)
    _step_started=$now
    printf '\n==================================================================\n'
    printf '==> %s   [%s]\n' "$*" "$(date -u +%H:%M:%S)"
    printf '==================================================================\n'
}

# Prints how long the current step took; call at the end of a step.
step_done() {
    printf -- '--> done in %ss\n' "$(( $(date +%s) - _step_started ))"
}

note() { printf -- '--> %s\n' "$*"; }

skip() {
    printf '\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n'
    printf '!!! SKIPPED: %s\n' "$*"
    printf '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n'
}

die() {
    printf '\nERROR: %s\n' "$*" >&2
    exit 1
}

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root for: $* (run as root or install sudo)"
    fi
}

# True when the workspace has a package of that name (its Cargo.toml is in a member dir).
has_cargo_package() {
    # Package objects in the metadata start with name then version; dependency entries don't.
    cargo metadata --no-deps --format-version 1 --manifest-path "$ROOT/Cargo.toml" 2>/dev/null |
        grep -q "\"name\":\"$1\",\"version\""
}

has_ui() { [ -f "$ROOT/ui/package.json" ] && [ -f "$ROOT/ui/package-lock.json" ]; }

# True when the ui's package.json declares that npm script.
has_ui_script() {
    has_ui && node -e 'process.exit(require(process.argv[1]).scripts?.[process.argv[2]] ? 0 : 1)' \
        "$ROOT/ui/package.json" "$1"
}

# A display to draw on: either the user's, or none (callers then use xvfb-run).
have_display() { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }

# Environment WebKitGTK needs to behave under Xvfb (see shared notes on Tauri on Linux).
export_headless_webkit_env() {
    export NO_AT_BRIDGE=1
    export WEBKIT_DISABLE_DMABUF_RENDERER=1
    export LIBGL_ALWAYS_SOFTWARE=1
}
