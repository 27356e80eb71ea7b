#!/usr/bin/env bash
# Compile time: clean dev-profile builds, each into a fresh temporary CARGO_TARGET_DIR, of
# `zoho-invoice-models` alone, `zoho-invoice` with one resource feature (`invoices`), and
# `zoho-invoice` with all features. Prints the wall seconds of each.
#
#   bash benches/compile_times.sh
#
# Dependencies must already be downloaded (`cargo fetch`): the builds run offline.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$(mktemp -d)"
cleanup() {
    # Only children of this script: a cargo interrupted mid-build.
    local pids
    pids="$(jobs -p)"
    if [[ -n "$pids" ]]; then
        # shellcheck disable=SC2086
        kill $pids 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build() {
    local name="$1"
    shift
    local start micros
    start=${EPOCHREALTIME/./}
    CARGO_TARGET_DIR="$work/$name" cargo build --offline --locked --quiet "$@" &
    wait $!
    micros=$((${EPOCHREALTIME/./} - start))
    printf '%-14s %5d.%d s   cargo build %s\n' "$name" $((micros / 1000000)) \
        $((micros / 100000 % 10)) "$*"
    rm -rf "${work:?}/$name"
}

echo "clean dev builds on $(nproc) cores, $(date -u +%Y-%m-%d):"
build models -p zoho-invoice-models
build one-feature -p zoho-invoice --no-default-features --features invoices
build all-features -p zoho-invoice --all-features
