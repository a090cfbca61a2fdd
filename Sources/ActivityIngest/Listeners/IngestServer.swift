import ActivityModel
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// The UDP, TCP and TLS listeners of the daemon, started, changed (SIGHUP) and stopped as a set.
///
/// Listening sockets are keyed by their ``ListenerConfiguration``: ``apply(_:ingest:)`` binds the new ones first
/// and only then publishes the new settings and closes the listeners no longer configured, so a listener that
/// cannot be bound leaves the old set and the old settings running. New settings apply to UDP listeners from their
/// next read; on TCP and TLS, parsing applies to open connections from their next read, and limits to connections
/// accepted after the change.
public actor IngestServer {
    private let group: any EventLoopGroup
    private let writer: any RecordSink
    private let clock: any WallClock
    private let counters: ListenerCounters
    private let logger: Logger
    private let rotationTimeZone: CivilTimeZone
    private let settings = IngestSettingsSource()
    private let connections = ConnectionRegistry()
    private let tlsContext = NIOLockedValueBox<NIOSSLContext?>(nil)
    private let refusals: RefusalLog
    private var listening: [ListenerConfiguration: BoundListener] = [:]

    /// A listening TCP or TLS channel, or a UDP receiver.
    private enum BoundListener {
        case stream(any Channel)
        case datagrams(DatagramReceiver)

        var localAddress: SocketAddress? {
            switch self {
            case .stream(let channel): channel.localAddress
            case .datagrams(let receiver): receiver.localAddress
            }
        }
    }

    /// Creates a server that feeds `writer` and counts into `counters`, each listener into its own set; nothing is
    /// bound until ``apply(_:ingest:)``.
    public init(
        group: any EventLoopGroup,
        writer: any RecordSink,
        rotationTimeZone: CivilTimeZone,
        counters: ListenerCounters,
        clock: any WallClock = SystemWallClock(),
        logger: Logger
    ) {
        self.group = group
        self.writer = writer
        self.rotationTimeZone = rotationTimeZone
        self.counters = counters
        self.clock = clock
        self.logger = logger
        self.refusals = RefusalLog(logger: logger)
    }

    /// The address each listener is bound to (the real port when 0 was configured).
    public var boundAddresses: [ListenerConfiguration: SocketAddress] {
        self.listening.compactMapValues { $0.localAddress }
    }

    /// The open TCP and TLS connections, by transport.
    public nonisolated var openConnections: [Transport: Int] { self.connections.openConnections }

    /// Adds the datagrams the kernel dropped on the UDP listeners' sockets (receive buffer full) since the last
    /// call to the counters; a receiver also counts them a last time when it closes.
    public func updateKernelDropCount() {
        for case .datagrams(let receiver) in self.listening.values { receiver.countKernelDrops() }
    }

    /// Makes the running listeners exactly `listeners`, with the settings `ingest`.
    ///
    /// - Throws: The first error (a TLS file, or a ``ListenerBindError``); then every listener bound by this call is
    ///   closed again, and the previous listeners and settings keep running unchanged.
    public func apply(_ listeners: [ListenerConfiguration], ingest: IngestConfiguration) async throws {
        // Certificates and keys are (re-)read on every apply, so SIGHUP rotates them without a restart.
        let tlsContext = try listeners.contains { $0.transport == .tls } ? TLSServerContext.make(ingest.tls) : nil
        var added: [ListenerConfiguration: BoundListener] = [:]
        do {
            for listener in listeners where self.listening[listener] == nil {
                do {
                    added[listener] = try await self.bind(listener, ingest: ingest)
                } catch {
                    throw ListenerBindError(listener, error: error)
                }
            }
        } catch {
            for bound in added.values { await self.close(bound) }
            throw error
        }
        self.tlsContext.withLockedValue { $0 = tlsContext }
        self.settings.update(ingest)
        // New TCP and TLS listeners were bound without accepting, so no connection got the settings being replaced.
        for case .stream(let channel) in added.values {
            try? await channel.setOption(ChannelOptions.autoRead, value: true)
        }
        for (listener, bound) in self.listening where !listeners.contains(listener) {
            await self.close(bound)
            self.listening.removeValue(forKey: listener)
            self.logger.info("listener closed", metadata: ["listener": "\(listener)"])
        }
        for (listener, bound) in added {
            self.listening[listener] = bound
            var metadata: Logger.Metadata = [
                "listener": "\(listener)", "listener.port": "\(bound.localAddress?.port ?? listener.port)",
            ]
            if listener.reusesPort { metadata["listener.reuse_port"] = "true" }
            self.logger.info("listening", metadata: metadata)
        }
    }

    /// Stops accepting (closes the TCP listening sockets), lets every connection and UDP socket read what the
    /// kernel already holds for it (until each is quiet for 200 ms, at most 10 s), then closes them all once their
    /// records are handed to the writer.
    public func stop() async {
        for case .stream(let channel) in self.listening.values { try? await channel.close() }
        self.listening.removeAll()
        await self.connections.drainAndCloseAll(quietPeriod: .milliseconds(200), timeout: .seconds(10))
    }

    private func bind(_ listener: ListenerConfiguration, ingest: IngestConfiguration) async throws -> BoundListener {
        switch listener.transport {
        case .udp: .datagrams(try self.bindDatagram(listener, ingest: ingest))
        case .tcp, .tls: .stream(try await self.bindStream(listener))
        }
    }

    private func close(_ bound: BoundListener) async {
        switch bound {
        case .stream(let channel): try? await channel.close()
        case .datagrams(let receiver): await self.connections.close(receiver)
        }
    }

    private func bindStream(_ listener: ListenerConfiguration) async throws -> any Channel {
        let pipeline = StreamPipeline(
            writer: self.writer,
            clock: self.clock,
            counters: self.counters.counters(for: listener),
            settings: self.settings,
            connections: self.connections,
            refusals: self.refusals,
            tlsContext: self.tlsContext,
            rotationTimeZone: self.rotationTimeZone,
            logger: self.logger
        )
        return try await ServerBootstrap(group: self.group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(ChannelOptions.socketOption(.reusePort), value: listener.reusesPort ? 1 : 0)
            // Accepting starts once apply() has published the settings (the kernel queues connections meanwhile).
            .serverChannelOption(ChannelOptions.autoRead, value: false)
            .childChannelOption(
                ChannelOptions.recvAllocator,
                value: AdaptiveRecvByteBufferAllocator(minimum: 4096, initial: 65_536, maximum: 256 << 10)
            )
            .childChannelInitializer { channel in pipeline.initialize(channel, listener: listener) }
            .bind(host: listener.host, port: listener.port)
            .get()
    }

    private func bindDatagram(_ listener: ListenerConfiguration, ingest: IngestConfiguration) throws -> DatagramReceiver
    {
        let (writer, counters, refusals) = (self.writer, self.counters.counters(for: listener), self.refusals)
        let rotationTimeZone = self.rotationTimeZone
        let receiver = try DatagramReceiver(
            listener: listener,
            settings: ingest,
            source: self.settings,
            writer: writer,
            clock: self.clock,
            counters: counters
        ) { settings in
            DatagramIngester(
                chunker: RecordChunker(parser: settings.parser, rotationTimeZone: rotationTimeZone),
                allowlist: settings.allowlist(for: listener),
                listener: listener,
                writer: writer,
                counters: counters,
                refusals: refusals,
                maxMessageSize: settings.maxMessageSize
            )
        }
        self.connections.register(receiver)
        receiver.warnIfBufferCapped(requested: ingest.udpReceiveBuffer, listener: listener, logger: self.logger)
        return receiver
    }
}
