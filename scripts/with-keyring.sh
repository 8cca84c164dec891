#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with gnome-keyring's Secret Service
# running and unlocked, keeping its keyring files in a throwaway directory.
#
#   scripts/with-keyring.sh COMMAND [ARG...]
set -euo pipefail
# shellcheck source=scripts/steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"
[ $# -gt 0 ] || die "usage: $0 COMMAND [ARG...]"

if [ -z "${ROOMDESK_IN_KEYRING_SESSION:-}" ]; then
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    mkdir -m 700 "$scratch/runtime" "$scratch/data"
    # Re-enter this script inside the new bus; the keyring lives and dies with it.
    ROOMDESK_IN_KEYRING_SESSION=1 XDG_RUNTIME_DIR="$scratch/runtime" XDG_DATA_HOME="$scratch/data" \
        dbus-run-session -- "$0" "$@"
    exit $?
fi

# A known password unlocks (and on first use creates) the login keyring without a prompt.
printf 'roomdesk-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$@"
