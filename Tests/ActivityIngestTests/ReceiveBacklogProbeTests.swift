import Glibc
import NIOCore
import NIOPosix
import Testing

@testable import ActivityIngest

struct ReceiveBacklogProbeTests {
    /// A real socket that nobody reads: the probe sees it empty, then backing up once datagrams wait in it.
    @Test func readsTheKernelsReceiveQueue() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let channel = try await DatagramBootstrap(group: group)
            .channelOption(ChannelOptions.autoRead, value: false)
            .channelOption(ChannelOptions.socketOption(.so_rcvbuf), value: 64 << 10)
            .bind(host: "127.0.0.1", port: 0)
            .get()
        func probe() async throws -> Bool {
            try await channel.eventLoop.submit { ReceiveBacklogProbe.socketMemory.isBackingUp(channel) }.get()
        }
        #expect(try await !probe())

        let port = try #require(channel.localAddress?.port)
        let sender = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let datagram = [UInt8](repeating: UInt8(ascii: "x"), count: 1000)
        for _ in 0..<100 {
            _ = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(sender, datagram, datagram.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        close(sender)
        #expect(try await probe())

        try await channel.close()
        try await group.shutdownGracefully()
    }
}
