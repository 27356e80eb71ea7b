#!/usr/bin/env bash
# Instructions per GET, counted by valgrind (callgrind): the same clients as the
# `get_loopback` group of benches/overhead/transport_overhead.rs (plain hyper-util, with the URL built
# per call or reused; the SDK's default tower stack with a static token and with the
# refresh-token source), but counted rather than timed, so the figures repeat exactly whatever
# else the machine is doing.
#
#   bash benches/overhead_instructions.sh [CALLS]      (default 1000; needs valgrind)
#
# Each client runs once with 1 call and once with CALLS + 1; the difference divided by CALLS
# is the cost of one call, set-up excluded.
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-1000}
command -v valgrind >/dev/null || { echo "valgrind is needed" >&2; exit 1; }

binary=$(cargo bench -p zoho-invoice-overhead-bench --no-run 2>&1 |
    sed -n 's/.*Executable .*(\(.*\)).*/\1/p' | tail -n 1)
[ -x "$binary" ] || { echo "cannot find the benchmark binary" >&2; exit 1; }

count() { # kind calls -> instructions
    OVERHEAD_CALLS="$1:$2" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$binary" 2>&1 |
        sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}

declare -A per_call
for kind in reused plain full refresh; do
    one=$(count "$kind" 1)
    many=$(count "$kind" $((calls + 1)))
    per_call[$kind]=$(( (many - one) / calls ))
    printf '%-7s %8d instructions per call\n' "$kind" "${per_call[$kind]}"
done
awk -v f="${per_call[full]}" -v t="${per_call[refresh]}" -v p="${per_call[plain]}" \
    -v r="${per_call[reused]}" 'BEGIN {
    printf "full / plain:    %.3f (static token)\n", f / p
    printf "refresh / plain: %.3f (refresh-token source)\n", t / p
    printf "full / reused:   %.3f\n", f / r }'
