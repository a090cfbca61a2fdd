import ActivityArchive
import ActivityIngest
import ActivityRuntime
import Logging

/// Every counter of the daemon, where it is kept: each listener's ingest counters, the writer's, retention's. The
/// `statistics` line, the stop line and `/metrics` read them together through ``snapshot``.
public struct DaemonCounters: Sendable {
    let listeners: ListenerCounters
    let writer: ArchiveWriter
    let retention: RetentionCounters

    /// Every counter of the `statistics` line, `ingest.*` (summed over the listeners; per listener in `/metrics`),
    /// `archive.*`, `retention.*`, with its declaration. The man page test and the metrics tests read this list, so
    /// a group cannot be left out of them.
    public static let declared: [(statisticsName: String, description: CounterDescription)] =
        IngestCounter.allCases.map { ($0.statisticsName, $0.description) }
        + ArchiveCounter.allCases.map { ($0.statisticsName, $0.description) }
        + RetentionCounter.allCases.map { ($0.statisticsName, $0.description) }

    /// The counters now.
    var snapshot: Snapshot {
        Snapshot(
            listeners: self.listeners.snapshots,
            archive: self.writer.statistics,
            retention: self.retention.snapshot
        )
    }

    /// The counters at one moment; all zero when made with no arguments.
    struct Snapshot: Sendable {
        var listeners: [ListenerConfiguration: CounterValues<IngestCounter>] = [:]
        var archive = ArchiveStatistics()
        var retention = CounterValues<RetentionCounter>()

        /// The ingest counters of all listeners added up.
        var ingest: CounterValues<IngestCounter> { ListenerCounters.totals(of: self.listeners) }

        /// Every count as its own log field, `ingest.NAME`, `archive.NAME`, `retention.NAME`, so a line can be read
        /// by key.
        var metadata: Logger.Metadata {
            var metadata: Logger.Metadata = [:]
            func add<Key>(_ values: CounterValues<Key>) {
                for (key, value) in values.all { metadata[key.statisticsName] = "\(value)" }
            }
            add(self.ingest)
            add(self.archive)
            add(self.retention)
            return metadata
        }

        /// The counts of messages lost or cut, and of failed writes (the counters declared as losses). Refused
        /// senders are left out: they are the `allow` list at work, and logged as warnings of their own.
        var losses: Int { self.ingest.losses + self.archive.losses + self.retention.losses }
    }
}
