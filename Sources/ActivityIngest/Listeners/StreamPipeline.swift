import ActivityModel
import ActivityRuntime
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOSSL
import SyslogFraming

/// What a new TCP or TLS connection meets: the checks at accept, then its handlers in order.
///
/// At accept: a `proxy-protocol` listener takes connections only from its `proxy-allow` balancers (and leaves
/// `max-connections-per-source` out, since every connection comes from a few balancers); any other listener only
/// from senders in its `allow` list; then `max-connections`. Handlers: the ``ProxyProtocolHandler`` (before TLS,
/// whose handshake follows the header), TLS and its ``TLSPeerVerifier`` or the ``PlainListenerTLSGuard``, the
/// ``IdleConnectionCloser``, and the ``StreamIngestHandler`` that frames, parses and hands records over.
struct StreamPipeline: Sendable {
    let writer: any RecordSink
    let clock: any WallClock
    let counters: IngestCounters
    let settings: IngestSettingsSource
    let connections: ConnectionRegistry
    let refusals: RefusalLog
    /// The TLS context of the current settings, `nil` when no listener is TLS.
    let tlsContext: NIOLockedValueBox<NIOSSLContext?>
    let rotationTimeZone: CivilTimeZone
    let logger: Logger

    /// Admits `channel`, accepted on `listener`, and adds its handlers; or closes it, counted.
    func initialize(_ channel: any Channel, listener: ListenerConfiguration) -> EventLoopFuture<Void> {
        // A connection reset before it was accepted (as balancers end their health checks) has no peer address left:
        // closing it refuses no one.
        guard let peer = channel.remoteAddress else { return channel.close() }
        let (ingest, watcher) = self.settings.current()
        let proxyProtocol = ingest.proxyProtocol[listener]
        guard self.accepts(peer, on: listener, proxyProtocol: proxyProtocol, ingest: ingest) else {
            return channel.close()
        }
        guard
            let activity = self.connections.admit(
                channel,
                transport: listener.transport,
                limit: ingest.maxConnections,
                perSourceLimit: proxyProtocol == nil ? ingest.maxConnectionsPerSource : .max
            )
        else {
            self.counters.add(.connectionsRefused)
            return channel.close()
        }
        return channel.eventLoop.makeCompletedFuture {
            let pipeline = channel.pipeline.syncOperations
            if proxyProtocol != nil {
                try pipeline.addHandler(
                    ProxyProtocolHandler(
                        listener: listener,
                        allowlist: ingest.allowlist(for: listener),
                        counters: self.counters,
                        refusals: self.refusals
                    )
                )
            }
            switch listener.transport {
            case .tls:
                guard let tlsContext = self.tlsContext.withLockedValue({ $0 }) else {
                    throw TLSServerContext.Failure(description: "no TLS context for \(listener)")
                }
                try pipeline.addHandlers([
                    NIOSSLServerHandler(context: tlsContext),
                    TLSPeerVerifier(settings: ingest.tls, counters: self.counters, logger: self.logger),
                ])
            case .tcp:
                try pipeline.addHandler(
                    PlainListenerTLSGuard(listener: listener, counters: self.counters, refusals: self.refusals)
                )
            case .udp:
                break
            }
            let tally = MessageTally()
            try pipeline.addHandlers([
                IdleConnectionCloser(
                    timeout: TimeAmount(ingest.idleTimeout),
                    counters: self.counters,
                    tally: tally,
                    activity: activity
                ),
                StreamIngestHandler(
                    decoder: SyslogFrameDecoder(
                        configuration: SyslogFrameDecoder.Configuration(maxMessageSize: ingest.maxMessageSize)
                    ),
                    tally: tally,
                    chunker: RecordChunker(parser: ingest.parser, rotationTimeZone: self.rotationTimeZone),
                    settings: watcher,
                    writer: self.writer,
                    clock: self.clock,
                    counters: self.counters,
                    activity: activity,
                    transport: listener.transport
                ),
            ])
        }
    }

    /// Whether the peer at `address` may connect: a balancer in `proxy-allow` on a `proxy-protocol` listener (the
    /// client its header names meets `allow` later), a sender in `allow` on any other; a refusal is counted and
    /// logged.
    private func accepts(
        _ address: SocketAddress,
        on listener: ListenerConfiguration,
        proxyProtocol: ProxyProtocolSettings?,
        ingest: IngestConfiguration
    ) -> Bool {
        if let proxyProtocol {
            guard proxyProtocol.trusts(address) else {
                self.counters.add(.proxyRefusedNotAllowed)
                self.refusals.refused(address.ipAddress, listener: listener, reason: .proxyNotAllowed)
                return false
            }
            return true
        }
        guard ingest.allowlist(for: listener).allows(address) else {
            self.counters.add(.connectionsRefusedByACL)
            self.refusals.refused(address.ipAddress, listener: listener)
            return false
        }
        return true
    }
}
