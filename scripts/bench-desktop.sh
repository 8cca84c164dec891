#!/usr/bin/env bash
# Desktop benchmark (issue "Desktop shell", Benchmarks): Roomdesk against a minimal Tauri
# app built the same way (benches/minimal-app, the floor on this machine, same run).
#   - cold start under Xvfb through tauri-driver until the first rendered room list
#     (Roomdesk, 10,000 cached rooms) vs the minimal app's ready element;
#   - memory after load: PSS summed over the app and its WebKit processes;
#   - on the 10,000-room list: open it (Settings -> Rooms) and a click on each sort header,
#     from the action to the frame with the rows painted (goal: median <= 100 ms each),
#     beside the floor of a click that does nothing but repaint.
# Prints figures and the deltas against the goals (start: floor + 0.3 s, memory: floor +
# 60 MB). Never fails on a figure. Not part of `make test`.
#
# Both apps are built the way they ship: release profile, embedded UI
# (tauri/custom-protocol). BENCH_PROFILE=debug measures debug builds instead (quicker to
# build, slower to run).
#
#   scripts/bench-desktop.sh [RUNS]     (default 5)
set -euo pipefail
# shellcheck source=scripts/steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"
cd "$ROOT"

RUNS=${1:-5}
ROOMS=10000
PROFILE=${BENCH_PROFILE:-release}
case "$PROFILE" in
    release) profile_flag=(--release) ;;
    debug) profile_flag=() ;;
    *) die "BENCH_PROFILE is release or debug, not '$PROFILE'" ;;
esac
PROFILE_DIR="${CARGO_TARGET_DIR:-$ROOT/target}/$PROFILE"
BENCH_APP_BIN="$PROFILE_DIR/roomdesk-app"
MINIMAL_BIN="$PROFILE_DIR/roomdesk-minimal-app"
ROOM_ROW_SELECTOR='[data-testid=room-list] [data-testid^=room-row-]'

if ! has_cargo_package "$APP_PACKAGE" || ! has_ui_script build; then
    skip "desktop benchmark: the desktop app (src-tauri/ + ui/) is not here yet"
    exit 0
fi
"$ROOT/scripts/setup.sh" e2e

step "build both apps the same way ($PROFILE, tauri/custom-protocol)"
"$ROOT/scripts/build-desktop.sh" ui
cargo build "${profile_flag[@]}" -p "$APP_PACKAGE" --bin roomdesk-app --features tauri/custom-protocol
cargo build "${profile_flag[@]}" -p roomdesk-minimal-app --features tauri/custom-protocol
cargo build -q -p roomdesk-cli
step_done

scratch=$(mktemp -d)
emulator_pid=""
cleanup() {
    [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

step "populate a data dir with $ROOMS cached rooms (emulator + roomdesk sync)"
data="$scratch/data"
mkdir -p "$data"
port=18787
base="http://127.0.0.1:$port"
"$BIN_DIR/roomdesk" emulator --addr "127.0.0.1:$port" --seed "$ROOMS" \
    --state-file "$data/sandbox.db" >"$scratch/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 100); do
    curl -fsS -o /dev/null -H "x-flowla-api-key: $SANDBOX_KEY" "$base/api/v2/statuses" 2>/dev/null && break
    sleep 0.1
done
# --sandbox: the CLI fills the Sandbox's workspace, the one the app opens.
cli=("$BIN_DIR/roomdesk" --sandbox="$base" --data-dir "$data")
# The emulator keeps its rooms in sandbox.db, the app's Sandbox state file, so the app's
# remote and local views both hold the same $ROOMS+1 rooms.
FLOWLA_API_KEY=$SANDBOX_KEY "${cli[@]}" rooms create --title "Benchmark marker" >/dev/null
FLOWLA_API_KEY=$SANDBOX_KEY "${cli[@]}" sync 2>&1 | tail -n 1
kill "$emulator_pid" && wait "$emulator_pid" 2>/dev/null || true
emulator_pid=""
[ -f "$data/sandbox.db" ] || die "the emulator saved no sandbox.db"
note "data dir: $(du -sh "$data" | cut -f1) in $data"
step_done

step "measure: $RUNS cold starts per app under Xvfb, through tauri-driver"
export_headless_webkit_env
# A release build refuses the tests' switches (ROOMDESK_SECRET_STORE...); the Sandbox needs
# no key, so the app starts without touching the keyring.
export ROOMDESK_DATA_DIR="$data"
# The apps' and the session's chatter goes to logs, shown only if the run fails.
if ! dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
    node "$ROOT/scripts/desktop-bench.mjs" --runs "$RUNS" --log "$scratch/driver.log" \
    --driver "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" \
    --app "minimal Tauri app|$MINIMAL_BIN|[data-testid=ready]" \
    --app "Roomdesk|$BENCH_APP_BIN|$ROOM_ROW_SELECTOR" --interact Roomdesk 2>"$scratch/session.log"; then
    tail -n 30 "$scratch/session.log" "$scratch/driver.log" || true
    die "the desktop benchmark run failed (logs above)"
fi
step_done
