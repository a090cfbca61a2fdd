import ActivityArchive
import ActivityIngest
import ActivityModel
import ActivityRuntime
import Logging
import NIOCore
import NIOPosix
import Prometheus
import ServiceLifecycle
import Synchronization
import UnixSignals

/// `activitylogd` as a library: builds the services from a configuration and runs them until SIGTERM or SIGINT.
///
/// Services start in the order writer, retention, listeners, reload, and stop in reverse: on SIGTERM the reload
/// watcher and the listeners stop first (no new data; what connections had read is handed over), then the writer
/// writes and closes every member, so nothing received is lost on a clean stop.
public enum Daemon {
    /// Runs the daemon.
    ///
    /// - Parameters:
    ///   - configuration: What to run.
    ///   - configPath: The file to re-read on SIGHUP, or `nil` (embedded default: SIGHUP only logs, never stops).
    ///   - clock: Source of `received` and of "today" for retention.
    ///   - logger: Where the daemon logs.
    ///   - logLevel: The level `logger` logs at, which a reload sets from `log-level`; `nil` leaves it alone.
    ///   - onListening: Called once all listeners are bound.
    public static func run(
        configuration: DaemonConfiguration,
        configPath: String?,
        clock: any WallClock = SystemWallClock(),
        logger: Logger,
        logLevel: SharedLogLevel? = nil,
        onListening: @escaping @Sendable ([ListenerConfiguration: SocketAddress]) -> Void = { _ in }
    ) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        do {
            try await Self.run(
                configuration,
                configPath: configPath,
                group: group,
                clock: clock,
                logger: logger,
                logLevel: logLevel,
                onListening: onListening
            )
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        try await group.shutdownGracefully()
    }

    private static func run(
        _ configuration: DaemonConfiguration,
        configPath: String?,
        group: MultiThreadedEventLoopGroup,
        clock: any WallClock,
        logger: Logger,
        logLevel: SharedLogLevel?,
        onListening: @escaping @Sendable ([ListenerConfiguration: SocketAddress]) -> Void
    ) async throws {
        var configuration = configuration
        configuration.archive.compressionEngine = try StartupCheck.compressionEngine(configuration)
        if let reason = Libdeflate.loadError {
            logger.notice(
                "libdeflate cannot be loaded; compressing with zlib",
                metadata: [
                    "reason": "\(reason)", "fix": "install the Debian package libdeflate0 for the faster engine",
                ]
            )
        }
        let listenerCounters = ListenerCounters()
        let retentionCounters = RetentionCounters()
        // Rotation reaches retention as a stream: the writer thread yields, the retention service sweeps.
        let (rotations, rotationContinuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let registry = PrometheusCollectorRegistry()
        let writer = try ArchiveWriter(
            configuration: configuration.archive,
            logger: logger,
            metrics: MetricsService.writerMetrics(registry)
        ) { _ in rotationContinuation.yield() }
        let sweeper = RetentionSweeper(
            directory: try ArchiveDirectory(
                path: configuration.archive.directory,
                naming: configuration.archive.naming
            ),
            zone: configuration.archive.rotationTimeZone,
            policy: configuration.retention,
            counters: retentionCounters,
            logger: logger
        )
        let (writerStarted, writerStartedContinuation) = AsyncStream<Void>.makeStream()
        let (writerReady, writerReadyContinuation) = AsyncStream<Void>.makeStream()
        let notifier = SystemdNotifier()
        let retention = RetentionService(
            sweeper: sweeper,
            writerStarted: writerStarted,
            rotations: rotations,
            clock: clock,
            logger: logger
        )
        let server = IngestServer(
            group: group,
            writer: writer,
            rotationTimeZone: configuration.archive.rotationTimeZone,
            counters: listenerCounters,
            clock: clock,
            logger: logger
        )
        let counters = DaemonCounters(listeners: listenerCounters, writer: writer, retention: retentionCounters)
        let statistics = StatisticsService(
            server: server,
            counters: counters,
            interval: configuration.statisticsInterval,
            logger: logger
        )
        let listenersBound = Atomic<Bool>(false)
        var services: [any Service] = [
            ArchiveWriterService(writer: writer, started: [writerStartedContinuation, writerReadyContinuation]),
            retention,
        ]
        if let endpoint = configuration.metricsEndpoint {
            let sources = MetricsExporter.Sources(
                counters: counters,
                writer: writer,
                server: server,
                directory: try ArchiveDirectory(
                    path: configuration.archive.directory,
                    naming: configuration.archive.naming
                )
            )
            let responder = MetricsService.responder(
                registry: registry,
                sources: sources,
                archive: configuration.archive
            ) { listenersBound.load(ordering: .relaxed) }
            services.append(
                MetricsService(
                    endpoint: endpoint,
                    origin: configuration.origin,
                    group: group,
                    responder: responder,
                    logger: logger
                )
            )
        }
        services += [
            IngestService(
                server: server,
                configuration: configuration,
                logger: logger,
                onListening: { addresses in
                    listenersBound.store(true, ordering: .relaxed)
                    onListening(addresses)
                },
                writerStarted: writerReady,
                notifier: notifier
            ),
            statistics,
        ]
        services.append(
            ReloadService(
                path: configPath,
                server: server,
                retention: retention,
                statistics: statistics,
                logLevel: logLevel,
                logger: logger,
                running: configuration,
                notifier: notifier
            )
        )
        let serviceGroup = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        logger.notice(
            "activitylogd started",
            metadata: [
                "archive.dir": "\(configuration.archive.directory)",
                "compression.engine": "\(configuration.archive.compressionEngine.rawValue)",
                "compression.level": "\(configuration.archive.compressionLevel)",
            ]
        )
        try await serviceGroup.run()
        let snapshot = counters.snapshot
        logger.log(
            level: snapshot.losses > 0 ? .warning : .notice,
            "activitylogd stopped",
            metadata: snapshot.metadata
        )
        let unwritten = snapshot.archive[.recordsLost] + snapshot.ingest[.messagesLost]
        if unwritten > 0 { throw RecordsNotWritten(count: unwritten) }
    }
}

/// The stop could not write everything it had received (the archive kept failing): the exit status says so.
public struct RecordsNotWritten: Error, CustomStringConvertible {
    /// Records received but not in any archive.
    public var count: Int

    public var description: String { "\(self.count) received records could not be written before stopping" }
}
