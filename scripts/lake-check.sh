#!/usr/bin/env bash
# Two collectors sharing one archive directory in the partitioned layout, read in place by DuckDB.
#
#   collector a (node-name a) ─┐
#                              ├─► ARCHIVE/date=YYYY-MM-DD/activity-a.jsonl.gz, activity-b.jsonl.gz
#   collector b (node-name b) ─┘
#
# Each collector gets its own mix of sshd lines (hosts, users, successes and failures). DuckDB reads the directory
# with hive_partitioning=true; its counts by day, host and outcome must equal what `activitylog query --count-by`
# gives and what the senders sent, each collector must have written only its own file, and a filter on the `date`
# partition column must select by day.
#
# Installs DuckDB from PyPI if missing. Runs on loopback in a temporary directory; every process started is
# stopped; every wait is bounded. LAKE_CHECK_KEEP=1 keeps the directory.
# Usage: scripts/lake-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -c "import duckdb" 2>/dev/null || python3 -m pip install -q duckdb
swift build --product activitylogd >&2
swift build --product activitylog >&2

source scripts/lib/processes.sh lake-check LAKE_CHECK_KEEP

declare -A port
for node in a b; do
    cat > "$work/$node.conf" <<CONF
listen tcp 127.0.0.1:0
archive-dir $work/archive
archive-layout partitioned
node-name $node
flush-interval 100ms
CONF
    .build/debug/activitylogd -f "$work/$node.conf" 2> "$work/activitylogd-$node.log" &
    pids+=($!)
    wait_for "$work/activitylogd-$node.log" "listening" 20
    port[$node]=$(sed -n 's/.*listening listener="tcp [^"]*" listener.port=\([0-9]*\).*/\1/p' "$work/activitylogd-$node.log")
done

# Collector a: 300 lines from web1 and web2; collector b: 200 from web2 and web3. One in three fails.
lines() {  # count first-host-number
    for number in $(seq "$1"); do
        host="web$(( $2 + number % 2 ))"
        if (( number % 3 == 0 )); then
            echo "<38>Dec  7 10:00:00 $host sshd[$number]: Failed password for root from 203.0.113.$(( number % 50 )) port 22 ssh2"
        else
            echo "<38>Dec  7 10:00:00 $host sshd[$number]: Accepted publickey for deploy from 198.51.100.$(( number % 50 )) port 22 ssh2"
        fi
    done
}
lines 300 1 | .build/debug/activitylog send --port "${port[a]}" --framing lf > /dev/null
lines 200 2 | .build/debug/activitylog send --port "${port[b]}" --framing lf > /dev/null
for pid in "${pids[@]}"; do stop "$pid"; done
pids=()

count_by() {  # field: "VALUE COUNT" lines, sorted
    .build/debug/activitylog query --dir "$work/archive" --count-by "$1" | awk '{ print $2, $1 }' | sort
}
count_by host > "$work/query-host.txt"
count_by outcome > "$work/query-outcome.txt"
day=$(date -u +%F)
.build/debug/activitylog query --dir "$work/archive" --since "$day" --until "$(date -u -d tomorrow +%F)" --count \
    > "$work/query-day.txt"

python3 - "$work" "$day" <<'PY'
import glob, os, sys
import duckdb

work, day = sys.argv[1], sys.argv[2]
archive = os.path.join(work, "archive")
files = sorted(os.path.relpath(path, archive) for path in glob.glob(f"{archive}/**/*", recursive=True))
expected_files = [f"date={day}", f"date={day}/activity-a.jsonl.gz", f"date={day}/activity-b.jsonl.gz"]
assert files == expected_files, f"layout: {files}"

source = f"read_json('{archive}/*/*.jsonl.gz', format = 'newline_delimited', hive_partitioning = true)"
con = duckdb.connect()
def counts(column):
    rows = con.execute(f"SELECT CAST({column} AS VARCHAR), count(*) FROM {source} GROUP BY ALL ORDER BY 1").fetchall()
    return {value: count for value, count in rows}

by_host, by_outcome, by_day = counts("host"), counts("outcome"), counts("date")
assert by_host == {"web1": 150, "web2": 250, "web3": 100}, by_host
assert by_outcome == {"failure": 166, "success": 334}, by_outcome
assert by_day == {day: 500}, by_day
by_node = con.execute(
    f"SELECT regexp_extract(filename, 'activity-(.)', 1), count(*) FROM "
    f"read_json('{archive}/*/*.jsonl.gz', format = 'newline_delimited', hive_partitioning = true, filename = true) "
    f"GROUP BY ALL ORDER BY 1").fetchall()
assert by_node == [("a", 300), ("b", 200)], by_node

def query(name):
    with open(os.path.join(work, name)) as lines:
        return {value: int(count) for value, count in (line.split() for line in lines if line.strip())}
assert query("query-host.txt") == by_host, query("query-host.txt")
assert query("query-outcome.txt") == by_outcome, query("query-outcome.txt")
assert int(open(os.path.join(work, "query-day.txt")).read().strip()) == by_day[day]

# The partition column filters: a day with no directory has no records.
none = con.execute(f"SELECT count(*) FROM {source} WHERE date = DATE '2000-01-01'").fetchone()[0]
assert none == 0, none
print(f"lake-check: DuckDB {duckdb.__version__} read 500 records of 2 nodes; counts by day, host and outcome equal "
      f"activitylog query --count-by")
PY
