#!/usr/bin/env bash
# activitylogd against rsyslog on the same machine, corpus and loopback (see scripts/bench-compare.py for what is
# measured and how). Installs rsyslog if missing, without letting the package start a system daemon, and builds
# the release binaries; the servers run in the foreground on free high ports in temporary directories.
# Usage: scripts/bench-compare.sh tcp [--count N] [--runs R]
#        scripts/bench-compare.sh udp [--rates 100000,200000,300000] [--seconds S] [--runs R]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v rsyslogd >/dev/null; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rsyslog >/dev/null
fi
for product in activitylogd activitylog activitylog-bench; do swift build -c release --product "$product" >&2; done
exec python3 scripts/bench-compare.py "$@"
