import ActivityArchive
import ActivityIngest
import ActivityModel
import ActivityRuntime
import Prometheus
import Synchronization

/// Renders `/metrics`: every counter of the `statistics` line (from its one declaration) as a Prometheus counter,
/// the writer's and listeners' gauges, and the writer's histograms, which swift-metrics records into the same
/// registry.
///
/// The daemon's counters stay plain atomics on the hot path; a scrape adds what they gained since the last scrape to
/// the Prometheus counters, so the two can never disagree.
final class MetricsExporter: Sendable {
    /// What the gauges read.
    struct Sources: Sendable {
        let counters: IngestCounters
        let writer: ArchiveWriter
        let server: IngestServer
        let directory: ArchiveDirectory
    }

    private let registry: PrometheusCollectorRegistry
    private let sources: Sources
    private let ingestCounters: [Counter]
    private let archiveCounters: [Counter]
    private let exported = Mutex((CounterValues<IngestCounter>(), ArchiveStatistics()))
    private let queueBytes: Gauge
    private let queueRecords: Gauge
    private let secondsSinceWrite: Gauge
    private let directoryBytes: Gauge
    private let connections: [Transport: Gauge]

    init(registry: PrometheusCollectorRegistry, sources: Sources, engine: CompressionEngine, level: Int) {
        self.registry = registry
        self.sources = sources
        self.ingestCounters = IngestCounter.allCases.map { Self.counter($0.description, in: registry) }
        self.archiveCounters = ArchiveCounter.allCases.map { Self.counter($0.description, in: registry) }
        func gauge(_ name: String, _ unit: String, _ help: String, _ labels: [(String, String)] = []) -> Gauge {
            let descriptor = MetricNameDescriptor(metricName: name, unitName: unit, helpText: help)
            return registry.makeGauge(descriptor: descriptor, labels: labels)
        }
        self.queueBytes = gauge("activitylog_writer_queue", "bytes", "Bytes received and not yet on disk.")
        self.queueRecords = gauge("activitylog_writer_queue", "records", "Records received and not yet on disk.")
        self.secondsSinceWrite = gauge(
            "activitylog_seconds_since_last_write",
            "",
            "Seconds since the writer last appended a member."
        )
        self.directoryBytes = gauge("activitylog_archive_directory", "bytes", "Bytes of archives in archive-dir.")
        self.connections = Dictionary(
            uniqueKeysWithValues: [Transport.tcp, .tls].map { transport in
                let help = "Open TCP and TLS connections."
                return (transport, gauge("activitylog_open_connections", "", help, [("transport", transport.rawValue)]))
            }
        )
        gauge(
            "activitylog_compression",
            "info",
            "The compression engine and level in use.",
            [
                ("engine", engine.rawValue), ("level", "\(level)"),
            ]
        ).set(Int64(1))
    }

    /// The metrics now, in the Prometheus text format.
    func render() -> [UInt8] {
        let (ingest, archive) = (self.sources.counters.snapshot, self.sources.writer.statistics)
        self.exported.withLock { exported in
            Self.addGains(from: exported.0, to: ingest, into: self.ingestCounters)
            Self.addGains(from: exported.1, to: archive, into: self.archiveCounters)
            exported = (ingest, archive)
        }
        let load = self.sources.writer.load
        self.queueBytes.set(Int64(load.pendingBytes))
        self.queueRecords.set(Int64(load.pendingRecords))
        self.secondsSinceWrite.set(Double(load.nanosecondsSinceWrite) / 1e9)
        let entries = (try? self.sources.directory.allEntries()) ?? []
        self.directoryBytes.set(Int64(entries.reduce(0) { $0 + $1.size }))
        let open = self.sources.server.openConnections
        for (transport, gauge) in self.connections { gauge.set(Int64(open[transport] ?? 0)) }
        return self.registry.emitToBuffer()
    }

    private static func counter(_ description: CounterDescription, in registry: PrometheusCollectorRegistry) -> Counter
    {
        let descriptor = MetricNameDescriptor(
            metricName: description.metric,
            unitName: "total",
            helpText: description.help
        )
        return registry.makeCounter(descriptor: descriptor, labels: description.labels)
    }

    private static func addGains<Key>(
        from previous: CounterValues<Key>,
        to current: CounterValues<Key>,
        into counters: [Counter]
    ) {
        for (key, value) in current.all where value > previous[key] {
            counters[key.rawValue].increment(by: Int64(value - previous[key]))
        }
    }
}
