#!/usr/bin/env bash
# Instructions to decode a 200-invoice page, counted by valgrind (callgrind): into the typed
# `Page<Invoice>` the SDK's way (UTF-8 checked once, then parsed as text), and into
# `serde_json::Value` from the bytes and from the text (benches/decode_instructions.rs).
# Counted rather than timed, so the figures repeat exactly whatever else the machine is doing.
#
#   bash benches/decode_instructions.sh [DECODES]      (default 20; needs valgrind)
#
# Each kind runs once with 1 decode and once with DECODES + 1; the difference divided by
# DECODES is the cost of one decode, the page's construction excluded.
set -euo pipefail
cd "$(dirname "$0")/.."
decodes=${1:-20}
command -v valgrind >/dev/null || { echo "valgrind is needed" >&2; exit 1; }

binary=$(cargo bench -p zoho-invoice-benches --bench decode_instructions --no-run 2>&1 |
    sed -n 's/.*Executable .*(\(.*\)).*/\1/p' | tail -n 1)
[ -x "$binary" ] || { echo "cannot find the benchmark binary" >&2; exit 1; }

count() { # kind decodes -> instructions
    DECODE="$1:$2" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$binary" 2>&1 |
        sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}

declare -A per_decode
for kind in typed value value_text; do
    one=$(count "$kind" 1)
    many=$(count "$kind" $((decodes + 1)))
    per_decode[$kind]=$(( (many - one) / decodes ))
    printf '%-6s %10d instructions per page\n' "$kind" "${per_decode[$kind]}"
done
awk -v t="${per_decode[typed]}" -v v="${per_decode[value]}" -v w="${per_decode[value_text]}" \
    'BEGIN { printf "typed / value (bytes): %.3f\ntyped / value (text):  %.3f\n", t / v, t / w }'
