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
/// The ingest counters are given per listener, with the labels `transport` and `listener` (`tcp 127.0.0.1:5514`, as
/// the daemon's log lines name it); the `statistics` line has their sums. The daemon's counters stay plain atomics
/// on the hot path; a scrape adds what they gained since the last scrape to the Prometheus counters, so the two can
/// never disagree.
final class MetricsExporter: Sendable {
    /// What the gauges read.
    struct Sources: Sendable {
        let counters: DaemonCounters
        let writer: ArchiveWriter
        let server: IngestServer
        let directory: ArchiveDirectory
    }

    private let registry: PrometheusCollectorRegistry
    private let sources: Sources
    private let archiveCounters: [Counter]
    private let retentionCounters: [Counter]
    private let exported = Mutex(Exported())
    private let queueBytes: Gauge
    private let queueRecords: Gauge
    private let secondsSinceWrite: Gauge
    private let directoryBytes: Gauge
    private let connections: [Transport: Gauge]

    /// The counts already added to the Prometheus counters, and each listener's Prometheus counters.
    private struct Exported {
        var counts = DaemonCounters.Snapshot()
        var listenerSeries: [ListenerConfiguration: [Counter]] = [:]
    }

    init(registry: PrometheusCollectorRegistry, sources: Sources, engine: CompressionEngine, level: Int) {
        self.registry = registry
        self.sources = sources
        self.archiveCounters = ArchiveCounter.allCases.map { Self.counter($0.description, in: registry) }
        self.retentionCounters = RetentionCounter.allCases.map { Self.counter($0.description, in: registry) }
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
        let counters = self.sources.counters.snapshot
        self.exported.withLock { exported in
            for (listener, values) in counters.listeners {
                let series = exported.listenerSeries[listener] ?? self.listenerCounters(listener)
                exported.listenerSeries[listener] = series
                Self.addGains(from: exported.counts.listeners[listener] ?? CounterValues(), to: values, into: series)
            }
            Self.addGains(from: exported.counts.archive, to: counters.archive, into: self.archiveCounters)
            Self.addGains(from: exported.counts.retention, to: counters.retention, into: self.retentionCounters)
            exported.counts = counters
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

    /// The ingest counters of `listener`, labelled with its transport and name before their declared labels.
    private func listenerCounters(_ listener: ListenerConfiguration) -> [Counter] {
        let labels = [("transport", listener.transport.rawValue), ("listener", listener.description)]
        return IngestCounter.allCases.map { Self.counter($0.description, labels: labels, in: self.registry) }
    }

    private static func counter(
        _ description: CounterDescription,
        labels: [(String, String)] = [],
        in registry: PrometheusCollectorRegistry
    ) -> Counter {
        let descriptor = MetricNameDescriptor(
            metricName: description.metric,
            unitName: "total",
            helpText: description.help
        )
        return registry.makeCounter(descriptor: descriptor, labels: labels + description.labels)
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
