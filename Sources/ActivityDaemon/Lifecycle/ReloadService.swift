import ActivityIngest
import ActivityModel
import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on SIGHUP: listeners, limits, parsing, retention, `log-level` and
/// `statistics-interval` change at once; a new file that does not parse, or a listener that cannot be bound, is
/// refused and the running configuration stays.
///
/// Archive settings (`archive-dir`, `rotation-timezone`, compression, batching, `fsync`, `queue-size`),
/// `user`/`group` and `metrics-listen` need a restart; a reload that changes them says so in the log.
///
/// Without a file (`-f` not given: the embedded default) SIGHUP changes nothing and says so: it must never end the
/// process, as the signal's default action would (a closed terminal and `pkill -HUP` send it too).
struct ReloadService: Service {
    let path: String?
    let server: IngestServer
    let retention: RetentionService
    let statistics: StatisticsService
    let logLevel: SharedLogLevel?
    let logger: Logger
    let running: DaemonConfiguration
    let notifier: SystemdNotifier

    func run() async throws {
        var current = self.running
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            guard let path = self.path else {
                self.logger.notice("SIGHUP: running on the embedded default (no -f), nothing to reload; still running")
                continue
            }
            self.logger.notice("reloading configuration", metadata: ["config.path": "\(path)"])
            self.notifier.reloading()
            // Whatever the outcome, systemd hears that the daemon is ready again.
            defer {
                self.notifier.ready(status: "listening; configuration reloaded at \(RFC3339Formatter.string(.now()))")
            }
            let next: DaemonConfiguration
            do {
                next = try DaemonConfiguration.load(path: path)
            } catch {
                self.logger.error("configuration refused, keeping the running one", metadata: ["error": "\(error)"])
                continue
            }
            do {
                try await self.server.apply(next.listeners, ingest: next.ingest)
            } catch {
                self.logger.error(
                    "cannot bind new listeners, keeping the running ones",
                    metadata: ["error": "\(next.origin.locate(error))"]
                )
                continue
            }
            await self.retention.update(policy: next.retention)
            self.statistics.update(interval: next.statisticsInterval)
            if next.archive != current.archive || next.user != current.user || next.group != current.group
                || next.metricsEndpoint != current.metricsEndpoint
            {
                self.logger.warning("archive, user, group and metrics-listen settings change only on restart")
            }
            current = next
            // The confirmation is logged under whichever of the two levels shows more.
            let showsMore = next.logLevel < (self.logLevel?.level ?? next.logLevel)
            if showsMore { self.logLevel?.level = next.logLevel }
            self.logger.notice("configuration reloaded", metadata: ["listeners": "\(next.listeners.count)"])
            if !showsMore { self.logLevel?.level = next.logLevel }
        }
    }
}
