import ActivityModel
import Glibc
import NIOCore
import Testing

@testable import ActivityIngest

struct UDPSocketTests {
    /// Sends `count` datagrams of `size` bytes to 127.0.0.1:`port`.
    private func send(count: Int, size: Int, to port: Int) {
        sendDatagrams(Array(repeating: [UInt8](repeating: UInt8(ascii: "x"), count: size), count: count), toPort: port)
    }

    /// A real socket that nobody reads: empty, then backing up once datagrams wait in it (the kernel's own
    /// accounting, read with SO_MEMINFO).
    @Test func seesItsReceiveQueueBackUp() throws {
        let socket = try UDPSocket.bind(
            ListenerConfiguration(transport: .udp, host: "127.0.0.1", port: 0),
            receiveBuffer: 64 << 10
        )
        defer { socket.close() }
        let memory = try #require(socket.receiveMemory())
        #expect(memory.limit >= 64 << 10 && memory.queued == 0)
        #expect(!socket.isBackingUp)
        self.send(count: 100, size: 1000, to: try #require(socket.localAddress.port))
        #expect(socket.isBackingUp)
    }

    /// What overflows a socket nobody reads is the kernel's drop count (SO_MEMINFO's, as /proc/net/udp shows it):
    /// every datagram sent is either read or counted as dropped.
    @Test func countsWhatTheKernelDropped() throws {
        let socket = try UDPSocket.bind(
            ListenerConfiguration(transport: .udp, host: "127.0.0.1", port: 0),
            receiveBuffer: 64 << 10
        )
        defer { socket.close() }
        #expect(socket.receiveMemory()?.drops == 0)
        self.send(count: 500, size: 1000, to: try #require(socket.localAddress.port))
        var datagrams = ReceivedDatagrams(slotSize: 1000)
        var read = 0
        while datagrams.receive(from: socket.descriptor), datagrams.count > 0 { read += datagrams.count }
        let drops = try #require(socket.receiveMemory()?.drops)
        #expect(drops > 0 && read > 0)
        #expect(read + drops == 500)
    }

    /// One vector read takes what waits (up to 32), with each datagram's bytes, length, truncation and sender.
    @Test func vectorReadReturnsEachDatagramWithItsSender() throws {
        let socket = try UDPSocket.bind(
            ListenerConfiguration(transport: .udp, host: "127.0.0.1", port: 0),
            receiveBuffer: 1 << 20
        )
        defer { socket.close() }
        let port = try #require(socket.localAddress.port)
        self.send(count: 40, size: 20, to: port)
        self.send(count: 1, size: 50, to: port)
        var datagrams = ReceivedDatagrams(slotSize: 30)
        let firstRead = datagrams.receive(from: socket.descriptor)
        let first = (count: datagrams.count, length: datagrams.bytes(0).count, truncated: datagrams.isTruncated(0))
        let family = Int32(datagrams.sender(0).pointee.ss_family)
        #expect(firstRead && first.count == 32 && first.length == 20 && !first.truncated)
        #expect(family == AF_INET)
        let secondRead = datagrams.receive(from: socket.descriptor)
        let second = (count: datagrams.count, length: datagrams.bytes(8).count, truncated: datagrams.isTruncated(8))
        #expect(secondRead && second.count == 9 && second.length == 30 && second.truncated)
        // Nothing left: the read waits out the socket's timeout and reports nothing.
        let thirdRead = datagrams.receive(from: socket.descriptor)
        #expect(!thirdRead)
    }

    /// `[::]` is dual stack, as the TCP listeners are: an IPv4 sender arrives as an IPv4-mapped address.
    @Test func anyIPv6AddressAlsoTakesIPv4() throws {
        let socket = try UDPSocket.bind(
            ListenerConfiguration(transport: .udp, host: "::", port: 0),
            receiveBuffer: 64 << 10
        )
        defer { socket.close() }
        var only: Int32 = 1
        var length = socklen_t(MemoryLayout<Int32>.size)
        #expect(getsockopt(socket.descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &only, &length) == 0 && only == 0)
        self.send(count: 1, size: 10, to: try #require(socket.localAddress.port))
        var datagrams = ReceivedDatagrams(slotSize: 100)
        let read = datagrams.receive(from: socket.descriptor)
        let family = Int32(datagrams.sender(0).pointee.ss_family)
        #expect(read && family == AF_INET6)
    }

    @Test func anAddressNotOnThisHostIsABindErrorNamingIt() {
        #expect {
            try UDPSocket.bind(
                ListenerConfiguration(transport: .udp, host: "192.0.2.1", port: 0),
                receiveBuffer: 64 << 10
            )
        } throws: { error in
            "\(error)".contains("bind([IPv4]192.0.2.1") && "\(error)".contains("Cannot assign requested address")
        }
    }
}
