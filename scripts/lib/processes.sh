# shellcheck shell=bash
# The processes of a check script: a temporary work directory, the daemons it started, their bounded stop, and a
# cleanup at exit that stops what is left and prints the logs when the script failed.
#
# Usage (from a script under scripts/):  source "$(dirname "$0")/lib/processes.sh" NAME KEEP_VARIABLE
#   NAME           prefixes messages and names the directory /tmp/NAME.XXXXXX, held in $work;
#   KEEP_VARIABLE  the environment variable that, when set, keeps $work for a look afterwards.
# Append each started process's pid to the array `pids`; empty it once they are stopped on purpose.

check_name=$1
keep_variable=$2
work=$(mktemp -d "/tmp/$check_name.XXXXXX")
pids=()

stop() {  # pid: SIGTERM, then SIGKILL after 15 s; returns the process's exit status
    local pid=$1
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null && echo "$check_name: process $pid did not stop in 15 s" >&2
    wait "$pid"
}

cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do stop "$pid" || true; done
    if [ "$status" -ne 0 ]; then
        for log in "$work"/*.log; do echo "--- $log" >&2; tail -n 20 "$log" >&2; done
    fi
    if [ -n "${!keep_variable:-}" ]; then echo "$check_name: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

wait_for() {  # file text seconds: true once `text` appears in `file`
    for _ in $(seq $(( $3 * 10 ))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
    echo "$check_name: '$2' never appeared in $1" >&2; return 1
}
