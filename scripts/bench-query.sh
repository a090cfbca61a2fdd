#!/usr/bin/env bash
# Searches a week of archives with `activitylog query` and with the tools operators use today, each pair in the same
# run, output to /dev/null or counted, and prints each pair's times and ratio (issue 15's speed table).
#
#   scripts/bench-query.sh [--records N] [--days D] [--dir DIR] [--keep]
#
# The archive (default 5,000,000 records over 7 days ending yesterday, in a temporary directory) is written by
# `activitylog-bench write-archive`: corpus messages parsed by the server's parser and appended by the server's
# ArchiveWriter with its defaults (1 MiB batches, libdeflate level 6), with `received` spread over the days, which a
# live activitylogd, stamping `received` with the clock, cannot do in minutes. Each message carries a random request
# id and byte count, so it compresses like real logs (about 60 bytes a record), not like a repeated template.
# Needs zgrep (gzip), ugrep, jq; installs ugrep and jq with apt when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

records=5000000
days=7
dir=""
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
    --records) records="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--records N] [--days D] [--dir DIR] [--keep]" >&2; exit 2 ;;
    esac
done

for tool in ugrep jq zgrep; do
    if ! command -v "$tool" >/dev/null; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        apt-get update -qq && apt-get install -y -qq ugrep jq gzip >/dev/null
        break
    fi
done

swift build -c release --product activitylog 2>&1 | tail -1
swift build -c release --product activitylog-bench 2>&1 | tail -1
bin="$(swift build -c release --show-bin-path)"

if [ -z "$dir" ]; then
    dir="$(mktemp -d /tmp/activitylog-bench-query.XXXXXX)"
    [ "$keep" -eq 1 ] || trap 'rm -rf "$dir"' EXIT
fi
if ! ls "$dir"/activity-*.jsonl.gz >/dev/null 2>&1; then
    echo "writing $records records over $days days into $dir ..."
    "$bin/activitylog-bench" write-archive "$dir" "$records" "$days"
fi
files=("$dir"/activity-*.jsonl.gz)
total=$(cat "${files[@]}" | wc -c)
count=$("$bin/activitylog-bench" count-records "$dir")
echo "archive: ${#files[@]} files, $count records, $total bytes compressed ($((total / count)) bytes/record), $(nproc) cores"
# Warm the page cache, so every tool reads from memory.
cat "${files[@]}" >/dev/null

# seconds COMMAND...: the wall time of the fastest of three runs, in seconds (the machine may be shared; the
# fastest run is the one least disturbed).
seconds() {
    local start end best=""
    for _ in 1 2 3; do
        start=$(date +%s.%N)
        "$@"
        end=$(date +%s.%N)
        local run
        run=$(echo "$end - $start" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$run < $best" | bc -l)" -eq 1 ]; then best=$run; fi
    done
    echo "$best"
}

# row NAME OURS THEIRS GOAL
row() {
    printf '| %s | %.3f s | %.3f s | %.1f× | %s |\n' "$1" "$2" "$3" "$(echo "$3 / $2" | bc -l)" "$4"
}

day=$(basename "${files[2]}" | sed -E 's/activity-([0-9-]{10}).*/\1/')
needle='Failed password for invalid user oracle from 203.0.1'
hour_ours() { "$bin/activitylog" query --dir "$dir" --since "${day}T14:00:00Z" --until "${day}T15:00:00Z" >/dev/null; }
hour_zcat() { zcat "$dir/activity-$day.jsonl.gz" | grep "\"received\":\"${day}T14:" >/dev/null; }
grep_ours() { "$bin/activitylog" query --dir "$dir" --grep "$needle" >/dev/null || true; }
grep_zgrep() { zgrep -F "$needle" "${files[@]}" >/dev/null || true; }
grep_ugrep() { ugrep -z -F "$needle" "${files[@]}" >/dev/null || true; }
count_ours() { "$bin/activitylog" query --dir "$dir" --user root --outcome failure --count >/dev/null; }
count_jq() { zcat "${files[@]}" | jq -c 'select(.user=="root" and .outcome=="failure")' | wc -l >/dev/null; }

echo "checking that each pair agrees ..."
ours=$("$bin/activitylog" query --dir "$dir" --since "${day}T14:00:00Z" --until "${day}T15:00:00Z" | wc -l)
theirs=$(zcat "$dir/activity-$day.jsonl.gz" | grep -c "\"received\":\"${day}T14:" || true)
echo "  one hour: $ours records (query), $theirs (zcat | grep)"
ours=$("$bin/activitylog" query --dir "$dir" --grep "$needle" | wc -l)
theirs=$(zcat "${files[@]}" | grep -cF "$needle" || true)
echo "  --grep: $ours records (query), $theirs (zcat | grep -F)"
ours=$("$bin/activitylog" query --dir "$dir" --user root --outcome failure --count)
theirs=$(zcat "${files[@]}" | jq -c 'select(.user=="root" and .outcome=="failure")' | wc -l)
echo "  --user root --outcome failure: $ours (query), $theirs (jq)"

echo
echo "| query (fastest of 3 runs each) | activitylog | other | ratio | goal |"
echo "|---|---|---|---|---|"
row "one hour, --since/--until, vs zcat day \\| grep" "$(seconds hour_ours)" "$(seconds hour_zcat)" "≥ 50×"
grep_time=$(seconds grep_ours)
row "--grep over the week, vs zgrep -F" "$grep_time" "$(seconds grep_zgrep)" "≥ 3×"
row "--grep over the week, vs ugrep -z -F" "$grep_time" "$(seconds grep_ugrep)" "≥ 1.5×"
row "--user root --outcome failure --count, vs zcat \\| jq \\| wc -l" "$(seconds count_ours)" "$(seconds count_jq)" "≥ 20×"
echo
"$bin/activitylog" query --dir "$dir" --since "${day}T14:00:00Z" --until "${day}T15:00:00Z" --stats --count
"$bin/activitylog" query --dir "$dir" --user root --outcome failure --count --stats
