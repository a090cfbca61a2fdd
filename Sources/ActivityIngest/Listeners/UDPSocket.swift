import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// A bound, blocking UDP socket: what a ``DatagramReceiver`` reads.
struct UDPSocket: Sendable {
    let descriptor: Int32
    /// The bound address (with the real port when 0 was asked for).
    let localAddress: SocketAddress

    /// How long a read waits for the first datagram before returning, so the reading thread notices a stop.
    static let readTimeoutMicroseconds = 100_000

    /// Opens a socket for `listener`'s address and binds it exclusively: no `SO_REUSEADDR`, so a second process that
    /// binds the same address fails instead of silently taking the datagrams — unless the listener has `reuse-port`,
    /// when other sockets with `SO_REUSEPORT` of the same user share it.
    ///
    /// The receive buffer is set to `receiveBuffer` bytes: with `SO_RCVBUF`, which `net.core.rmem_max` caps (often
    /// 208 KiB), then with `SO_RCVBUFFORCE`, which root and CAP_NET_ADMIN may use past the cap.
    ///
    /// - Throws: `IOError` naming the call that failed.
    static func bind(_ listener: ListenerConfiguration, receiveBuffer: Int) throws -> UDPSocket {
        let address = try SocketAddress(ipAddress: listener.host, port: listener.port)
        let descriptor = socket(Int32(address.protocol.rawValue), Int32(SOCK_DGRAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw IOError(errnoCode: errno, reason: "socket") }
        do {
            try Self.setReceiveBuffer(descriptor, receiveBuffer)
            if address.protocol == .inet6 {
                // Dual stack whatever net.ipv6.bindv6only says, as NIO makes the TCP listeners: `[::]` takes IPv4 too.
                try Self.set(descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, Int32(0), "setsockopt(IPV6_V6ONLY)")
            }
            if listener.reusesPort {
                try Self.set(descriptor, SOL_SOCKET, SO_REUSEPORT, Int32(1), "setsockopt(SO_REUSEPORT)")
            }
            let timeout = timeval(tv_sec: 0, tv_usec: Self.readTimeoutMicroseconds)
            try Self.set(descriptor, SOL_SOCKET, SO_RCVTIMEO, timeout, "setsockopt(SO_RCVTIMEO)")
            let bound = address.withSockAddr { Glibc.bind(descriptor, $0, socklen_t($1)) }
            guard bound == 0 else { throw IOError(errnoCode: errno, reason: "bind(\(address))") }
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let named = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
            guard named == 0 else { throw IOError(errnoCode: errno, reason: "getsockname") }
            let boundPort = Int(
                UInt16(bigEndian: withUnsafeBytes(of: storage) { $0.load(fromByteOffset: 2, as: UInt16.self) })
            )
            return UDPSocket(
                descriptor: descriptor,
                localAddress: try SocketAddress(ipAddress: listener.host, port: boundPort)
            )
        } catch {
            Glibc.close(descriptor)
            throw error
        }
    }

    /// Sets the receive buffer to `size` bytes (a reload may change it on an open socket).
    func setReceiveBuffer(_ size: Int) throws {
        try Self.setReceiveBuffer(self.descriptor, size)
    }

    private static func setReceiveBuffer(_ descriptor: Int32, _ size: Int) throws {
        let size = Int32(clamping: size)
        try Self.set(descriptor, SOL_SOCKET, SO_RCVBUF, size, "setsockopt(SO_RCVBUF)")
        try? Self.set(descriptor, SOL_SOCKET, SO_RCVBUFFORCE, size, "setsockopt(SO_RCVBUFFORCE)")
    }

    /// What the kernel says of the socket's receive side (`SO_MEMINFO`).
    struct ReceiveMemory {
        /// Memory the waiting datagrams hold, in the kernel's units.
        var queued: Int
        /// The receive buffer's size, in the same units (twice what was asked for).
        var limit: Int
        /// Datagrams dropped since the socket opened because the buffer was full (`/proc/net/udp`'s `drops`).
        var drops: Int
    }

    /// The socket's receive memory and drops; `nil` when they cannot be read.
    func receiveMemory() -> ReceiveMemory? {
        // SK_MEMINFO_RMEM_ALLOC, _RCVBUF, _WMEM_ALLOC, _SNDBUF, _FWD_ALLOC, _WMEM_QUEUED, _OPTMEM, _BACKLOG, _DROPS.
        var fields: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
            0, 0, 0, 0, 0, 0, 0, 0, 0
        )
        var length = socklen_t(MemoryLayout.size(ofValue: fields))
        guard getsockopt(self.descriptor, SOL_SOCKET, Self.socketMemoryInfo, &fields, &length) == 0,
            length == socklen_t(MemoryLayout.size(ofValue: fields))
        else { return nil }
        return ReceiveMemory(queued: Int(fields.0), limit: Int(fields.1), drops: Int(fields.8))
    }

    /// `true` when the waiting datagrams hold a quarter of the receive buffer or more: the reader is falling behind,
    /// and past the buffer the kernel drops.
    var isBackingUp: Bool {
        guard let memory = self.receiveMemory(), memory.limit > 0 else { return false }
        return memory.queued >= memory.limit / 4
    }

    /// `SO_MEMINFO` (not in Swift's Glibc module).
    private static let socketMemoryInfo: Int32 = 55

    func close() {
        Glibc.close(self.descriptor)
    }

    private static func set<Value: BitwiseCopyable>(
        _ descriptor: Int32,
        _ level: Int32,
        _ name: Int32,
        _ value: Value,
        _ what: String
    ) throws {
        let result = withUnsafeBytes(of: value) {
            setsockopt(descriptor, level, name, $0.baseAddress, socklen_t($0.count))
        }
        guard result == 0 else { throw IOError(errnoCode: errno, reason: what) }
    }
}
