#!/usr/bin/env bash
# The package as a user meets it. Builds the .deb (scripts/package.sh), installs it with
# apt (which pulls in its dependencies), checks the files it placed and its desktop entry,
# checks that the release binary refuses the test suites' switches, launches the installed
# app under Xvfb through tauri-driver (it shows the Sandbox's rooms; a draft is made),
# installs the same package again over it (the draft survives, in the release data dir),
# then removes the package and checks that nothing of it is left in /usr while the user's
# data stays. Needs root (CI runs as root) because it installs a system package.
#
#   scripts/package-test.sh
set -euo pipefail
# shellcheck source=scripts/steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"
cd "$ROOT"

PKG=roomdesk
TEST=(cargo test -q -p roomdesk-tests --test desktop_e2e)

if [ -z "${ROOMDESK_IN_PACKAGE_SESSION:-}" ]; then
    if dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q 'ok installed'; then
        die "a '$PKG' package is already installed here; this test installs and removes it: remove it first (apt-get remove $PKG)"
    fi
    "$ROOT/scripts/setup.sh" package e2e keyring
    deb=$("$ROOT/scripts/package.sh" | tail -n 1)
    note "compiling the package suite"
    "${TEST[@]}" --no-run
    # One private D-Bus session (with an unlocked Secret Service) for both launches, and a
    # throwaway home for the app's data, as a desktop user has.
    home=$(mktemp -d)
    trap 'rm -rf "$home"' EXIT
    mkdir -m 700 "$home/runtime"
    ROOMDESK_IN_PACKAGE_SESSION=1 ROOMDESK_DEB="$deb" ROOMDESK_TEST_HOME="$home" \
        XDG_RUNTIME_DIR="$home/runtime" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
        XDG_CACHE_HOME="$home/cache" dbus-run-session -- "$0"
    exit $?
fi

deb="$ROOMDESK_DEB"
version=$(cargo metadata --no-deps --format-version 1 |
    node -e 'const m = JSON.parse(require("fs").readFileSync(0)); console.log(m.packages.find(p => p.name === "roomdesk-app").version)')
printf 'roomdesk-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null

step "package: what the .deb says about itself"
[ "$(dpkg-deb -f "$deb" Package)" = "$PKG" ] || die "the package is not named $PKG"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] ||
    die "package version $(dpkg-deb -f "$deb" Version) is not the workspace's $version"
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libwebkit2gtk-4.1-0 libgtk-3-0 libdbus-1-3; do
    grep -q "$dep" <<<"$depends" || die "the package does not depend on $dep (Depends: $depends)"
done
grep -q gnome-keyring <<<"$(dpkg-deb -f "$deb" Recommends)" ||
    die "the package does not recommend a Secret Service (gnome-keyring)"
note "$PKG $version, depends: $depends"
step_done

step "package: install with apt (dependencies resolved), then the files it placed"
as_root apt-get install -y -q --no-install-recommends "$deb"
placed=$(dpkg -L "$PKG")
desktop_entry=/usr/share/applications/Roomdesk.desktop
for f in /usr/bin/roomdesk-app /usr/bin/roomdesk "$desktop_entry"; do
    grep -qx "$f" <<<"$placed" || die "the package does not install $f"
done
# Exactly the two programs a user runs: no developer tool rides along.
bins=$(grep '^/usr/bin/.' <<<"$placed" | sort | tr '\n' ' ')
[ "$bins" = "/usr/bin/roomdesk /usr/bin/roomdesk-app " ] ||
    die "the package puts these in /usr/bin: $bins(expected roomdesk and roomdesk-app only)"
for size in 16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512; do
    grep -qx "/usr/share/icons/hicolor/$size/apps/roomdesk-app.png" <<<"$placed" ||
        die "the package has no $size icon in the hicolor theme"
done
desktop-file-validate "$desktop_entry"
grep -qx 'Exec=roomdesk-app' "$desktop_entry" || die "the desktop entry does not start roomdesk-app"
grep -qx 'Icon=roomdesk-app' "$desktop_entry" || die "the desktop entry names another icon"
[ "$(/usr/bin/roomdesk --version)" = "roomdesk $version" ] ||
    die "the installed CLI says '$(/usr/bin/roomdesk --version)', not 'roomdesk $version'"
step_done

step "package: the release app refuses the test suites' switches"
for switch in ROOMDESK_SECRET_STORE=memory ROOMDESK_SANDBOX_PORT=0; do
    if out=$(env "$switch" /usr/bin/roomdesk-app 2>&1); then
        die "the installed app started with $switch"
    fi
    grep -q "${switch%%=*}" <<<"$out" || die "refusing $switch, the app did not name it: $out"
done
step_done

step "package: launch the installed app, see the Sandbox, make a draft"
export_headless_webkit_env
export ROOMDESK_APP_BIN=/usr/bin/roomdesk-app
export TAURI_DRIVER="${TAURI_DRIVER:-${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver}"
export ROOMDESK_PACKAGE_DRAFT="Drafted before the upgrade $(date +%s)"
mkdir -p "$ROOT/tests/artifacts"
# Runs one test of tests/desktop_e2e/package.rs by its full name; a filter that matched
# nothing would pass silently, so the run must report exactly one passed test.
run_phase() {
    local log
    log=$(mktemp)
    xvfb-run -a -s "-screen 0 1280x800x24" \
        timeout --kill-after=30 600 "${TEST[@]}" -- --ignored --exact "package::$1" 2>&1 | tee "$log"
    grep -q 'test result: ok. 1 passed' "$log" || die "package::$1 did not run and pass"
}
run_phase installed_app_shows_the_sandbox_and_makes_a_draft
data_dir="$XDG_DATA_HOME/com.roomdesk.app"
[ -d "$data_dir" ] || die "the installed app did not use the release data dir $data_dir"
[ ! -e "$XDG_DATA_HOME/com.roomdesk.app.dev" ] || die "the installed app used the debug data dir"
step_done

step "package: install the same package again over it; the draft is still there"
as_root dpkg -i "$deb"
run_phase installed_app_still_has_the_draft
step_done

step "package: remove it; nothing of it is left in /usr, the user's data stays"
as_root apt-get remove -y -q "$PKG"
if dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q 'ok installed'; then
    die "$PKG is still installed after apt-get remove"
fi
left=()
while IFS= read -r f; do
    case "$f" in /usr/*) [ -f "$f" ] || [ -L "$f" ] && left+=("$f") ;; esac
done <<<"$placed"
[ ${#left[@]} -eq 0 ] || die "removing $PKG left files behind: ${left[*]}"
[ -d "$data_dir" ] || die "removing the package deleted the user's data in $data_dir"
note "removed cleanly; the user's data is still in $data_dir"
step_done
