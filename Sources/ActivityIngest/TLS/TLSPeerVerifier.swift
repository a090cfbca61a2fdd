import ActivityRuntime
import Logging
import NIOCore
import NIOSSL
import NIOTLS

/// Sits after the TLS handler of a connection: enforces the handshake timeout, logs the peer's certificate identity,
/// and closes the connection when `tls-allowed-peers` does not match it.
///
/// Records only flow once the handshake is complete, so a slow or failing handshake never reaches the parser.
final class TLSPeerVerifier: ChannelInboundHandler {
    typealias InboundIn = NIOAny

    private let settings: TLSSettings
    private let counters: IngestCounters
    private let logger: Logger
    private var timeout: Scheduled<Void>?
    private var isEstablished = false
    /// The client a load balancer's PROXY header named (`proxy-protocol`), logged instead of the balancer.
    private var relayedPeer: String?

    init(settings: TLSSettings, counters: IngestCounters, logger: Logger) {
        self.settings = settings
        self.counters = counters
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        let counters = self.counters
        self.timeout = context.eventLoop.scheduleTask(in: TimeAmount(self.settings.handshakeTimeout)) {
            counters.add(.tlsHandshakesTimedOut)
            loopBound.value.close(promise: nil)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.timeout?.cancel()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let relayed = event as? RelayedSource { self.relayedPeer = relayed.address.ipAddress }
        guard case .handshakeCompleted = event as? TLSUserEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        self.timeout?.cancel()
        let certificate = try? context.pipeline.syncOperations.nioSSL_peerCertificate()
        let identity = certificate.map(Self.identity)
        let peer = self.relayedPeer ?? context.channel.remoteAddress?.ipAddress ?? "unknown"
        if !self.settings.allowedPeers.isEmpty, !(identity?.matches(any: self.settings.allowedPeers) ?? false) {
            self.counters.add(.tlsPeersRefused)
            self.logger.warning(
                "refused TLS peer not in tls-allowed-peers",
                metadata: ["peer.address": "\(peer)", "peer.certificate": "\(identity.map { "\($0)" } ?? "none")"]
            )
            context.close(promise: nil)
            return
        }
        self.isEstablished = true
        self.logger.info(
            "TLS connection",
            metadata: ["peer.address": "\(peer)", "peer.certificate": "\(identity.map { "\($0)" } ?? "none")"]
        )
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard self.isEstablished else { return }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if !self.isEstablished {
            self.counters.add(.tlsHandshakesFailed)
            self.logger.debug(
                "TLS handshake failed",
                metadata: [
                    "peer.address": "\(context.channel.remoteAddress?.ipAddress ?? "unknown")", "error": "\(error)",
                ]
            )
        }
        context.close(promise: nil)
    }

    private static func identity(of certificate: NIOSSLCertificate) -> PeerIdentity {
        let dnsNames = certificate._subjectAlternativeNames().compactMap { name -> String? in
            guard name.nameType == .dnsName else { return nil }
            return String(decoding: name.contents, as: UTF8.self)
        }
        let commonName = (try? certificate.toDERBytes()).flatMap(PeerIdentity.commonName(derCertificate:))
        return PeerIdentity(dnsNames: dnsNames, commonName: commonName)
    }
}

@available(*, unavailable)
extension TLSPeerVerifier: Sendable {}
