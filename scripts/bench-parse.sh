#!/usr/bin/env bash
# Parse + extract + encode benchmark (one core): builds release and runs activitylog-bench, each figure the median
# over the rounds (messages/second, ns/message, CPU seconds per million messages):
#   1. the mixed corpus (70 % RFC 5424 with SD, 30 % RFC 3164, 150–300 bytes), with extraction;
#   2. the activity corpus (half auth-log and vendor lines of the recognized kinds, half the mixed corpus), each
#      round run twice in a row, with extraction off (SD mapping only) and on: what extraction costs is the median
#      of the pairs' ratios, in wall time and in CPU time (CPU time is the steadier on a shared machine).
# Usage: scripts/bench-parse.sh [messages-per-round] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product activitylog-bench >&2
count="${1:-200000}"
rounds="${2:-7}"
bench() { taskset -c 0 .build/release/activitylog-bench "$count" "$rounds" "$@"; }
bench mixed extract
echo
bench activity paired
