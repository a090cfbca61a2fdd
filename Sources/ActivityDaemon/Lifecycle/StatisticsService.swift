import ActivityArchive
import ActivityIngest
import Logging
import ServiceLifecycle

/// Logs every count of received and lost messages at a fixed interval, so losses are visible while running, not
/// only in the line `activitylogd` logs when it stops.
struct StatisticsService: Service {
    let server: IngestServer
    let counters: IngestCounters
    let writer: ArchiveWriter
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            guard (try? await cancelWhenGracefulShutdown({ try await Task.sleep(for: self.interval) })) != nil else {
                return
            }
            await self.server.updateKernelDropCount()
            self.logger.info(
                "statistics",
                metadata: ["ingest": "\(self.counters.snapshot)", "archive": "\(self.writer.statistics)"]
            )
        }
    }
}
