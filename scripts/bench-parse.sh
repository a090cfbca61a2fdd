#!/usr/bin/env bash
# Parse + encode benchmark (one core): builds release and runs activitylog-bench on a generated corpus
# (70 % RFC 5424 with SD, 30 % RFC 3164, 150–300 bytes). Prints messages/second, ns/message and CPU seconds per
# million messages, as medians over the rounds.
# Usage: scripts/bench-parse.sh [messages-per-round] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product activitylog-bench >&2
exec taskset -c 0 .build/release/activitylog-bench "${1:-200000}" "${2:-7}"
