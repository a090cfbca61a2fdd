#!/usr/bin/env bash
# Interoperability check: rsyslog (omfwd with the gtls stream driver, mutual TLS, x509/name) forwards to
# activitylogd's TLS listener. Installs rsyslog and rsyslog-gnutls if missing (without letting the package start
# a system daemon), runs both on loopback high ports in a temporary directory, sends 100 messages through rsyslog
# with logger, and checks that all 100 are archived with transport "tls". Everything it starts, it stops.
# Usage: scripts/rsyslog-tls-client.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v rsyslogd >/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rsyslog rsyslog-gnutls >/dev/null
fi
swift build -c release --product activitylogd >&2
work=$(mktemp -d /tmp/rsyslog-tls.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
tls_port=$(free_port)
udp_port=$(free_port)
scripts/gen-test-certs.sh "$work/certs"
cat > "$work/activitylogd.conf" <<CONF
listen tls 127.0.0.1:$tls_port
tls-certificate $work/certs/server.pem
tls-key $work/certs/server.key
tls-client-ca $work/certs/ca.pem
archive-dir $work/archive
CONF
.build/release/activitylogd -f "$work/activitylogd.conf" 2> "$work/activitylogd.log" &
pids+=($!)
mkdir -p "$work/rsyslog"
cat > "$work/rsyslog.conf" <<CONF
global(workDirectory="$work/rsyslog"
       DefaultNetstreamDriver="gtls"
       DefaultNetstreamDriverCAFile="$work/certs/ca.pem"
       DefaultNetstreamDriverCertFile="$work/certs/client.pem"
       DefaultNetstreamDriverKeyFile="$work/certs/client.key")
module(load="imudp")
input(type="imudp" address="127.0.0.1" port="$udp_port")
action(type="omfwd" target="127.0.0.1" port="$tls_port" protocol="tcp"
       StreamDriver="gtls" StreamDriverMode="1" StreamDriverAuthMode="x509/name" StreamDriverPermittedPeers="localhost"
       TCP_Framing="octet-counted" template="RSYSLOG_SyslogProtocol23Format")
CONF
rsyslogd -n -f "$work/rsyslog.conf" -i "$work/rsyslog.pid" 2> "$work/rsyslog.log" &
pids+=($!)
sleep 2
for n in $(seq 1 100); do logger --rfc5424 --udp -n 127.0.0.1 -P "$udp_port" -t rsyslog-tls "forwarded by rsyslog over TLS $n"; done
for _ in $(seq 100); do
    count=$(zcat "$work"/archive/*.gz 2>/dev/null | grep -c '"transport":"tls"' || true)
    [ "${count:-0}" -ge 100 ] && break
    sleep 0.1
done
kill -TERM "${pids[1]}" "${pids[0]}"; wait 2>/dev/null || true
count=$(zcat "$work"/archive/*.gz | grep -c 'forwarded by rsyslog over TLS' || true)
peer=$(grep -o 'peer.certificate="[^"]*"' "$work/activitylogd.log" | head -1)
echo "rsyslog over TLS: $count of 100 messages archived; $peer"
[ "$count" -eq 100 ]
