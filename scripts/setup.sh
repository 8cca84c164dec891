#!/usr/bin/env bash
# Installs what a fresh Debian 12 / Ubuntu machine lacks to build, run and test Roomdesk.
# Idempotent and quick when everything is already there. Runs as root, or uses sudo.
#
#   scripts/setup.sh [GROUP...]     GROUP: rust | lint | node | ui | desktop | e2e | keyring | headless | package | all
#
#   rust     C toolchain + OpenSSL headers, and checks rustup's cargo, rustfmt and clippy
#   lint     rust + cargo-machete (unused dependencies)
#   node     Node.js >= 20.19 and npm
#   ui       node, then `npm ci` in ui/ when ui/node_modules is older than the lock file
#   desktop  rust + ui + the WebKitGTK/GTK libraries Tauri links against
#   e2e      desktop + Xvfb, WebKitWebDriver, D-Bus and tauri-driver
#   keyring  gnome-keyring and D-Bus for the real Secret Service test
#   headless Xvfb and D-Bus, to run the app with no display
#   package  desktop + desktop-file-utils, to build and check the .deb (`make package`)
#   all      everything above (what `make test` needs)
set -euo pipefail
# shellcheck source=scripts/steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"

NODE_MIN_MAJOR=20
APT_RUST=(build-essential pkg-config libssl-dev curl file)
APT_DESKTOP=(libwebkit2gtk-4.1-dev libsoup-3.0-dev librsvg2-dev libayatana-appindicator3-dev
    libsecret-1-dev libdbus-1-dev)
APT_E2E=(xvfb xauth webkit2gtk-driver dbus-daemon dbus-x11 imagemagick
    fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji)
APT_KEYRING=(gnome-keyring dbus-daemon dbus-x11)
APT_PACKAGE=(desktop-file-utils)

_apt_updated=0
declare -A _done=()

# Installs the Debian packages among "$@" that are not installed yet.
ensure_apt() {
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed'; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null 2>&1 ||
        die "missing packages (${missing[*]}) and no apt-get: install them by hand"
    note "installing Debian packages: ${missing[*]}"
    if [ $_apt_updated -eq 0 ]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        _apt_updated=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# True when `node` is at least 20.19 (what Vite 8 needs).
node_ok() {
    command -v node >/dev/null 2>&1 &&
        node -e 'const [a, b] = process.versions.node.split(".").map(Number);
                 process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null
}

ensure_node() {
    [ -n "${_done[node]:-}" ] && return 0
    _done[node]=1
    if node_ok && command -v npm >/dev/null 2>&1; then
        return 0
    fi
    note "Node.js >= $NODE_MIN_MAJOR.19 not found ($(command -v node || echo none)); trying Debian's nodejs + npm"
    ensure_apt nodejs npm
    hash -r
    node_ok && return 0
    # Debian 12 / Ubuntu 24.04 ship Node 18: take Node's own Linux build from the npm registry.
    # (Vite 8 needs Node ^20.19.)
    local prefix=/usr/local/lib/roomdesk-node tmp arch
    case "$(uname -m)" in
        x86_64) arch=x64 ;;
        aarch64) arch=arm64 ;;
        *) die "no Node build for $(uname -m): install Node.js >= $NODE_MIN_MAJOR.19 by hand" ;;
    esac
    note "Debian's Node is $(node --version); installing Node $NODE_MIN_MAJOR from the npm registry into $prefix"
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent "node-linux-$arch@^$NODE_MIN_MAJOR.19" >/dev/null)
    as_root mkdir -p "$prefix"
    as_root tar -xzf "$tmp"/node-linux-"$arch"-*.tgz -C "$prefix" --strip-components=1
    rm -rf "$tmp"
    as_root ln -sf "$prefix/bin/node" /usr/local/bin/node
    hash -r
    node_ok ||
        die "could not get Node.js >= $NODE_MIN_MAJOR (have $(node --version 2>/dev/null || echo none))"
}

ensure_rust() {
    [ -n "${_done[rust]:-}" ] && return 0
    _done[rust]=1
    ensure_apt "${APT_RUST[@]}"
    command -v cargo >/dev/null 2>&1 && command -v rustup >/dev/null 2>&1 ||
        die "Rust is not installed. Install it with rustup (https://rustup.rs), open a new shell, and rerun."
    local comp
    for comp in rustfmt clippy; do
        if ! rustup component list --installed 2>/dev/null | grep -q "^$comp"; then
            note "adding the $comp component"
            rustup component add "$comp" || die "could not add rustup component $comp"
        fi
    done
}

# `npm ci` in ui/ when node_modules is missing or older than the lock file.
ensure_ui_deps() {
    [ -n "${_done[ui]:-}" ] && return 0
    _done[ui]=1
    ensure_node
    if ! has_ui; then
        note "no ui/package-lock.json yet: nothing to install for the UI"
        return 0
    fi
    local stamp="$ROOT/ui/node_modules/.package-lock.json"
    if [ ! -f "$stamp" ] || [ "$ROOT/ui/package-lock.json" -nt "$stamp" ]; then
        note "installing UI dependencies (npm ci)"
        npm ci --prefix "$ROOT/ui" --no-audit --no-fund --loglevel=error
    fi
}

ensure_desktop() {
    ensure_rust
    ensure_apt "${APT_DESKTOP[@]}"
    ensure_ui_deps
}

# cargo-machete: the unused-dependency check of `make lint` / `make test`.
ensure_machete() {
    if ! command -v cargo-machete >/dev/null 2>&1; then
        note "installing cargo-machete (cargo install, ~2 min)"
        cargo install cargo-machete --version '^0.9' --locked
    fi
}

ensure_tauri_driver() {
    local bin="${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver"
    if [ ! -x "$bin" ]; then
        note "installing tauri-driver (cargo install, ~1 min)"
        cargo install tauri-driver --version '^2' --locked
    fi
}

ensure_e2e() {
    ensure_desktop
    ensure_apt "${APT_E2E[@]}"
    ensure_tauri_driver
}

ensure_keyring() {
    ensure_apt "${APT_KEYRING[@]}"
}

main() {
    local groups=("$@")
    [ ${#groups[@]} -eq 0 ] && groups=(all)
    local group
    for group in "${groups[@]}"; do
        case "$group" in
            rust) ensure_rust ;;
            lint) ensure_rust; ensure_machete ;;
            node) ensure_node ;;
            ui) ensure_ui_deps ;;
            desktop) ensure_desktop ;;
            e2e) ensure_e2e ;;
            keyring) ensure_keyring ;;
            headless) ensure_apt xvfb xauth dbus-daemon ;;
            package) ensure_desktop; ensure_apt "${APT_PACKAGE[@]}" ;;
            all)
                # One apt transaction for everything a full `make test` needs.
                ensure_apt "${APT_RUST[@]}" "${APT_DESKTOP[@]}" "${APT_E2E[@]}" "${APT_KEYRING[@]}" \
                    "${APT_PACKAGE[@]}"
                ensure_e2e
                ensure_machete
                ensure_keyring
                ;;
            *) die "unknown setup group '$group' (rust, lint, node, ui, desktop, e2e, keyring, headless, package, all)" ;;
        esac
    done
}

main "$@"
