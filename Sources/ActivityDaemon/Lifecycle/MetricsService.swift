import ActivityArchive
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Prometheus
import ServiceLifecycle

/// Serves `/metrics` and `/health` on `metrics-listen` until the daemon stops.
struct MetricsService: Service {
    let endpoint: MetricsEndpoint
    let origin: ConfigurationOrigin
    let group: any EventLoopGroup
    let responder: MetricsHTTPHandler.Responder
    let logger: Logger

    func run() async throws {
        let responder = self.responder
        let channel: any Channel
        do {
            channel = try await ServerBootstrap(group: self.group)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.pipeline.configureHTTPServerPipeline().flatMapThrowing {
                        try channel.pipeline.syncOperations.addHandler(MetricsHTTPHandler(responder: responder))
                    }
                }
                .bind(host: self.endpoint.host, port: self.endpoint.port)
                .get()
        } catch {
            throw self.origin.error(
                "metrics-listen",
                value: "\(self.endpoint)",
                expected: "an address this host can bind (\(error))"
            )
        }
        self.logger.notice(
            "serving metrics",
            metadata: ["metrics.address": "\(self.endpoint)", "metrics.port": "\(channel.localAddress?.port ?? 0)"]
        )
        try? await gracefulShutdown()
        try await channel.close()
    }
}

extension MetricsService {
    /// The writer's histograms, recorded into `registry` through swift-metrics: records per member in powers of
    /// two up to the largest batch, append latency from 100 µs to 10 s.
    static func writerMetrics(_ registry: PrometheusCollectorRegistry) -> WriterMetrics {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.valueHistogramBuckets[WriterMetrics.batchRecordsLabel] = (0...17).map { Double(1 << $0) }
        factory.durationHistogramBuckets[WriterMetrics.memberWriteLabel] = [
            .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(10),
        ]
        return WriterMetrics(factory: factory)
    }

    /// What `/metrics` and `/health` answer, read from the running daemon.
    static func responder(
        registry: PrometheusCollectorRegistry,
        sources: MetricsExporter.Sources,
        archive: ArchiveConfiguration,
        listenersBound: @escaping @Sendable () -> Bool
    ) -> MetricsHTTPHandler.Responder {
        let exporter = MetricsExporter(
            registry: registry,
            sources: sources,
            engine: archive.compressionEngine,
            level: archive.compressionLevel
        )
        let health = HealthCheck(flushInterval: archive.flushInterval)
        let writer = sources.writer
        return MetricsHTTPHandler.Responder(
            metrics: { exporter.render() },
            healthProblem: { health.problem(listenersBound: listenersBound(), load: writer.load) }
        )
    }
}
