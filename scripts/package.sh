#!/usr/bin/env bash
# Builds the installable Roomdesk package: a release .deb made by the Tauri bundler
# (`@tauri-apps/cli`, pinned in ui/package-lock.json) holding the app with its UI embedded,
# the desktop entry, the icons for every hicolor size, and the `roomdesk` CLI beside the
# app in /usr/bin. The version is the workspace's (Cargo.toml); tauri.conf.json has none.
#
#   scripts/package.sh        prints the path of the .deb on its last line
set -euo pipefail
# shellcheck source=scripts/steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"
cd "$ROOT"

"$ROOT/scripts/setup.sh" package >&2

RELEASE_DIR="${CARGO_TARGET_DIR:-$ROOT/target}/release"
note "cargo build --release -p roomdesk-cli (installed beside the app)" >&2
cargo build --release -q -p roomdesk-cli >&2
cli="$RELEASE_DIR/roomdesk"
[ -x "$cli" ] || die "the release build made no $cli"

# The CLI's path depends on the target dir, so it is given to the bundler here rather
# than written into tauri.conf.json.
files=$(printf '{"bundle":{"linux":{"deb":{"files":{"/usr/bin/roomdesk":"%s"}}}}}' "$cli")
note "tauri build --bundles deb (release UI, app and package)" >&2
rm -rf "$RELEASE_DIR/bundle/deb"
(cd "$ROOT/src-tauri" && "$ROOT/ui/node_modules/.bin/tauri" build --ci --bundles deb --config "$files") >&2

shopt -s nullglob
debs=("$RELEASE_DIR"/bundle/deb/*.deb)
[ ${#debs[@]} -eq 1 ] || die "expected one .deb in $RELEASE_DIR/bundle/deb, found ${#debs[@]}"
note "built ${debs[0]}" >&2
echo "${debs[0]}"
