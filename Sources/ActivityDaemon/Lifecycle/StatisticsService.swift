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
    private let counters: DaemonCounters
    private let interval: Mutex<Duration>
    private let logger: Logger

    init(server: IngestServer, counters: DaemonCounters, interval: Duration, logger: Logger) {
        self.server = server
        self.counters = counters
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
            let snapshot = self.counters.snapshot
            let level: Logger.Level = snapshot.losses > lossesLogged ? .warning : .info
            lossesLogged = snapshot.losses
            self.logger.log(level: level, "statistics", metadata: snapshot.metadata)
        }
    }
}
