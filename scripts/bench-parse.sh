#!/usr/bin/env bash
# Parse + extract + encode benchmark (one core): builds release and runs activitylog-bench three ways, each as the
# median over the rounds (messages/second, ns/message, CPU seconds per million messages):
#   1. the mixed corpus (70 % RFC 5424 with SD, 30 % RFC 3164, 150–300 bytes);
#   2. the activity corpus (half auth-log and vendor lines of the recognized kinds, half the mixed corpus);
#   3. the activity corpus with extraction off (SD mapping only), to show what extraction costs.
# Usage: scripts/bench-parse.sh [messages-per-round] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product activitylog-bench >&2
count="${1:-200000}"
rounds="${2:-7}"
bench() { taskset -c 0 .build/release/activitylog-bench "$count" "$rounds" "$@"; }
bench mixed extract
echo
with=$(bench activity extract | tee /dev/stderr | sed -n 's/^messages\/s (median): //p')
echo >&2
without=$(bench activity no-extract | tee /dev/stderr | sed -n 's/^messages\/s (median): //p')
python3 -c "import sys; w, wo = int(sys.argv[1]), int(sys.argv[2]); print(f'\nextraction cost on the activity corpus: {100 * (1 - w / wo):.1f} % of throughput ({w} vs {wo} messages/s)')" "$with" "$without"
