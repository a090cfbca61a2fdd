import ActivityModel
import ActivityRuntime
import NIOCore
import SyslogFraming
import SyslogParsing

#if canImport(Glibc)
import Glibc
#endif

/// The per-datagram work of a UDP listener: one datagram is one message (RFC 5426).
///
/// A datagram longer than `max-message-size` (not counting a trailing LF, CRLF or NUL) is cut to it and flagged. A sender not in the listener's `allow` list is
/// refused, counted and logged. Chunks go to the writer when full and when the socket is drained; when the writer's
/// queue is full they are dropped and counted (UDP has no way to slow a sender).
struct DatagramIngester {
    private var chunker: RecordChunker
    private let allowlist: SenderAllowlist
    private let listener: ListenerConfiguration
    private let writer: any RecordSink
    private let counters: IngestCounters
    private let refusals: RefusalLog
    private let maxMessageSize: Int
    private var lastSender = SenderCache()

    init(
        chunker: RecordChunker,
        allowlist: SenderAllowlist,
        listener: ListenerConfiguration,
        writer: any RecordSink,
        counters: IngestCounters,
        refusals: RefusalLog,
        maxMessageSize: Int
    ) {
        self.chunker = chunker
        self.allowlist = allowlist
        self.listener = listener
        self.writer = writer
        self.counters = counters
        self.refusals = refusals
        self.maxMessageSize = maxMessageSize
    }

    /// Adds the datagrams of one read, all received at `received`.
    mutating func add(_ datagrams: borrowing ReceivedDatagrams, received: Timestamp) {
        var accepted = 0
        var truncatedCount = 0
        for index in 0..<datagrams.count {
            let sender = self.lastSender.lookUp(datagrams.sender(index))
            guard self.allowlist.allows(sender.address) else {
                self.counters.add(.datagramsRefusedByACL)
                self.refusals.refused(sender.text, listener: self.listener)
                continue
            }
            let bytes = datagrams.bytes(index)
            let truncated =
                datagrams.isTruncated(index) || SyslogFrame.lengthWithoutTerminator(bytes) > self.maxMessageSize
            let message = truncated ? UnsafeRawBufferPointer(rebasing: bytes.prefix(self.maxMessageSize)) : bytes
            let context = ReceptionContext(received: received, source: sender.text, transport: .udp)
            self.chunker.add(message, truncated: truncated, context: context)
            accepted &+= 1
            if truncated { truncatedCount &+= 1 }
            if self.chunker.hasCompletedChunk { self.handOver() }
        }
        self.counters.add(.messagesReceived, accepted)
        if truncatedCount > 0 { self.counters.add(.messagesTruncated, truncatedCount) }
    }

    /// Gives every chunk, full or not, to the writer.
    mutating func handOver() {
        for chunk in self.chunker.takeAll() {
            switch self.writer.submit(chunk, from: .datagram) {
            case .accepted: break
            case .queueFull: self.counters.add(.datagramsDroppedQueueFull, chunk.recordCount)
            case .stopped: self.counters.add(.messagesLost, chunk.recordCount)
            }
        }
    }
}

/// The last sender's address, as NIO's `SocketAddress` (for the allow list and the refusal log) and as text (for
/// `source`): a sender sends many datagrams in a row, and converting an address (`inet_ntop`, a `String`) per
/// datagram would cost more than parsing the datagram's header.
private struct SenderCache {
    /// The address family and the address bytes (not the port: neither the text nor the allow list uses it).
    private var key: (family: sa_family_t, high: UInt64, low: UInt64)?
    private var value: (address: SocketAddress?, text: String?) = (nil, nil)

    mutating func lookUp(_ storage: UnsafePointer<sockaddr_storage>) -> (address: SocketAddress?, text: String?) {
        let key = Self.key(of: storage)
        if let last = self.key, last == key { return self.value }
        let address = Self.address(of: storage)
        self.key = key
        self.value = (address, address?.ipAddress)
        return self.value
    }

    private static func key(of storage: UnsafePointer<sockaddr_storage>) -> (sa_family_t, UInt64, UInt64) {
        let raw = UnsafeRawPointer(storage)
        let family = storage.pointee.ss_family
        switch Int32(family) {
        case AF_INET:
            return (family, 0, UInt64(raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
        case AF_INET6:
            let address = raw + 8  // sin6_addr follows family, port and flow information (2 + 2 + 4 bytes)
            return (
                family, address.loadUnaligned(as: UInt64.self),
                address.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            )
        default:
            return (family, 0, 0)
        }
    }

    private static func address(of storage: UnsafePointer<sockaddr_storage>) -> SocketAddress? {
        let raw = UnsafeRawPointer(storage)
        switch Int32(storage.pointee.ss_family) {
        case AF_INET: return SocketAddress(raw.load(as: sockaddr_in.self), host: "")
        case AF_INET6: return SocketAddress(raw.load(as: sockaddr_in6.self), host: "")
        default: return nil
        }
    }
}
