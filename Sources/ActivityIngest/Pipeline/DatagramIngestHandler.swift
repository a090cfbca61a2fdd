import ActivityArchive
import ActivityModel
import NIOCore
import Synchronization
import SyslogParsing

/// The handler of a UDP listener: one datagram is one message (RFC 5426).
///
/// A datagram longer than `max-message-size` is cut to it and flagged. Chunks go to the writer at the end of each
/// read burst; when the writer's queue is full they are dropped and counted (UDP has no way to slow a sender).
/// After a burst of at least ``datagramsPerVectorRead`` datagrams, the handler asks whether the socket's receive queue is
/// backing up, and if so tells the writer, which then compresses cheaply for a while: the kernel drops what
/// overflows the socket, so the reading thread must not lose the CPU to compression.
final class DatagramIngestHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private var chunker: RecordChunker
    private let writer: ArchiveWriter
    private let clock: any WallClock
    private let counters: IngestCounters
    private let activity: ChannelActivity
    private var senders: AllowlistSource.Reader
    private let refusals: RefusalLog
    private let maxMessageSize: Int
    private let backlogProbe: ReceiveBacklogProbe
    private var received: Timestamp?
    /// Datagrams read since the last `channelReadComplete`.
    private var burstDatagrams = 0
    /// The last sender and its address as text: a sender sends many datagrams in a row, and formatting an address
    /// (`inet_ntop`, a new `String`) per datagram cost more than parsing its header.
    private var lastSender: (address: SocketAddress, text: String?)?

    init(
        chunker: RecordChunker,
        writer: ArchiveWriter,
        clock: any WallClock,
        counters: IngestCounters,
        activity: ChannelActivity,
        senders: AllowlistSource.Reader,
        refusals: RefusalLog,
        maxMessageSize: Int,
        backlogProbe: ReceiveBacklogProbe = .socketMemory
    ) {
        self.chunker = chunker
        self.writer = writer
        self.clock = clock
        self.counters = counters
        self.activity = activity
        self.senders = senders
        self.refusals = refusals
        self.maxMessageSize = maxMessageSize
        self.backlogProbe = backlogProbe
    }

    /// Datagrams per vector read (`recvmmsg`). Also the shortest read burst after which the socket's backlog is
    /// checked: a shorter burst emptied the socket with room to spare.
    static let datagramsPerVectorRead = 32

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let datagram = self.unwrapInboundIn(data)
        guard self.senders.allows(datagram.remoteAddress) else {
            self.counters.datagramsRefusedByACL.add(1, ordering: .relaxed)
            self.refusals.refused(datagram.remoteAddress, listener: self.senders.listener)
            return
        }
        if self.received == nil {
            self.received = self.clock.now()
            self.activity.didRead()
        }
        self.burstDatagrams &+= 1
        let reception = ReceptionContext(
            received: self.received!,
            source: self.text(of: datagram.remoteAddress),
            transport: .udp
        )
        let truncated = datagram.data.readableBytes > self.maxMessageSize
        datagram.data.withUnsafeReadableBytes { bytes in
            let message = truncated ? UnsafeRawBufferPointer(rebasing: bytes[0..<self.maxMessageSize]) : bytes
            self.chunker.add(message, truncated: truncated, context: reception)
        }
        self.counters.messagesReceived.add(1, ordering: .relaxed)
        if truncated { self.counters.messagesTruncated.add(1, ordering: .relaxed) }
        if self.chunker.hasCompletedChunk {
            self.received = nil
            self.activity.didRead()
            self.handOver()
        }
    }

    private func text(of sender: SocketAddress) -> String? {
        if let last = self.lastSender, last.address == sender { return last.text }
        let text = sender.ipAddress
        self.lastSender = (sender, text)
        return text
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.activity.didRead()
        self.received = nil
        self.handOver()
        if self.burstDatagrams >= Self.datagramsPerVectorRead, self.backlogProbe.isBackingUp(context.channel) {
            self.writer.reportReceiveBacklog()
        }
        self.burstDatagrams = 0
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.handOver()
        context.fireChannelInactive()
    }

    private func handOver() {
        for chunk in self.chunker.takeAll() {
            switch self.writer.submit(chunk, from: .datagram) {
            case .accepted: break
            case .queueFull: self.counters.datagramsDroppedQueueFull.add(chunk.recordCount, ordering: .relaxed)
            case .stopped: self.counters.messagesLost.add(chunk.recordCount, ordering: .relaxed)
            }
        }
    }
}

@available(*, unavailable)
extension DatagramIngestHandler: Sendable {}
