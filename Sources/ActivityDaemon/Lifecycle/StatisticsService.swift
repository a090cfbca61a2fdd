import ActivityArchive
import ActivityIngest
import Logging
import ServiceLifecycle
import Synchronization

/// Logs every count of received and lost messages every `statistics-interval`, so losses are visible while
/// running, not only in the line `activitylogd` logs when it stops.
///
/// The line is `info`, or `warning` when a loss counter rose since the previous line, so losses show even at
/// `log-level warning`.
final class StatisticsService: Service {
    private let server: IngestServer
    private let counters: IngestCounters
    private let writer: ArchiveWriter
    private let interval: Mutex<Duration>
    private let logger: Logger

    init(server: IngestServer, counters: IngestCounters, writer: ArchiveWriter, interval: Duration, logger: Logger) {
        self.server = server
        self.counters = counters
        self.writer = writer
        self.interval = Mutex(interval)
        self.logger = logger
    }

    /// Takes a reloaded `statistics-interval`, counted from the last line: it applies within a second.
    func update(interval: Duration) {
        self.interval.withLock { $0 = interval }
    }

    func run() async throws {
        let clock = ContinuousClock()
        var lastLine = clock.now
        var lossesLogged = 0
        while !Task.isShuttingDownGracefully {
            let due = lastLine + self.interval.withLock { $0 }
            // Wakes at least once a second, so a shorter interval from a reload is not stuck behind a long sleep.
            let wake = min(due, clock.now + .seconds(1))
            guard (try? await cancelWhenGracefulShutdown({ try await clock.sleep(until: wake) })) != nil else {
                return
            }
            guard clock.now >= due else { continue }
            lastLine = clock.now
            await self.server.updateKernelDropCount()
            let (ingest, archive) = (self.counters.snapshot, self.writer.statistics)
            let losses = Self.losses(ingest, archive)
            let level: Logger.Level = losses > lossesLogged ? .warning : .info
            lossesLogged = losses
            self.logger.log(level: level, "statistics", metadata: Self.metadata(ingest, archive))
        }
    }

    /// Every count as its own log field, `ingest.NAME` and `archive.NAME`, so a line can be read by key.
    static func metadata(_ ingest: IngestCounters.Snapshot, _ archive: ArchiveStatistics) -> Logger.Metadata {
        var metadata: Logger.Metadata = [:]
        for (name, value) in ingest.named { metadata["ingest.\(name)"] = "\(value)" }
        for (name, value) in archive.named { metadata["archive.\(name)"] = "\(value)" }
        return metadata
    }

    /// The counts of messages lost or cut, and of failed writes. Refused senders are left out: they are the
    /// `allow` and `proxy-allow` lists at work, and logged as warnings of their own.
    static func losses(_ ingest: IngestCounters.Snapshot, _ archive: ArchiveStatistics) -> Int {
        ingest.messagesTruncated + ingest.datagramsDroppedQueueFull + ingest.datagramsDroppedByKernel
            + ingest.connectionsRefused + ingest.tlsOnPlainListener + ingest.proxyRefusedMissing
            + ingest.proxyRefusedMalformed + ingest.messagesLost + archive.recordsLost + archive.writeFailures
    }
}
