#!/usr/bin/env python3
"""Side-by-side benchmark of activitylogd and rsyslog on the same machine, corpus and loopback.

Run through scripts/bench-compare.sh, which installs rsyslog and builds the release binaries first.

tcp mode: each server in turn (alternating, --runs times each) receives --count generated RFC 5424 messages
(150-300 bytes, half with structured data; `activitylog send --count`, the same seed every run) over one
loopback TCP connection, octet-counted, as fast as the server takes them. rsyslog runs as the issue specifies:
imtcp -> JSON template -> omfile with a date-based file name, zipLevel 6, ioBufferSize 1m, asyncWriting on,
flushOnTXEnd off. activitylogd runs on its defaults (libdeflate level 6, 1 MiB batches, 1 s flush interval,
fsync interval). The clock runs from the start of sending to the last write to the archive (the files' mtime),
read once the server has closed the connection (it has read every byte) and its archive has not changed for
QUIET_SECONDS; both servers flush within 1 s of the last message. A second rate runs to the moment the archive
held 99 % of its final bytes (sampled every 10 ms): it leaves out that last, small flush. Only then does a server get SIGTERM: rsyslog
8.2302 with asyncWriting leaves its gzip stream without an end when stopped while it still holds data (a few
hundred records short, and zcat reports an unexpected end of file). CPU comes from wait4's rusage of the server
after it exits, peak RSS from its VmHWM.

udp mode: for each --rates value, each server in turn receives --seconds x rate datagrams sent at that rate,
then gets SIGTERM once its socket's receive queue is empty and its archive is quiet; the kept fraction is
archived records / sent.

Every process started here is stopped; every wait is bounded; only 127.0.0.1 is used.
"""

import argparse
import contextlib
import glob
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release")
QUIET_SECONDS = 2.5

RSYSLOG_JSON_TEMPLATE = """
template(name="activity_json" type="list" option.jsonf="on") {
    property(outname="time" name="timereported" dateFormat="rfc3339" format="jsonf")
    property(outname="received" name="timegenerated" dateFormat="rfc3339" format="jsonf")
    property(outname="facility" name="syslogfacility-text" format="jsonf")
    property(outname="severity" name="syslogseverity-text" format="jsonf")
    property(outname="host" name="hostname" format="jsonf")
    property(outname="app" name="app-name" format="jsonf")
    property(outname="procid" name="procid" format="jsonf")
    property(outname="msgid" name="msgid" format="jsonf")
    property(outname="sd" name="structured-data" format="jsonf")
    property(outname="msg" name="msg" format="jsonf")
    property(outname="source" name="fromhost-ip" format="jsonf")
}
template(name="activity_file" type="string"
         string="%s/activity-%%$year%%-%%$month%%-%%$day%%.jsonl.gz")
"""


def free_port(kind):
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_net_rows(table):
    """Rows of /proc/net/tcp or /proc/net/udp as (local port, state, rx_queue)."""
    rows = []
    with open(f"/proc/net/{table}") as f:
        next(f)
        for line in f:
            fields = line.split()
            local_port = int(fields[1].split(":")[1], 16)
            rx_queue = int(fields[4].split(":")[1], 16)
            rows.append((local_port, fields[3], rx_queue))
    return rows


def wait_until(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.01)
    raise SystemExit(f"bench-compare: timed out after {timeout} s waiting for {what}")


class Server:
    """One server process in its own temporary directory, measured with wait4."""

    def __init__(self, name, work, transport, port):
        self.name, self.work, self.transport, self.port = name, work, transport, port
        self.archive = os.path.join(work, "archive")
        os.makedirs(self.archive)
        self.log = open(os.path.join(work, f"{name}.log"), "w")
        self.process = subprocess.Popen(self.command(), stdout=self.log, stderr=self.log, cwd=work)
        wait_until(self.is_bound, 30, f"{name} to bind {transport} 127.0.0.1:{port}")

    def is_bound(self):
        if self.process.poll() is not None:
            raise SystemExit(f"bench-compare: {self.name} exited at start; see its log:\n{self.log_text()}")
        if self.transport == "tcp":
            return any(port == self.port and state == "0A" for port, state, _ in proc_net_rows("tcp"))
        return any(port == self.port for port, _, _ in proc_net_rows("udp"))

    def log_text(self):
        self.log.flush()
        with open(self.log.name) as f:
            return f.read()[-2000:]

    def has_no_connections(self):
        return not any(port == self.port and state != "0A" for port, state, _ in proc_net_rows("tcp"))

    def udp_queue_is_empty(self):
        return all(rx == 0 for port, _, rx in proc_net_rows("udp") if port == self.port)

    def last_write_when_quiet(self):
        """Waits until the archive has not changed for QUIET_SECONDS; returns the time of its last write."""
        def state():
            return sorted((p, os.stat(p).st_size, os.stat(p).st_mtime_ns) for p in glob.glob(f"{self.archive}/*"))
        deadline = time.monotonic() + 300
        last, since = state(), time.monotonic()
        while time.monotonic() - since < QUIET_SECONDS:
            if time.monotonic() > deadline:
                raise SystemExit(f"bench-compare: {self.name}'s archive still changing after 300 s")
            time.sleep(0.05)
            now = state()
            if now != last:
                last, since = now, time.monotonic()
        return max((mtime for _, _, mtime in last), default=0) / 1e9

    def peak_rss(self):
        """VmHWM: the high-water mark of resident memory since exec (wait4's ru_maxrss would also count the
        forked copy of this script before exec)."""
        try:
            with open(f"/proc/{self.process.pid}/status") as f:
                return next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmHWM:"))
        except (OSError, StopIteration):
            return 0

    def stop(self):
        """SIGTERM, then wait4: returns (CPU seconds, peak RSS bytes up to the exit)."""
        peak = self.peak_rss()
        self.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            pid, status, usage = os.wait4(self.process.pid, os.WNOHANG)
            if pid:
                self.process.returncode = status
                self.log.close()
                return usage.ru_utime + usage.ru_stime, peak
            peak = max(peak, self.peak_rss())
            time.sleep(0.005)
        self.process.kill()
        raise SystemExit(f"bench-compare: {self.name} did not exit within 300 s of SIGTERM")

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def archived_bytes(self):
        return sum(os.path.getsize(p) for p in glob.glob(os.path.join(self.archive, "*.gz")))


class Activitylogd(Server):
    def command(self):
        conf = os.path.join(self.work, "activitylogd.conf")
        with open(conf, "w") as f:
            f.write(f"listen {self.transport} 127.0.0.1:{self.port}\narchive-dir {self.archive}\n")
        return [os.path.join(BIN, "activitylogd"), "-f", conf]

    def archived_records(self):
        out = subprocess.run(
            [os.path.join(BIN, "activitylog-bench"), "count-records", self.archive],
            check=True, capture_output=True, text=True,
        )
        return int(out.stdout)


class Rsyslog(Server):
    def command(self):
        conf = os.path.join(self.work, "rsyslog.conf")
        module = "imtcp" if self.transport == "tcp" else "imudp"
        udp_options = ' rcvbufSize="8m"' if self.transport == "udp" else ""
        with open(conf, "w") as f:
            f.write(f'global(workDirectory="{self.work}")\n')
            # Let rsyslog finish its queue at SIGTERM instead of discarding it after 1.5 s.
            f.write('main_queue(queue.timeoutShutdown="300000")\n')
            f.write(f'module(load="{module}")\n')
            f.write(f'input(type="{module}" address="127.0.0.1" port="{self.port}"{udp_options})\n')
            f.write(RSYSLOG_JSON_TEMPLATE % self.archive)
            f.write(
                'action(type="omfile" dynaFile="activity_file" template="activity_json" zipLevel="6"\n'
                '       ioBufferSize="1m" asyncWriting="on" flushOnTXEnd="off")\n'
            )
        return ["rsyslogd", "-n", "-f", conf, "-i", os.path.join(self.work, "rsyslogd.pid")]

    def archived_records(self):
        lines = 0
        for path in glob.glob(os.path.join(self.archive, "*.gz")):
            # Streamed through wc: holding the text here would bloat this script (and every later fork of it).
            count = subprocess.run(f"zcat '{path}' | wc -l", shell=True, check=True, capture_output=True, text=True)
            lines += int(count.stdout)
        return lines


SERVERS = {"activitylogd": Activitylogd, "rsyslog": Rsyslog}


def send(port, transport, count, rate=0):
    # A fixed start time and the default seed: every run sends byte for byte the same messages.
    command = [os.path.join(BIN, "activitylog"), "send", "--port", str(port), "--transport", transport,
               "--count", str(count), "--start-time", "2026-11-26T00:00:00Z"]
    if rate:
        command += ["--rate", str(rate)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, timeout=600)


@contextlib.contextmanager
def started(name, transport):
    """A server in a fresh temporary directory on a free port; killed and removed afterwards (kept when the
    environment has BENCH_KEEP=1, to read its log and archive)."""
    work = tempfile.mkdtemp(prefix=f"bench-compare-{name}.")
    server = None
    try:
        kind = socket.SOCK_STREAM if transport == "tcp" else socket.SOCK_DGRAM
        server = SERVERS[name](name, work, transport, free_port(kind))
        yield server
    finally:
        if server:
            server.kill()
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(work, ignore_errors=True)


@contextlib.contextmanager
def archive_growth(server, start):
    """Samples the archive's size every 10 ms while the block runs; yields the list of (seconds, bytes)."""
    samples = []
    done = threading.Event()

    def sample():
        while not done.is_set():
            samples.append((time.time() - start, server.archived_bytes()))
            time.sleep(0.01)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        yield samples
    finally:
        done.set()
        sampler.join()


def tcp_run(name, count):
    with started(name, "tcp") as server:
        start = time.time()
        with archive_growth(server, start) as growth:
            send(server.port, "tcp", count)
            wait_until(server.has_no_connections, 300, f"{name} to read everything and close the connection")
            ended = server.last_write_when_quiet()
        cpu, rss = server.stop()
        records = server.archived_records()
        final = server.archived_bytes()
        # Without the last, small flush (each server's flush interval after the sender stops).
        most = next((seconds for seconds, size in growth if size >= 0.99 * final), ended - start)
        return {
            "server": name, "records": records, "seconds": ended - start, "rate": records / (ended - start),
            "rate99": 0.99 * records / most, "cpu_us": cpu / max(records, 1) * 1e6, "rss": rss,
            "bytes": final / max(records, 1),
        }


def udp_run(name, rate, seconds):
    with started(name, "udp") as server:
        sent = rate * seconds
        send(server.port, "udp", sent, rate)
        wait_until(server.udp_queue_is_empty, 120, f"{name} to empty its UDP receive queue")
        server.last_write_when_quiet()
        cpu, rss = server.stop()
        records = server.archived_records()
        return {"server": name, "rate": rate, "sent": sent, "records": records, "kept": records / sent,
                "cpu_us": cpu / max(records, 1) * 1e6, "rss": rss}


def median_of(runs, key):
    return statistics.median(run[key] for run in runs)


def tcp_mode(args):
    runs = {name: [] for name in SERVERS}
    for index in range(args.runs):
        for name in (("rsyslog", "activitylogd") if index % 2 == 0 else ("activitylogd", "rsyslog")):
            result = tcp_run(name, args.count)
            runs[name].append(result)
            print(f"run {index + 1} {name:>12}: {result['records']:>9,} records  {result['rate']:>9,.0f} msg/s  "
                  f"({result['rate99']:>9,.0f} to 99 %)  {result['cpu_us']:5.2f} CPU us/msg  "
                  f"{result['rss'] / 2**20:6.1f} MiB  {result['bytes']:5.1f} B/msg", flush=True)
    for name, results in runs.items():
        short = [r for r in results if r["records"] != args.count]
        if short:
            print(f"warning: {name} archived {short[0]['records']:,} of {args.count:,} in a run")
    rs, al = runs["rsyslog"], runs["activitylogd"]
    print()
    print(f"TCP, {args.count:,} messages, medians of {args.runs} runs each, alternating:")
    print()
    print("| | msg/s | msg/s to 99 % of bytes | CPU µs/msg | peak RSS | compressed B/msg |")
    print("|---|---|---|---|---|---|")
    for label, results in (("rsyslog 8.2302, gzip 6", rs), ("activitylogd, defaults (libdeflate 6)", al)):
        print(f"| {label} | {median_of(results, 'rate'):,.0f} | {median_of(results, 'rate99'):,.0f} | "
              f"{median_of(results, 'cpu_us'):.2f} | "
              f"{median_of(results, 'rss') / 2**20:.1f} MiB | {median_of(results, 'bytes'):.1f} |")
    print(f"| activitylogd / rsyslog | {median_of(al, 'rate') / median_of(rs, 'rate'):.2f}× | "
          f"{median_of(al, 'rate99') / median_of(rs, 'rate99'):.2f}× | "
          f"{median_of(al, 'cpu_us') / median_of(rs, 'cpu_us'):.2f}× | "
          f"{median_of(al, 'rss') / median_of(rs, 'rss'):.2f}× | "
          f"{median_of(al, 'bytes') / median_of(rs, 'bytes'):.2f}× |")


def udp_mode(args):
    rates = [int(r) for r in args.rates.split(",")]
    runs = {(name, rate): [] for name in SERVERS for rate in rates}
    for rate in rates:
        for index in range(args.runs):
            for name in (("rsyslog", "activitylogd") if index % 2 == 0 else ("activitylogd", "rsyslog")):
                result = udp_run(name, rate, args.seconds)
                runs[(name, rate)].append(result)
                print(f"{rate:>7,}/s run {index + 1} {name:>12}: {result['records']:>9,} of {result['sent']:,} "
                      f"kept ({result['kept'] * 100:.2f} %)", flush=True)
    print()
    print(f"UDP, {args.seconds} s at each rate, kept fraction (median of {args.runs} runs each, alternating):")
    print()
    print("| offered msg/s | rsyslog 8.2302 | activitylogd |")
    print("|---|---|---|")
    for rate in rates:
        print(f"| {rate:,} | {median_of(runs[('rsyslog', rate)], 'kept') * 100:.2f} % | "
              f"{median_of(runs[('activitylogd', rate)], 'kept') * 100:.2f} % |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    modes = parser.add_subparsers(dest="mode", required=True)
    tcp = modes.add_parser("tcp", help="end-to-end TCP throughput, CPU, memory and size")
    tcp.add_argument("--count", type=int, default=1_000_000)
    tcp.add_argument("--runs", type=int, default=3)
    udp = modes.add_parser("udp", help="UDP kept fraction at given rates")
    udp.add_argument("--rates", default="100000,200000,300000")
    udp.add_argument("--seconds", type=int, default=5)
    udp.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tcp_mode(args) if args.mode == "tcp" else udp_mode(args)


if __name__ == "__main__":
    sys.exit(main())
