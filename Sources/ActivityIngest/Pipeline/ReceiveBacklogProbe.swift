import NIOCore

/// Tells whether a UDP socket's kernel receive queue is backing up: the memory its waiting datagrams hold has
/// reached a quarter of its receive buffer.
///
/// The kernel counts both in the same unit (each datagram's buffer overhead included): the first field of
/// `SO_MEMINFO` (`SK_MEMINFO_RMEM_ALLOC`) and `SO_RCVBUF`. Past the buffer, it drops. Two `getsockopt` calls, so
/// ``DatagramIngestHandler`` asks only after a read burst that filled a whole vector read: with fewer datagrams
/// waiting, the socket is keeping up.
struct ReceiveBacklogProbe: Sendable {
    /// Reads the state of a channel's socket; `false` when it cannot be read.
    let isBackingUp: @Sendable (any Channel) -> Bool

    /// Asks the kernel.
    static let socketMemory = ReceiveBacklogProbe { channel in
        guard let options = channel.syncOptions,
            let meminfo = try? options.getOption(Self.receiveMemoryOption),
            let buffer = try? options.getOption(ChannelOptions.socketOption(.so_rcvbuf)), buffer > 0
        else { return false }
        let queued = UInt32(truncatingIfNeeded: meminfo)
        return Int(queued) >= Int(buffer) / 4
    }

    /// `SO_MEMINFO` (55 on Linux) read into one `SocketOptionValue`: the kernel copies as many of its 32-bit fields
    /// as fit, so the low 32 bits (little-endian) are the first, the receive queue's memory.
    private static let receiveMemoryOption = ChannelOptions.Types.SocketOption(
        level: .socket,
        name: .init(rawValue: 55)
    )
}
