import ActivityArchive
import ActivityDaemon
import ActivityIngest
import ActivityRuntime
import Foundation
import Testing
import ToolRunning

#if canImport(Glibc)
import Glibc
#endif

/// `metrics-listen` on a running `activitylogd`, read by the Prometheus project's own parser (`prometheus_client`,
/// through `scripts/scrape-metrics.py`): every counter of the `statistics` line, the gauges, the histograms, and
/// `/health`.
@Suite(.serialized)
struct MetricsEndToEndTests {
    /// What the scraper saw.
    struct Scrape {
        var status: Int
        var body: String
        var samples: [(name: String, labels: [String: String], value: Double)]

        func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
            self.samples.first { $0.name == name && $0.labels == labels }?.value
        }

        /// The sum of the series of `name` that carry `labels` and any others (all listeners), `nil` when none.
        func sum(_ name: String, _ labels: [String: String] = [:]) -> Double? {
            let matching = self.samples.filter { sample in
                sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value }
            }
            return matching.isEmpty ? nil : matching.reduce(0) { $0 + $1.value }
        }
    }

    private func daemon(listeners: [String] = ["tcp 127.0.0.1:0"], directory: String? = nil) throws -> DaemonProcess {
        let daemon = try DaemonProcess(
            listeners: listeners,
            extra: "metrics-listen 127.0.0.1:0\nflush-interval 100ms",
            directory: directory
        )
        try daemon.waitForLog("serving metrics")
        return daemon
    }

    private func scrape(_ daemon: DaemonProcess, _ path: String) throws -> Scrape {
        let line = try #require(daemon.log.split(separator: "\n").first { $0.contains("serving metrics") })
        let port = try #require(
            line.range(of: "metrics.port=").map { line[$0.upperBound...].prefix(while: \.isNumber) }
        )
        let script = ManPages.repository.appendingPathComponent("scripts/scrape-metrics.py").path
        let run = try Tool.run(["python3", script, "http://127.0.0.1:\(port)\(path)"])
        try #require(run.status == 0, "scrape-metrics.py: \(run.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let samples = (object["samples"] as? [[String: Any]] ?? []).map { sample in
            (
                name: sample["name"] as? String ?? "", labels: sample["labels"] as? [String: String] ?? [:],
                value: (sample["value"] as? NSNumber)?.doubleValue ?? .nan
            )
        }
        return Scrape(status: object["status"] as? Int ?? 0, body: object["body"] as? String ?? "", samples: samples)
    }

    /// Scrapes `/metrics` until `done` holds (at most 10 seconds), and returns the last scrape.
    private func scrape(_ daemon: DaemonProcess, until done: (Scrape) -> Bool) throws -> Scrape {
        let deadline = Date().addingTimeInterval(10)
        var scrape = try self.scrape(daemon, "/metrics")
        while !done(scrape), Date() < deadline {
            usleep(50_000)
            scrape = try self.scrape(daemon, "/metrics")
        }
        return scrape
    }

    /// Every counter of the stop line (`nothing moves any more`) is the sum of its series in `scrape`, over all
    /// listeners for the ingest counters.
    private func expectStopLineMatches(_ scrape: Scrape, _ daemon: DaemonProcess) {
        for (statisticsName, description) in DaemonCounters.declared {
            let labels = Dictionary(uniqueKeysWithValues: description.labels)
            let exported = scrape.sum(description.metric + "_total", labels)
            #expect(exported != nil, "\(description.metric) \(labels) missing from /metrics")
            #expect(exported == daemon.counter(statisticsName).map(Double.init), "\(statisticsName)")
        }
    }

    private func send(_ daemon: DaemonProcess, count: Int) throws {
        let lines = (0..<count).map { "<13>1 2026-12-07T10:00:00Z host app - \($0) - message \($0)\n" }.joined()
        let sent = try Tool.run(["activitylog", "send", "--port", String(daemon.port("tcp"))], stdin: lines)
        try #require(sent.status == 0, "\(sent.errors)")
    }

    /// Traffic to one of two listeners: the `listener` label tells them apart, and each counter of the stop line is
    /// the sum of its series over the listeners.
    @Test func everyCounterOfTheStatisticsLineIsItsPrometheusSeriesSummedOverListeners() throws {
        let daemon = try self.daemon(listeners: ["tcp 127.0.0.1:0", "udp 127.0.0.1:0"])
        defer { daemon.removeDirectory() }
        try self.send(daemon, count: 50)
        let scrape = try self.scrape(daemon) { $0.value("activitylog_records_written_total") == 50 }
        #expect(scrape.status == 200)
        let tcp = ["transport": "tcp", "listener": "tcp 127.0.0.1:0"]
        let udp = ["transport": "udp", "listener": "udp 127.0.0.1:0"]
        #expect(scrape.value("activitylog_messages_received_total", tcp) == 50)
        #expect(scrape.value("activitylog_messages_received_total", udp) == 0)
        #expect(
            scrape.value("activitylog_messages_dropped_total", udp.merging(["reason": "queue_full"]) { $1 }) == 0
        )
        #expect(scrape.value("activitylog_writer_queue_records") == 0)
        #expect(scrape.value("activitylog_open_connections", ["transport": "tls"]) == 0)
        #expect(
            scrape.value("activitylog_compression_info", ["engine": "libdeflate", "level": "6"]) == 1
                || scrape.value("activitylog_compression_info", ["engine": "zlib", "level": "6"]) == 1
        )
        let members = try #require(scrape.value("activitylog_members_written_total"))
        #expect(scrape.value("activitylog_member_records_count") == members)
        #expect(scrape.value("activitylog_member_records_sum") == 50)
        #expect(scrape.value("activitylog_member_write_seconds_count") == members)
        let archiveBytes = try daemon.archives().reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        #expect(scrape.value("activitylog_archive_directory_bytes") == Double(archiveBytes))
        let sinceWrite = try #require(scrape.value("activitylog_seconds_since_last_write"))
        #expect(sinceWrite >= 0 && sinceWrite < 10)

        #expect(daemon.stop() == 0)
        #expect(daemon.counter("ingest.received") == 50)
        self.expectStopLineMatches(scrape, daemon)
    }

    /// At start, an archive older than `retention-days` is deleted and today's torn archive is cut: each moves its
    /// counters, files and bytes.
    @Test func retentionDeletionsAndTornTailCutsAreCounted() throws {
        let (directory, archives) = try ArchiveSafetyEndToEndTests.directoryWithArchives()
        // Both whole gzip files: recovery surveys the two modified last, and must cut only the torn one.
        let old = "\(archives)/\(archiveName(ArchiveSafetyEndToEndTests.today(offsetDays: -40)))"
        let today = "\(archives)/\(archiveName(ArchiveSafetyEndToEndTests.today()))"
        for path in [old, today] {
            #expect(try Tool.run(["sh", "-c", "gzip -c > '\(path)'"], stdin: "{\"msgid\":\"-5\"}\n").status == 0)
        }
        let oldBytes = try Data(contentsOf: URL(fileURLWithPath: old))
        let garbage = Data(String(repeating: "torn", count: 100).utf8)
        try (try Data(contentsOf: URL(fileURLWithPath: today)) + garbage).write(to: URL(fileURLWithPath: today))
        let daemon = try DaemonProcess(
            listeners: ["tcp 127.0.0.1:0"],
            extra: "metrics-listen 127.0.0.1:0\nretention-days 30",
            directory: directory
        )
        defer { daemon.removeDirectory() }
        try daemon.waitForLog("serving metrics")
        let scrape = try self.scrape(daemon) { $0.value("activitylog_retention_files_deleted_total") == 1 }
        #expect(!FileManager.default.fileExists(atPath: old))
        #expect(scrape.value("activitylog_retention_files_deleted_total") == 1)
        #expect(scrape.value("activitylog_retention_bytes_deleted_total") == Double(oldBytes.count))
        #expect(scrape.value("activitylog_torn_tails_cut_total") == 1)
        #expect(scrape.value("activitylog_torn_bytes_cut_total") == Double(garbage.count))
        #expect(daemon.stop() == 0)
        self.expectStopLineMatches(scrape, daemon)
    }

    /// Each loss and refusal moves its own series when its condition is driven: a message over `max-message-size`,
    /// a sender outside a listener's `allow` list, a TLS handshake on a plain listener.
    @Test func countersMoveWhenTheirConditionsAreDriven() throws {
        let daemon = try DaemonProcess(
            listeners: ["tcp 127.0.0.1:0", "tcp 127.0.0.2:0 allow 10.0.0.0/8"],
            extra: "metrics-listen 127.0.0.1:0\nflush-interval 100ms\nmax-message-size 480"
        )
        defer {
            daemon.stop()
            daemon.removeDirectory()
        }
        try daemon.waitForLog("serving metrics")
        let long = "<13>1 2026-12-07T10:00:00Z host app - - - " + String(repeating: "x", count: 600) + "\n"
        let sent = try Tool.run(
            ["activitylog", "send", "--port", String(daemon.port("tcp 127.0.0.1")), "--framing", "lf"],
            stdin: long
        )
        #expect(sent.status == 0, "\(sent.errors)")
        _ = try Tool.run(
            ["activitylog", "send", "--host", "127.0.0.2", "--port", String(daemon.port("tcp 127.0.0.2"))],
            stdin: "<13>1 - - - - - - x\n"
        )
        _ = try Tool.run(
            ["openssl", "s_client", "-connect", "127.0.0.1:\(daemon.port("tcp 127.0.0.1"))", "-brief"],
            stdin: ""
        )
        let allowRefused = ["transport": "tcp", "listener": "tcp 127.0.0.2:0", "reason": "allow"]
        let scrape = try self.scrape(daemon) { scrape in
            scrape.sum("activitylog_messages_truncated_total") == 1
                && scrape.value("activitylog_connections_refused_total", allowRefused) == 1
                && scrape.sum("activitylog_connections_refused_total", ["reason": "tls_on_plain_listener"]) == 1
        }
        #expect(scrape.sum("activitylog_messages_truncated_total") == 1)
        #expect(scrape.value("activitylog_connections_refused_total", allowRefused) == 1)
        #expect(scrape.sum("activitylog_connections_refused_total", ["reason": "tls_on_plain_listener"]) == 1)
        #expect(scrape.sum("activitylog_connections_refused_total", ["reason": "limit"]) == 0)
        #expect(scrape.sum("activitylog_messages_dropped_total", ["reason": "queue_full"]) == 0)
    }

    @Test func healthIsOkWhileListeningAndOtherPathsAreNotFound() throws {
        let daemon = try self.daemon()
        defer {
            daemon.stop()
            daemon.removeDirectory()
        }
        let health = try self.scrape(daemon, "/health")
        #expect(health.status == 200 && health.body == "ok\n")
        #expect(try self.scrape(daemon, "/nothing").status == 404)
    }

    /// A disk that refuses every write: records wait, the writer makes no progress, and `/health` says so until
    /// space returns.
    @Test(.enabled(if: geteuid() == 0, "mounting a small tmpfs needs root"))
    func healthIs503WithTheReasonWhileTheWriterCannotWrite() throws {
        let (directory, archives) = try ArchiveSafetyEndToEndTests.directoryWithArchives()
        try Tool.mountTmpfs(at: archives, size: "256k", filled: true)
        defer { _ = try? Tool.run(["umount", archives]) }
        let daemon = try self.daemon(directory: directory)
        defer {
            daemon.stop()
            daemon.removeDirectory()
        }
        try self.send(daemon, count: 10)
        let deadline = Date().addingTimeInterval(15)
        var health = try self.scrape(daemon, "/health")
        while health.status == 200, Date() < deadline {
            usleep(200_000)
            health = try self.scrape(daemon, "/health")
        }
        #expect(health.status == 503)
        #expect(health.body.contains("has written nothing for") && health.body.contains("10 records queued"))
        #expect(unlink("\(archives)/filler") == 0)
        let recovered = Date().addingTimeInterval(30)
        while health.status != 200, Date() < recovered {
            usleep(200_000)
            health = try self.scrape(daemon, "/health")
        }
        #expect(health.status == 200, "the writer resumed when space returned")
    }

    /// A disk that refuses every write: the writer queue fills, and the UDP listener drops what does not fit, counted
    /// on its own series; the TCP listener, sent nothing, counts nothing.
    @Test(.enabled(if: geteuid() == 0, "mounting a small tmpfs needs root"))
    func aFullQueueDropsDatagramsCountedOnTheirListener() throws {
        let (directory, archives) = try ArchiveSafetyEndToEndTests.directoryWithArchives()
        try Tool.mountTmpfs(at: archives, size: "256k", filled: true)
        defer { _ = try? Tool.run(["umount", archives]) }
        let daemon = try DaemonProcess(
            listeners: ["udp 127.0.0.1:0", "tcp 127.0.0.1:0"],
            extra: "metrics-listen 127.0.0.1:0\nflush-interval 100ms\nqueue-size 1m",
            directory: directory
        )
        defer { daemon.removeDirectory() }
        try daemon.waitForLog("serving metrics")
        let padding = String(repeating: "q", count: 900)
        let lines = (0..<3000).map { "<13>1 2026-12-07T10:00:00Z host app - \($0) - \(padding)\n" }.joined()
        let sent = try Tool.run(
            ["activitylog", "send", "--transport", "udp", "--port", String(daemon.port("udp")), "--rate", "20000"],
            stdin: lines
        )
        #expect(sent.status == 0, "\(sent.errors)")
        let queueFull = ["transport": "udp", "listener": "udp 127.0.0.1:0", "reason": "queue_full"]
        let scrape = try self.scrape(daemon) { ($0.value("activitylog_messages_dropped_total", queueFull) ?? 0) > 0 }
        #expect((scrape.value("activitylog_messages_dropped_total", queueFull) ?? 0) > 0)
        let tcp = ["transport": "tcp", "listener": "tcp 127.0.0.1:0"]
        #expect(scrape.value("activitylog_messages_received_total", tcp) == 0)
        #expect(unlink("\(archives)/filler") == 0)
        #expect(daemon.stop() == 0)
        let dropped = try #require(daemon.counter("ingest.udp_dropped_queue_full"))
        #expect(Double(dropped) >= scrape.value("activitylog_messages_dropped_total", queueFull) ?? .infinity)
    }
}
