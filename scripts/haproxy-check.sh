#!/usr/bin/env bash
# Real load balancing: HAProxy (mode tcp) in front of two activitylogd instances with proxy-protocol listeners.
#
#   sender (activitylog send)        HAProxy frontend   to the collectors            collectors' listener
#   --bind 127.0.0.2 / 127.0.0.3     v2                 send-proxy-v2 (and LOCAL    tcp proxy-protocol
#                                                       health checks)
#   --bind 127.0.0.2 / 127.0.0.3     v1                 send-proxy                  tcp proxy-protocol
#   --tls --bind 127.0.0.2 / .3      tls (passthrough)  send-proxy-v2, then TLS     tls proxy-protocol
#
# HAProxy balances connections round robin over the two collectors. Every message must be archived exactly once, by
# one of them, with `source` the sender's own address (not HAProxy's 127.0.0.1), both collectors must have received
# some over each path, and no connection may have been refused (the proxy_refused_* counters stay 0).
#
# Installs haproxy and jq if missing (without letting the package start a system daemon). Everything runs on
# loopback high ports in a temporary directory; every process started is stopped; every wait is bounded. On failure
# the logs are printed; HAPROXY_CHECK_KEEP=1 keeps the temporary directory.
# Usage: scripts/haproxy-check.sh        (exit 0 when every message arrived once with its sender as source)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v haproxy >/dev/null || ! command -v jq >/dev/null; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy jq >/dev/null
fi
swift build --product activitylogd >&2
swift build --product activitylog >&2

source scripts/lib/processes.sh haproxy-check HAPROXY_CHECK_KEEP
# HAProxy's three frontends on different TCP ports that nothing listens on, below the ephemeral range (so no
# outgoing connection holds one); the collectors bind port 0 and log the port they got.
read -r v2_port v1_port tls_front <<<"$(shuf -i 10000-32000 -n 3 | tr '\n' ' ')"
for port in "$v2_port" "$v1_port" "$tls_front"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "haproxy-check: port $port is taken" >&2; exit 1; fi
done
bound_port() {  # log transport: the port the collector logging to `log` bound for its `transport` listener
    sed -n "s/.*listening listener=\"$2 [^\"]*\" listener.port=\([0-9]*\).*/\1/p" "$1" | head -n 1
}
scripts/gen-test-certs.sh "$work/certs"

declare -A tcp_port tls_port
for collector in a b; do
    cat > "$work/$collector.conf" <<CONF
listen tcp 127.0.0.1:0 proxy-protocol proxy-allow 127.0.0.1
listen tls 127.0.0.1:0 proxy-protocol proxy-allow 127.0.0.1
tls-certificate $work/certs/server.pem
tls-key $work/certs/server.key
archive-dir $work/archive-$collector
flush-interval 100ms
CONF
    .build/debug/activitylogd -f "$work/$collector.conf" 2> "$work/activitylogd-$collector.log" &
    pids+=($!)
    wait_for "$work/activitylogd-$collector.log" "listening.*tls" 20
    tcp_port[$collector]=$(bound_port "$work/activitylogd-$collector.log" tcp)
    tls_port[$collector]=$(bound_port "$work/activitylogd-$collector.log" tls)
done

cat > "$work/haproxy.cfg" <<CONF
global
    maxconn 256
    nbthread 1
defaults
    mode tcp
    timeout connect 2s
    timeout client 20s
    timeout server 20s
frontend v2
    bind 127.0.0.1:$v2_port
    default_backend collectors_v2
frontend v1
    bind 127.0.0.1:$v1_port
    default_backend collectors_v1
frontend tls
    bind 127.0.0.1:$tls_front
    default_backend collectors_tls
backend collectors_v2
    balance roundrobin
    # Health checks open with a PROXY v2 LOCAL header, which must be accepted and archive nothing.
    server a 127.0.0.1:${tcp_port[a]} send-proxy-v2 check check-send-proxy inter 500ms
    server b 127.0.0.1:${tcp_port[b]} send-proxy-v2 check check-send-proxy inter 500ms
backend collectors_v1
    balance roundrobin
    server a 127.0.0.1:${tcp_port[a]} send-proxy
    server b 127.0.0.1:${tcp_port[b]} send-proxy
backend collectors_tls
    balance roundrobin
    server a 127.0.0.1:${tls_port[a]} send-proxy-v2
    server b 127.0.0.1:${tls_port[b]} send-proxy-v2
CONF
haproxy -c -f "$work/haproxy.cfg" >/dev/null
haproxy -db -f "$work/haproxy.cfg" > "$work/haproxy.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$tls_front") 2>/dev/null && break; sleep 0.1; done

# Four connections per path and sender, so round robin gives each collector some; 25 messages each.
sent=0
for round in 1 2 3 4; do
    for sender in 127.0.0.2 127.0.0.3; do
        for path in v2 v1 tls; do
            case $path in
                v2) options=(--port "$v2_port") ;;
                v1) options=(--port "$v1_port") ;;
                tls) options=(--port "$tls_front" --tls --ca "$work/certs/ca.pem") ;;
            esac
            for number in $(seq 25); do echo "haproxy $path $sender $round $number"; done \
                | .build/debug/activitylog send --bind "$sender" --framing lf "${options[@]}" >> "$work/send.log"
            sent=$((sent + 25))
        done
    done
done

records() { zcat "$work"/archive-a/*.gz "$work"/archive-b/*.gz 2>/dev/null || true; }
for _ in $(seq 100); do
    [ "$(records | grep -c '"msg":"haproxy ' || true)" -ge "$sent" ] && break
    sleep 0.1
done
# HAProxy first, then the collectors, which must drain and exit 0.
stop "${pids[2]}" || true
for index in 0 1; do
    stop "${pids[$index]}" || { echo "haproxy-check: activitylogd did not exit 0" >&2; exit 1; }
done
pids=()

for collector in a b; do zcat "$work"/archive-$collector/*.gz > "$work/records-$collector.jsonl"; done
failures=0
fail() { echo "haproxy-check: $*" >&2; failures=$((failures + 1)); }
archived=$(cat "$work"/records-*.jsonl | jq -r 'select(.msg | startswith("haproxy ")) | "\(.msg)\t\(.source)\t\(.transport)"')
[ "$(printf '%s\n' "$archived" | grep -c .)" -eq "$sent" ] || fail "$(printf '%s\n' "$archived" | grep -c .) of $sent messages archived"
[ "$(printf '%s\n' "$archived" | cut -f1 | sort | uniq -d | wc -l)" -eq 0 ] || fail "messages archived twice"
wrong=$(printf '%s\n' "$archived" | awk -F'\t' '{ split($1, words, " "); want = words[2] == "tls" ? "tls" : "tcp";
    if ($2 != words[3] || $3 != want) print }')
[ -z "$wrong" ] || fail "records without their sender as source or with the wrong transport:"$'\n'"$wrong"
for collector in a b; do
    for path in v2 v1 tls; do
        grep -q "\"msg\":\"haproxy $path " "$work/records-$collector.jsonl" \
            || fail "collector $collector received nothing over $path"
    done
    for counter in proxy_refused_not_allowed proxy_refused_missing proxy_refused_malformed; do
        grep "activitylogd stopped" "$work/activitylogd-$collector.log" | grep -q "ingest.$counter=0" \
            || fail "collector $collector: ingest.$counter is not 0"
    done
done
[ "$failures" -eq 0 ] || exit 1
echo "haproxy-check: $sent messages over v1, v2 and TLS through HAProxy to 2 collectors, each once with its sender as source"
