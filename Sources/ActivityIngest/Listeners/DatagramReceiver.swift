import ActivityModel
import ActivityRuntime
import Logging
import NIOConcurrencyHelpers
import NIOCore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A UDP listener read by a thread of its own (`udp-PORT`), 32 datagrams per `recvmmsg`.
///
/// Not an event-loop channel: NIO turns every datagram into an envelope with a `SocketAddress` whose text it formats
/// (`inet_ntop`), and sends it down the pipeline on its own, which cost more than parsing and encoding it. Here a
/// read fills reused buffers, the sender's address is converted only when it changes, and the datagrams go straight
/// to the parser. After a read that filled all 32 slots the receiver asks the kernel whether the socket is backing
/// up, and if so tells the writer (``RecordSink/reportReceiveBacklog()``), which then compresses cheaply for a
/// while: the kernel drops what overflows the socket, so this thread must not lose the CPU to compression.
///
/// Settings changed by a reload (`allow`, parsing, `max-message-size`, `udp-receive-buffer`) apply from the next
/// read on; the socket stays open.
final class DatagramReceiver: Sendable {
    /// The bound address.
    let localAddress: SocketAddress
    /// When it last read, for draining at shutdown.
    let activity = ChannelActivity()
    private let socket: UDPSocket
    private let counters: IngestCounters
    private let isStopping = Atomic<Bool>(false)
    private let hasFinished = Atomic<Bool>(false)
    /// Whether the socket is still open, and the kernel's drop count as last added to the counters: one lock, so a
    /// reading of the drops from another thread never meets a closed (or reused) descriptor.
    private let drops = NIOLockedValueBox<(isOpen: Bool, counted: Int)>((true, 0))

    /// Binds the socket (so the caller sees a bind error) and starts the reading thread.
    ///
    /// - Parameters:
    ///   - settings: The settings to start with: receive buffer, `max-message-size`, and those of the ingester.
    ///   - source: Where later settings come from; the thread applies a change (a reload) between two reads.
    ///   - makeIngester: Called on the reading thread, at start and on every change: the per-datagram work.
    init(
        listener: ListenerConfiguration,
        settings: IngestConfiguration,
        source: IngestSettingsSource,
        writer: any RecordSink,
        clock: any WallClock,
        counters: IngestCounters,
        makeIngester: @escaping @Sendable (IngestConfiguration) -> DatagramIngester
    ) throws {
        self.socket = try UDPSocket.bind(listener, receiveBuffer: settings.udpReceiveBuffer)
        self.localAddress = self.socket.localAddress
        self.counters = counters
        let watcher = source.current().watcher
        startDetachedThread(name: "udp-\(self.localAddress.port ?? listener.port)") { [self] in
            var ingester = makeIngester(settings)
            var datagrams = ReceivedDatagrams(slotSize: Self.slotSize(settings.maxMessageSize))
            var current = (settings: settings, watcher: watcher)
            self.run(&ingester, &datagrams, &current, writer: writer, clock: clock, makeIngester: makeIngester)
        }
    }

    /// Room for a trailing CRLF, which does not count against the maximum: a longer datagram is cut and flagged (by
    /// its length, or by the kernel when it overflows the slot); 65,535 is the largest UDP payload.
    private static func slotSize(_ maxMessageSize: Int) -> Int {
        min(maxMessageSize + 2, 65_535)
    }

    /// The receive buffer the kernel granted, as it counts it (twice what was asked for).
    var receiveBufferSize: Int { self.socket.receiveMemory()?.limit ?? 0 }

    /// Adds the datagrams the kernel dropped on this socket since the last call to the counters.
    func countKernelDrops() {
        self.drops.withLockedValue { state in
            guard state.isOpen, let drops = self.socket.receiveMemory()?.drops else { return }
            // The kernel's counter is 32 bits wide and may wrap.
            let added = (drops &- state.counted) & 0xFFFF_FFFF
            self.counters.add(.datagramsDroppedByKernel, added)
            state.counted = drops
        }
    }

    /// Stops reading (within the socket's 100 ms read timeout), hands over what was read, counts the kernel's
    /// drops a last time, and closes the socket.
    func close() async {
        self.isStopping.store(true, ordering: .relaxed)
        while !self.hasFinished.load(ordering: .acquiring) {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    private func run(
        _ ingester: inout DatagramIngester,
        _ datagrams: inout ReceivedDatagrams,
        _ current: inout (settings: IngestConfiguration, watcher: IngestSettingsSource.Watcher),
        writer: any RecordSink,
        clock: any WallClock,
        makeIngester: @Sendable (IngestConfiguration) -> DatagramIngester
    ) {
        // A reload is taken right after each read, so settings published before a datagram was read apply to it even
        // when the read was already waiting; the buffers follow a new max-message-size before the next read.
        func takeChanges() {
            guard let next = current.watcher.changes() else { return }
            ingester.handOver()
            if next.udpReceiveBuffer != current.settings.udpReceiveBuffer {
                try? self.socket.setReceiveBuffer(next.udpReceiveBuffer)
            }
            ingester = makeIngester(next)
            current.settings = next
        }
        while !self.isStopping.load(ordering: .relaxed) {
            let slotSize = Self.slotSize(current.settings.maxMessageSize)
            if datagrams.slotSize != slotSize { datagrams = ReceivedDatagrams(slotSize: slotSize) }
            guard datagrams.receive(from: self.socket.descriptor) else {
                // A timeout or a signal; anything else (the socket cannot fail while open) would spin, so wait a bit.
                if errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR { usleep(10_000) }
                ingester.handOver()  // What a burst of exactly 32 left.
                takeChanges()
                continue
            }
            takeChanges()
            self.activity.didRead()
            ingester.add(datagrams, received: clock.now())
            if datagrams.count < ReceivedDatagrams.capacity {
                ingester.handOver()  // The socket is drained: the burst is over.
            } else if self.socket.isBackingUp {
                writer.reportReceiveBacklog()
            }
        }
        ingester.handOver()
        self.countKernelDrops()
        self.drops.withLockedValue { state in
            state.isOpen = false
            self.socket.close()
        }
        self.hasFinished.store(true, ordering: .releasing)
    }
}

extension DatagramReceiver {
    /// Logs when the kernel granted less receive buffer than `requested` (`net.core.rmem_max` caps it without
    /// CAP_NET_ADMIN). The kernel counts twice what was asked for; less than that means the request was capped.
    func warnIfBufferCapped(requested: Int, listener: ListenerConfiguration, logger: Logger) {
        let granted = self.receiveBufferSize / 2
        guard granted < requested else { return }
        logger.warning(
            "UDP receive buffer smaller than udp-receive-buffer; raise net.core.rmem_max or grant CAP_NET_ADMIN",
            metadata: [
                "listener": "\(listener)", "buffer.requested": "\(requested)", "buffer.granted": "\(granted)",
            ]
        )
    }
}
