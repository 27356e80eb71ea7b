#!/usr/bin/env bash
# Memory: peak resident memory of streaming 100,000 invoices to a CSV file.
#
#   bash benches/memory.sh [INVOICES]        (default 100000)
#
# Builds the fake server and the export example in release, starts the server on a free
# loopback port holding INVOICES synthetic invoices, runs `examples/export_invoices.rs`
# against it under `/usr/bin/time -v`, and prints the example's peak RSS and the CSV's row
# count. Goal: under 64 MiB. No network; the server is stopped on exit, whatever happens.
set -euo pipefail

invoices="${1:-100000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"

cargo build --release --offline --quiet -p zoho-invoice-mock --bin zoho-invoice-mock
cargo build --release --offline --quiet --example export_invoices

work="$(mktemp -d)"
server_pid=""
export_pid=""
cleanup() {
    if [[ -n "$export_pid" ]]; then
        # The example first (a child of `time`), then `time`.
        pkill -TERM -P "$export_pid" 2>/dev/null || true
        kill "$export_pid" 2>/dev/null || true
        wait "$export_pid" 2>/dev/null || true
    fi
    if [[ -n "$server_pid" ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$target/release/zoho-invoice-mock" --port 0 --accounts-port 0 --invoices "$invoices" \
    >"$work/server.out" &
server_pid=$!
# The banner's last line comes once the invoices are in.
for _ in $(seq 1200); do
    grep -q '^admin: ' "$work/server.out" && break
    kill -0 "$server_pid" 2>/dev/null || { echo "memory.sh: the fake server died" >&2; exit 1; }
    sleep 0.1
done
grep -q '^admin: ' "$work/server.out" || { echo "memory.sh: the fake server did not start" >&2; exit 1; }
field() { sed -n "s/^$1: //p" "$work/server.out"; }

start=$(date +%s)
# In the background, so that an interrupt reaches the trap at once.
ZOHO_API_URL="$(field api)" ZOHO_ORGANIZATION_ID="$(field organization_id)" \
    ZOHO_ACCESS_TOKEN="$(field access_token)" \
    /usr/bin/time -v -o "$work/time.txt" \
    "$target/release/examples/export_invoices" "$work/invoices.csv" >"$work/export.out" 2>/dev/null &
export_pid=$!
wait "$export_pid" || { cat "$work/export.out" "$work/time.txt" >&2; exit 1; }
export_pid=""
seconds=$(($(date +%s) - start))

peak_kib=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$work/time.txt")
lines=$(wc -l <"$work/invoices.csv")
rows=$((lines - 1)) # less the header
echo "export: $(tail -n 1 "$work/export.out")"
echo "invoices on the server: $invoices"
echo "CSV rows: $rows"
echo "peak RSS of the export: ${peak_kib} KiB (about $(((peak_kib + 512) / 1024)) MiB; goal under 64 MiB)"
echo "wall time: ${seconds} s"
if ((rows != invoices)); then
    echo "memory.sh: $rows rows for $invoices invoices" >&2
    exit 1
fi
if ((peak_kib >= 64 * 1024)); then
    echo "memory.sh: peak RSS ${peak_kib} KiB is over the 64 MiB goal" >&2
    exit 1
fi
