import ActivityRuntime
import NIOCore
import SyslogFraming

/// The first handler of a connection on a `proxy-protocol` listener (before TLS, whose handshake follows the
/// header): reads the PROXY header a load balancer opens the connection with, then leaves the pipeline.
///
/// The connection was accepted only from a balancer in `proxy-allow`. The client the header names must be in the
/// listener's `allow` list; the handlers after this one learn it from a ``RelayedSource`` event, sent before any of
/// the client's bytes, so records name the client as `source`. A `LOCAL` (v2) or `UNKNOWN` (v1) header is the
/// balancer's own connection (a health check): it keeps the balancer's address and is not held to `allow`.
///
/// A connection without a header, or whose header does not parse, is counted, logged at most once a minute per
/// sender, and closed; at most ``ProxyProtocolHeader/maximumLength`` bytes are held while a header is incomplete,
/// however the bytes are cut into reads.
final class ProxyProtocolHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let listener: ListenerConfiguration
    private let allowlist: SenderAllowlist
    private let counters: IngestCounters
    private let refusals: RefusalLog
    /// The beginning of a header, when the reads so far brought only that.
    private var pending: ByteBuffer?

    init(listener: ListenerConfiguration, allowlist: SenderAllowlist, counters: IngestCounters, refusals: RefusalLog) {
        self.listener = listener
        self.allowlist = allowlist
        self.counters = counters
        self.refusals = refusals
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = ByteBuffer.afterPending(&self.pending, self.unwrapInboundIn(data))
        switch bytes.withUnsafeReadableBytes({ ProxyProtocolHeader.parse($0) }) {
        case .incomplete:
            self.pending = bytes
        case .missing:
            self.counters.add(.proxyRefusedMissing)
            self.refuse(context: context, reason: .proxyHeaderMissing)
        case .malformed(let reason):
            self.counters.add(.proxyRefusedMalformed)
            self.refuse(context: context, reason: .proxyHeaderMalformed, detail: reason)
        case .header(let header, let length):
            bytes.moveReaderIndex(forwardBy: length)
            self.admit(header, rest: bytes, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        // A header cut short by the close (a connection that sent nothing at all is no refusal).
        if self.pending != nil {
            self.pending = nil
            self.counters.add(.proxyRefusedMalformed)
            self.refusals.refused(
                context.channel.remoteAddress?.ipAddress,
                listener: self.listener,
                reason: .proxyHeaderMalformed,
                detail: "connection closed within the header"
            )
        }
        context.fireChannelInactive()
    }

    private func admit(_ header: ProxyProtocolHeader, rest: ByteBuffer, context: ChannelHandlerContext) {
        // A header without a client (LOCAL, UNKNOWN) is the balancer's own connection, which proxy-allow admitted.
        if let source = header.source {
            let client = try? SocketAddress(packedIPAddress: ByteBuffer(bytes: source.address), port: source.port)
            guard let client, self.allowlist.allows(client) else {
                self.counters.add(.connectionsRefusedByACL)
                self.refusals.refused(client?.ipAddress, listener: self.listener)
                context.close(promise: nil)
                return
            }
            context.fireUserInboundEventTriggered(RelayedSource(address: client))
        }
        if rest.readableBytes > 0 { context.fireChannelRead(self.wrapInboundOut(rest)) }
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    /// Logs a refusal (counted by the caller) and closes.
    private func refuse(context: ChannelHandlerContext, reason: RefusalLog.Reason, detail: String? = nil) {
        self.refusals.refused(
            context.channel.remoteAddress?.ipAddress,
            listener: self.listener,
            reason: reason,
            detail: detail
        )
        context.close(promise: nil)
    }
}

/// The client a load balancer relays a connection for, from its PROXY header: an inbound user event that
/// ``ProxyProtocolHandler`` sends before the client's first byte.
struct RelayedSource: Sendable {
    /// The client's address and port.
    var address: SocketAddress
}
