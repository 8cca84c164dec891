#!/usr/bin/env bash
# `make bench`: every benchmark binary. They print figures next to their goals and a
# baseline measured in the same run; none of them fail on time. Not part of `make test`.
set -euo pipefail
# shellcheck source=scripts/steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"
cd "$ROOT"

"$ROOT/scripts/setup.sh" rust

# Runs `cargo bench -p PACKAGE --bench NAME` if that bench exists.
cargo_bench() {
    local package=$1 crate_dir=$2 name=$3
    step "bench: cargo bench -p $package --bench $name"
    if [ ! -f "$ROOT/$crate_dir/benches/$name.rs" ] && ! grep -qs "name = \"$name\"" "$ROOT/$crate_dir/Cargo.toml"; then
        skip "$crate_dir has no '$name' bench yet"
        return 0
    fi
    cargo bench -p "$package" --bench "$name"
    step_done
}

cargo_bench roomdesk-client crates/client list_all
cargo_bench roomdesk-store crates/store store
step "bench: desktop cold start and memory (scripts/bench-desktop.sh)"
"$ROOT/scripts/bench-desktop.sh"
