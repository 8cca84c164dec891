#!/usr/bin/env bash
# `make bench`: every benchmark binary. They print figures next to their goals and a
# baseline measured in the same run; none of them fail on time. Not part of `make test`.
set -euo pipefail
# shellcheck source=scripts/steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"
cd "$ROOT"

"$ROOT/scripts/setup.sh" rust

# Every bench target under crates/*/benches/ (issue figures: client list_all, store queries,
# and whatever else a crate measures), each run on its own so one failing build shows up.
ran=0
for bench in "$ROOT"/crates/*/benches/*.rs; do
    [ -f "$bench" ] || continue
    crate_dir=$(dirname "$(dirname "$bench")")
    package=$(sed -n 's/^name = "\(.*\)"/\1/p' "$crate_dir/Cargo.toml" | head -1)
    name=$(basename "$bench" .rs)
    # Only declared bench targets ([[bench]] name = "..."), not helper modules beside them.
    grep -A3 '^\[\[bench\]\]' "$crate_dir/Cargo.toml" | grep -q "^name = \"$name\"" || continue
    step "bench: cargo bench -p $package --bench $name"
    cargo bench -p "$package" --bench "$name"
    step_done
    ran=$((ran + 1))
done
[ $ran -gt 0 ] || skip "no crate has a bench yet"
for wanted in crates/client/benches/list_all.rs crates/store/benches/store.rs; do
    [ -f "$ROOT/$wanted" ] || skip "$wanted is not here yet"
done

step "bench: desktop cold start and memory (scripts/bench-desktop.sh)"
"$ROOT/scripts/bench-desktop.sh"
