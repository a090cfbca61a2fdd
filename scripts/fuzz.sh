#!/usr/bin/env bash
# Runs one libFuzzer target (with AddressSanitizer) for a bounded time, starting from the seed corpus.
# Targets: rfc5424, rfc3164, octet-framing, line-framing, activity, extract-rules, proxy-header.
# Usage: scripts/fuzz.sh TARGET SECONDS
# New interesting inputs go to .fuzz/corpus/TARGET (git-ignored); a crash is written to .fuzz/artifacts/ and the
# script exits non-zero. Reproduce one with: ACTIVITYLOG_FUZZ_TARGET=TARGET swift run syslog-fuzz FILE
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh TARGET SECONDS}"
seconds="${2:?usage: scripts/fuzz.sh TARGET SECONDS}"
case "$target" in rfc5424|rfc3164|octet-framing|line-framing|activity|extract-rules|proxy-header) ;; *) echo "unknown target '$target': rfc5424, rfc3164, octet-framing, line-framing, activity, extract-rules or proxy-header" >&2; exit 64 ;; esac
swift build -c release --product syslog-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library >&2
mkdir -p ".fuzz/corpus/$target" .fuzz/artifacts
status=0
ACTIVITYLOG_FUZZ_TARGET="$target" .build-fuzz/release/syslog-fuzz \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix=.fuzz/artifacts/ ".fuzz/corpus/$target" "Fuzz/corpus/$target" > ".fuzz/$target.log" 2>&1 || status=$?
grep -E "^(#[0-9]+\s+DONE|stat::number_of_executed_units|stat::peak_rss_mb)|ERROR|SUMMARY|Test unit written" ".fuzz/$target.log" || true
if [ "$status" -ne 0 ]; then
    echo "fuzz target $target failed (exit $status); full log: .fuzz/$target.log" >&2
    tail -40 ".fuzz/$target.log" >&2
fi
exit "$status"
