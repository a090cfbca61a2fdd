import ActivityArchive
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

    private func send(_ daemon: DaemonProcess, count: Int) throws {
        let lines = (0..<count).map { "<13>1 2026-12-07T10:00:00Z host app - \($0) - message \($0)\n" }.joined()
        let sent = try Tool.run(["activitylog", "send", "--port", String(daemon.port("tcp"))], stdin: lines)
        try #require(sent.status == 0, "\(sent.errors)")
    }

    @Test func everyCounterOfTheStatisticsLineIsAPrometheusCounterWithTheSameValue() throws {
        let daemon = try self.daemon()
        defer { daemon.removeDirectory() }
        try self.send(daemon, count: 50)
        let deadline = Date().addingTimeInterval(10)
        var scrape = try self.scrape(daemon, "/metrics")
        while scrape.value("activitylog_records_written_total") != 50, Date() < deadline {
            usleep(50_000)
            scrape = try self.scrape(daemon, "/metrics")
        }
        #expect(scrape.status == 200)
        #expect(scrape.value("activitylog_messages_received_total") == 50)
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

        // Nothing moves any more: the stop line's counts are the scrape's, counter by counter.
        #expect(daemon.stop() == 0)
        let counters =
            IngestCounter.allCases.map { ($0.statisticsName, $0.description) }
            + ArchiveCounter.allCases.map { ($0.statisticsName, $0.description) }
        for (statisticsName, description) in counters {
            let labels = Dictionary(uniqueKeysWithValues: description.labels)
            let exported = scrape.value(description.metric + "_total", labels)
            #expect(exported != nil, "\(description.metric) \(labels) missing from /metrics")
            #expect(exported == daemon.counter(statisticsName).map(Double.init), "\(statisticsName)")
        }
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
        let deadline = Date().addingTimeInterval(10)
        var scrape = try self.scrape(daemon, "/metrics")
        while Date() < deadline,
            scrape.value("activitylog_messages_truncated_total") != 1
                || scrape.value("activitylog_connections_refused_total", ["reason": "allow"]) != 1
                || scrape.value("activitylog_connections_refused_total", ["reason": "tls_on_plain_listener"]) != 1
        {
            usleep(100_000)
            scrape = try self.scrape(daemon, "/metrics")
        }
        #expect(scrape.value("activitylog_messages_truncated_total") == 1)
        #expect(scrape.value("activitylog_connections_refused_total", ["reason": "allow"]) == 1)
        #expect(scrape.value("activitylog_connections_refused_total", ["reason": "tls_on_plain_listener"]) == 1)
        #expect(scrape.value("activitylog_connections_refused_total", ["reason": "limit"]) == 0)
        #expect(scrape.value("activitylog_messages_dropped_total", ["transport": "udp", "reason": "queue_full"]) == 0)
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
}
