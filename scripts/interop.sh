#!/usr/bin/env bash
# Interoperability with real senders: rsyslog and syslog-ng relay messages to activitylogd over every transport
# and framing they offer, and every archived record is checked field by field.
#
#   sender     output                                         to activitylogd        record format
#   rsyslog    omfwd UDP, RSYSLOG_TraditionalForwardFormat    udp                    rfc3164
#   rsyslog    omfwd TCP LF, RSYSLOG_ForwardFormat            tcp, non-transparent   rfc3164 (RFC 3339 time)
#   rsyslog    omfwd TCP, RSYSLOG_SyslogProtocol23Format      tcp, octet-counted     rfc5424
#   rsyslog    omfwd gtls (mutual TLS, x509/name), same       tls, octet-counted     rfc5424
#   syslog-ng  network() UDP                                  udp                    rfc3164
#   syslog-ng  network() TCP                                  tcp, non-transparent   rfc3164
#   syslog-ng  syslog() UDP                                   udp                    rfc5424
#   syslog-ng  syslog() TCP                                   tcp, octet-counted     rfc5424
#   syslog-ng  syslog() TLS (mutual TLS)                      tls, octet-counted     rfc5424
#
# util-linux logger feeds each relay path on its own UDP port: an RFC 3164 message with a TAG and PID for the BSD
# paths; for the RFC 5424 paths, one with STRUCTURED-DATA and one written by hand with SD escapes (\" \\ \]),
# a UTF-8 BOM, a non-ASCII HOSTNAME and an invalid UTF-8 byte. Every path also relays an sshd line written as
# RFC 3164, whose activity fields must come through whatever the relay made of it (rsyslog's RFC 5424 output
# keeps the space after the tag's colon in MSG).
#
# Installs rsyslog and rsyslog-gnutls if missing (without letting the package start a system daemon). syslog-ng
# conflicts with rsyslog as a Debian package, so its package is downloaded and unpacked into a cache directory
# (INTEROP_CACHE, default ~/.cache/activitylog-interop) and run from there. Everything runs on loopback high ports
# in a temporary directory; every process started is stopped; every wait is bounded. On failure the daemons' logs
# are printed; INTEROP_KEEP=1 keeps the temporary directory.
# Usage: scripts/interop.sh        (exit 0 when every path delivered every message with the expected fields)
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${INTEROP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/activitylog-interop}"

install_peers() {
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    local packages=(rsyslog rsyslog-gnutls util-linux openssl python3
        libivykis0 libnet1 libjson-c5 libwrap0 libpcre3 libglib2.0-0 libcap2 libssl3 libsystemd0)
    if ! command -v rsyslogd >/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so ] \
        || ! dpkg -s "${packages[@]}" >/dev/null 2>&1; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
    fi
    if [ ! -x "$cache/root/usr/sbin/syslog-ng" ]; then
        mkdir -p "$cache"
        # apt-get download writes into the current directory; its sandbox user cannot, so say nothing of that.
        (cd "$cache" && rm -f syslog-ng-core_*.deb \
            && { apt-get download -qq syslog-ng-core 2>/dev/null \
                || { apt-get update -qq && apt-get download -qq syslog-ng-core; }; })
        dpkg -x "$cache"/syslog-ng-core_*.deb "$cache/root"
    fi
}
install_peers
swift build --product activitylogd >&2

source scripts/lib/processes.sh interop INTEROP_KEEP
# Ports free for both UDP and TCP, all different: every socket stays bound until all are chosen.
free_ports() {  # count
    python3 - "$1" <<'PY'
import socket, sys
held, ports = [], []
while len(ports) < int(sys.argv[1]):
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        tcp.bind(("127.0.0.1", udp.getsockname()[1]))
    except OSError:
        continue
    held += [udp, tcp]
    ports.append(udp.getsockname()[1])
print(*ports)
PY
}
wait_for_udp_listener() {  # port seconds: true once something is bound to 127.0.0.1:port
    python3 - "$1" "$2" <<'PY'
import socket, sys, time
deadline = time.monotonic() + int(sys.argv[2])
while time.monotonic() < deadline:
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.bind(("127.0.0.1", int(sys.argv[1])))
    except OSError:
        sys.exit(0)
    probe.close()
    time.sleep(0.1)
sys.exit(f"interop: nothing listens on UDP port {sys.argv[1]}")
PY
}

# Each path: name, input format for logger (3164|5424), expected transport and record format.
paths=(
    "rsyslog-udp 3164 udp rfc3164"
    "rsyslog-tcp 3164 tcp rfc3164"
    "rsyslog-octet 5424 tcp rfc5424"
    "rsyslog-tls 5424 tls rfc5424"
    "syslogng-network-udp 3164 udp rfc3164"
    "syslogng-network-tcp 3164 tcp rfc3164"
    "syslogng-syslog-udp 5424 udp rfc5424"
    "syslogng-syslog-tcp 5424 tcp rfc5424"
    "syslogng-syslog-tls 5424 tls rfc5424"
)
read -r -a ports <<<"$(free_ports $(( ${#paths[@]} + 2 )))"
declare -A port
for index in "${!paths[@]}"; do port[${paths[$index]%% *}]=${ports[$index]}; done
server_port=${ports[-2]}
tls_port=${ports[-1]}
scripts/gen-test-certs.sh "$work/certs"

cat > "$work/activitylogd.conf" <<CONF
listen udp 127.0.0.1:$server_port
listen tcp 127.0.0.1:$server_port
listen tls 127.0.0.1:$tls_port
tls-certificate $work/certs/server.pem
tls-key $work/certs/server.key
tls-client-ca $work/certs/ca.pem
archive-dir $work/archive
CONF
.build/debug/activitylogd -f "$work/activitylogd.conf" 2> "$work/activitylogd.log" &
pids+=($!)
wait_for "$work/activitylogd.log" "listening.*tls" 20

mkdir -p "$work/rsyslog"
cat > "$work/rsyslog.conf" <<CONF
global(workDirectory="$work/rsyslog"
       DefaultNetstreamDriverCAFile="$work/certs/ca.pem"
       DefaultNetstreamDriverCertFile="$work/certs/client.pem"
       DefaultNetstreamDriverKeyFile="$work/certs/client.key")
module(load="imudp")
input(type="imudp" address="127.0.0.1" port="${port[rsyslog-udp]}" ruleset="udp")
input(type="imudp" address="127.0.0.1" port="${port[rsyslog-tcp]}" ruleset="tcp")
input(type="imudp" address="127.0.0.1" port="${port[rsyslog-octet]}" ruleset="octet")
input(type="imudp" address="127.0.0.1" port="${port[rsyslog-tls]}" ruleset="tls")
ruleset(name="udp") { action(type="omfwd" target="127.0.0.1" port="$server_port" protocol="udp") }
ruleset(name="tcp") {
    action(type="omfwd" target="127.0.0.1" port="$server_port" protocol="tcp" template="RSYSLOG_ForwardFormat")
}
ruleset(name="octet") {
    action(type="omfwd" target="127.0.0.1" port="$server_port" protocol="tcp" TCP_Framing="octet-counted"
           template="RSYSLOG_SyslogProtocol23Format")
}
ruleset(name="tls") {
    action(type="omfwd" target="127.0.0.1" port="$tls_port" protocol="tcp" TCP_Framing="octet-counted"
           StreamDriver="gtls" StreamDriverMode="1" StreamDriverAuthMode="x509/name"
           StreamDriverPermittedPeers="localhost" template="RSYSLOG_SyslogProtocol23Format")
}
CONF
rsyslogd -n -f "$work/rsyslog.conf" -i "$work/rsyslog.pid" 2> "$work/rsyslog.log" &
pids+=($!)

tls_options="tls(ca-file(\"$work/certs/ca.pem\") cert-file(\"$work/certs/client.pem\") key-file(\"$work/certs/client.key\") peer-verify(required-trusted))"
cat > "$work/syslog-ng.conf" <<CONF
@version: 3.38
options { keep-hostname(yes); use-dns(no); dns-cache(no); stats-freq(0); };
source s_network_udp { network(ip(127.0.0.1) port(${port[syslogng-network-udp]}) transport(udp)); };
source s_network_tcp { network(ip(127.0.0.1) port(${port[syslogng-network-tcp]}) transport(udp)); };
source s_syslog_udp { syslog(ip(127.0.0.1) port(${port[syslogng-syslog-udp]}) transport(udp)); };
source s_syslog_tcp { syslog(ip(127.0.0.1) port(${port[syslogng-syslog-tcp]}) transport(udp)); };
source s_syslog_tls { syslog(ip(127.0.0.1) port(${port[syslogng-syslog-tls]}) transport(udp)); };
log { source(s_network_udp);
      destination { network("127.0.0.1" port($server_port) transport(udp) persist-name("network_udp")); }; };
log { source(s_network_tcp);
      destination { network("127.0.0.1" port($server_port) transport(tcp) persist-name("network_tcp")); }; };
log { source(s_syslog_udp);
      destination { syslog("127.0.0.1" port($server_port) transport(udp) persist-name("syslog_udp")); }; };
log { source(s_syslog_tcp);
      destination { syslog("127.0.0.1" port($server_port) transport(tcp) persist-name("syslog_tcp")); }; };
log { source(s_syslog_tls);
      destination { syslog("127.0.0.1" port($tls_port) transport(tls) $tls_options persist-name("syslog_tls")); }; };
CONF
syslog_ng="$cache/root/usr/sbin/syslog-ng"
LD_LIBRARY_PATH="$cache/root/usr/lib/syslog-ng" "$syslog_ng" -F -e -f "$work/syslog-ng.conf" \
    --module-path="$cache/root/usr/lib/syslog-ng/3.38" -R "$work/syslog-ng.persist" -c "$work/syslog-ng.ctl" \
    -p "$work/syslog-ng.pid" 2> "$work/syslog-ng.log" &
pids+=($!)
wait_for "$work/syslog-ng.log" "syslog-ng starting up" 20
for path in "${paths[@]}"; do wait_for_udp_listener "${port[${path%% *}]}" 20; done
# The relays connect their TCP and TLS destinations at start or on the first message; either way they queue.

for path in "${paths[@]}"; do
    read -r name input _ <<<"$path"
    logger --rfc3164 --udp -n 127.0.0.1 -P "${port[$name]}" -t sshd --id=4242 -p auth.info \
        "Failed password for $name from 203.0.113.9 port 22 ssh2"
    if [ "$input" = 3164 ]; then
        logger --rfc3164 --udp -n 127.0.0.1 -P "${port[$name]}" -t "$name" --id=4242 -p local3.warning \
            "interop $name user=alice"
    else
        logger --rfc5424 --udp -n 127.0.0.1 -P "${port[$name]}" -t "$name" --id=4242 -p local3.warning \
            --msgid M1 --sd-id origin@32473 --sd-param 'x="1"' "interop $name user=alice"
        # RFC 5424 by hand: SD escapes, a BOM before MSG, a UTF-8 HOSTNAME and one invalid byte.
        python3 - "${port[$name]}" "$name" <<'PY'
import socket, sys
message = ('<13>1 2026-11-26T10:00:00.123456+02:00 h\u00e9st ' + sys.argv[2] + '-raw - ID2 [a@1 p="v\\"q\\\\r\\]"] ').encode()
message += b'\xef\xbb\xbfBOM msg \xff bad'
socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(message, ('127.0.0.1', int(sys.argv[1])))
PY
    fi
done

expected=0
for path in "${paths[@]}"; do
    read -r _ input _ <<<"$path"
    expected=$((expected + (input == 5424 ? 3 : 2)))
done
for _ in $(seq 100); do
    count=$(zcat "$work"/archive/*.gz 2>/dev/null | grep -c '"interop \|-raw"\|Failed password for ' || true)
    [ "${count:-0}" -ge "$expected" ] && break
    sleep 0.1
done
# The relays first (whatever status they end with), then activitylogd, which must drain and exit 0.
stop "${pids[2]}" || true
stop "${pids[1]}" || true
daemon=${pids[0]}
pids=()
stop "$daemon" || { echo "interop: activitylogd did not exit 0" >&2; exit 1; }
for archive in "$work"/archive/*.gz; do gzip -t "$archive"; done
peers=$(grep -c 'TLS connection .*peer.certificate="CN=client.example.net' "$work/activitylogd.log" || true)
[ "$peers" -eq 2 ] || { echo "interop: $peers TLS clients logged with their certificate, expected 2" >&2; exit 1; }

zcat "$work"/archive/*.gz > "$work/records.jsonl"
python3 - "$work/records.jsonl" "$(hostname -s)" "${paths[@]}" <<'PY'
import json, sys
from datetime import datetime

short_host, paths = sys.argv[2], [p.split() for p in sys.argv[3:]]
with open(sys.argv[1], encoding="utf-8") as lines:
    records = [json.loads(line) for line in lines]
failures = []

def check(name, record, field, expected):
    if record.get(field) != expected:
        failures.append(f"{name}: {field} is {record.get(field)!r}, expected {expected!r}")

def seconds(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()

for name, input_format, transport, record_format in paths:
    logins = [r for r in records if r.get("app") == "sshd" and r.get("msg", "").endswith(f" for {name} from "
                                                                                          "203.0.113.9 port 22 ssh2")]
    if len(logins) != 1:
        failures.append(f"{name}-sshd: {len(logins)} records, expected 1")
    else:
        for field, value in [("user", name), ("event", "login"), ("resource", "sshd"), ("outcome", "failure"),
                             ("client", "203.0.113.9"), ("transport", transport), ("format", record_format)]:
            check(f"{name}-sshd", logins[0], field, value)
    mine = [r for r in records if r.get("app") == name]
    if len(mine) != 1:
        failures.append(f"{name}: {len(mine)} records, expected 1")
        continue
    record = mine[0]
    # logger writes the short host name in RFC 3164 and may write the full one in RFC 5424.
    if record.get("host", "").split(".")[0] != short_host:
        failures.append(f"{name}: host is {record.get('host')!r}, expected {short_host!r} or a name under it")
    for field, value in [("transport", transport), ("format", record_format),
                         ("facility", "local3"), ("severity", "warning"), ("procid", "4242"),
                         ("msg", f"interop {name} user=alice"), ("source", "127.0.0.1")]:
        check(name, record, field, value)
    if "time" not in record or abs(seconds(record["time"]) - seconds(record["received"])) > 120:
        failures.append(f"{name}: time {record.get('time')!r} is not within 2 minutes of {record['received']!r}")
    if input_format == "5424":
        check(name, record, "msgid", "M1")
        if record.get("sd", {}).get("origin@32473") != {"x": "1"}:
            failures.append(f"{name}: sd is {record.get('sd')!r}, expected origin@32473 x=1 in it")
        raw = [r for r in records if r.get("app") == f"{name}-raw"]
        if len(raw) != 1:
            failures.append(f"{name}-raw: {len(raw)} records, expected 1")
            continue
        for field, value in [("transport", transport), ("format", "rfc5424"), ("host", "h\u00e9st"),
                             ("msgid", "ID2"), ("sd", {"a@1": {"p": 'v"q\\r]'}}), ("msg", "BOM msg \ufffd bad"),
                             ("time", "2026-11-26T08:00:00.123456Z")]:
            # syslog-ng writes whole seconds unless told frac-digits(); rsyslog keeps the fraction.
            if field == "time" and name.startswith("syslogng"):
                value = "2026-11-26T08:00:00.000000Z"
            check(f"{name}-raw", raw[0], field, value)

for line in failures:
    print("FAIL", line)
print(f"interop: {len(paths)} relay paths, {len(records)} records, {len(failures)} failures")
sys.exit(1 if failures else 0)
PY
