import ActivityArchive
import ActivityModel
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
/// up, and if so tells the writer (``ArchiveWriter/reportReceiveBacklog()``), which then compresses cheaply for a
/// while: the kernel drops what overflows the socket, so this thread must not lose the CPU to compression.
final class DatagramReceiver: Sendable {
    /// The bound address.
    let localAddress: SocketAddress
    /// When it last read, for draining at shutdown.
    let activity = ChannelActivity()
    private let socket: UDPSocket
    private let isStopping = Atomic<Bool>(false)
    private let hasFinished = Atomic<Bool>(false)

    /// Binds the socket (so the caller sees a bind error) and starts the reading thread.
    ///
    /// - Parameters:
    ///   - makeIngester: Called once on the reading thread: the per-datagram work, owned by that thread.
    init(
        host: String,
        port: Int,
        receiveBuffer: Int,
        maxMessageSize: Int,
        writer: ArchiveWriter,
        clock: any WallClock,
        makeIngester: @escaping @Sendable () -> DatagramIngester
    ) throws {
        self.socket = try UDPSocket.bind(host: host, port: port, receiveBuffer: receiveBuffer)
        self.localAddress = self.socket.localAddress
        // Room for a trailing CRLF, which does not count against the maximum: a longer datagram is cut and flagged
        // (by its length, or by the kernel when it overflows the slot); 65,535 is the largest UDP payload.
        let slotSize = min(maxMessageSize + 2, 65_535)
        startDetachedThread(name: "udp-\(self.localAddress.port ?? port)") { [self] in
            var ingester = makeIngester()
            var datagrams = ReceivedDatagrams(slotSize: slotSize)
            self.run(&ingester, &datagrams, writer: writer, clock: clock)
        }
    }

    /// The receive buffer the kernel granted, as it counts it (twice what was asked for).
    var receiveBufferSize: Int { self.socket.receiveMemory()?.limit ?? 0 }

    /// Stops reading (within the socket's 100 ms read timeout), hands over what was read, and closes the socket.
    func close() async {
        self.isStopping.store(true, ordering: .relaxed)
        while !self.hasFinished.load(ordering: .acquiring) {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    private func run(
        _ ingester: inout DatagramIngester,
        _ datagrams: inout ReceivedDatagrams,
        writer: ArchiveWriter,
        clock: any WallClock
    ) {
        while !self.isStopping.load(ordering: .relaxed) {
            guard datagrams.receive(from: self.socket.descriptor) else {
                // A timeout or a signal; anything else (the socket cannot fail while open) would spin, so wait a bit.
                if errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR { usleep(10_000) }
                ingester.handOver()  // What a burst of exactly 32 left.
                continue
            }
            self.activity.didRead()
            ingester.add(datagrams, received: clock.now())
            if datagrams.count < ReceivedDatagrams.capacity {
                ingester.handOver()  // The socket is drained: the burst is over.
            } else if self.socket.isBackingUp {
                writer.reportReceiveBacklog()
            }
        }
        ingester.handOver()
        self.socket.close()
        self.hasFinished.store(true, ordering: .releasing)
    }
}
