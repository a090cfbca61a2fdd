#!/usr/bin/env bash
# End-to-end ingest benchmark: activitylogd (release) on loopback with a temporary archive directory receives
# N RFC 5424 messages (150–300 bytes, half with structured data) over one TCP connection, octet-counted, sent as
# fast as possible by `activitylog send`. Time runs from the start of sending until the archive's member headers
# account for every record. Prints messages/second, CPU per million messages, peak RSS and compressed bytes/message.
# Usage: scripts/bench-ingest.sh [messages] [extra activitylogd.conf lines...]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000000}"
shift || true
swift build -c release --product activitylogd >&2
swift build -c release --product activitylog >&2
swift build -c release --product activitylog-bench >&2
bin=.build/release
work=$(mktemp -d /tmp/activitylog-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
{
    echo "listen tcp 127.0.0.1:$port"
    echo "archive-dir $work/archive"
    for line in "$@"; do echo "$line"; done
} > "$work/activitylogd.conf"
"$bin/activitylogd" -f "$work/activitylogd.conf" 2> "$work/daemon.log" &
daemon=$!
cleanup() { kill -TERM "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 100); do grep -q listening "$work/daemon.log" && break; sleep 0.05; done

start=$(date +%s.%N)
"$bin/activitylog" send --port "$port" --count "$count" > "$work/send.out"
records=0
for _ in $(seq 2400); do  # at most 120 s
    records=$("$bin/activitylog-bench" count-records "$work/archive")
    [ "$records" -ge "$count" ] && break
    sleep 0.05
done
end=$(date +%s.%N)
read -r utime stime < <(awk '{print $14, $15}' "/proc/$daemon/stat")
ticks=$(getconf CLK_TCK)
peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$daemon/status")
bytes=$(du -cb "$work"/archive/*.gz | tail -1 | cut -f1)
python3 - "$count" "$records" "$start" "$end" "$utime" "$stime" "$ticks" "$peak_kb" "$bytes" <<'PY'
import sys
count, records, start, end, utime, stime, ticks, peak_kb, size = sys.argv[1:]
count, records, ticks = int(count), int(records), int(ticks)
seconds = float(end) - float(start)
cpu = (int(utime) + int(stime)) / ticks
print(f"messages:                    {count} sent, {records} archived")
print(f"messages/s (end to end):     {records / seconds:,.0f}")
print(f"CPU s per million messages:  {cpu / records * 1e6:.2f}  (activitylogd user+system)")
print(f"peak RSS:                    {int(peak_kb) / 1024:.1f} MiB")
print(f"compressed bytes/message:    {int(size) / records:.1f}")
PY
