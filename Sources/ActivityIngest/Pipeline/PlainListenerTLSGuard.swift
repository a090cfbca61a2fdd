import ActivityRuntime
import NIOCore

/// The first handler of a plain TCP connection: refuses a TLS client pointed at the wrong port instead of archiving
/// its handshake as records of binary junk.
///
/// A TLS connection opens with a handshake record: content type 22 (0x16), then the major version 3. No syslog frame
/// starts that way (an octet count starts with a digit, a message with `<` or text), so the first two bytes decide.
/// A refused connection is counted (`tls_on_plain_listener`), logged at most once a minute per sender, and closed;
/// otherwise the guard passes the bytes on and leaves the pipeline.
final class PlainListenerTLSGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let listener: ListenerConfiguration
    private let counters: IngestCounters
    private let refusals: RefusalLog
    /// The first byte, when a read brought only one.
    private var pending: ByteBuffer?

    init(listener: ListenerConfiguration, counters: IngestCounters, refusals: RefusalLog) {
        self.listener = listener
        self.counters = counters
        self.refusals = refusals
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = ByteBuffer.afterPending(&self.pending, self.unwrapInboundIn(data))
        guard bytes.readableBytes >= 2 else {
            self.pending = bytes
            return
        }
        if bytes.getInteger(at: bytes.readerIndex, as: UInt8.self) == 0x16,
            bytes.getInteger(at: bytes.readerIndex + 1, as: UInt8.self) == 3
        {
            self.counters.add(.tlsOnPlainListener)
            self.refusals.refused(
                context.channel.remoteAddress?.ipAddress,
                listener: self.listener,
                reason: .tlsOnPlainListener
            )
            context.close(promise: nil)
            return
        }
        context.fireChannelRead(self.wrapInboundOut(bytes))
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        // A connection that sent one byte and closed: that byte is a message of its own.
        if let pending = self.pending {
            self.pending = nil
            context.fireChannelRead(self.wrapInboundOut(pending))
            context.fireChannelReadComplete()
        }
        context.fireChannelInactive()
    }
}
