import ActivityModel
import ActivityRuntime
import Logging
import NIOCore
import NIOEmbedded
import Testing

@testable import ActivityIngest

/// A TLS handshake on a plain TCP listener is refused before anything is parsed, however the first bytes arrive;
/// anything else passes through untouched.
struct PlainListenerTLSGuardTests {
    private static let listener = ListenerConfiguration(transport: .tcp, host: "127.0.0.1", port: 514)
    /// The first bytes of a TLS 1.2 ClientHello record: handshake (22), version 3.1, length.
    private static let clientHello: [UInt8] = [0x16, 0x03, 0x01, 0x00, 0xF4, 0x01, 0x00]

    private func channel(_ counters: IngestCounters) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel(
            handler: PlainListenerTLSGuard(
                listener: Self.listener,
                counters: counters,
                refusals: RefusalLog(logger: Logger(label: "test"))
            )
        )
        try channel.connect(to: SocketAddress(ipAddress: "192.0.2.7", port: 40_000)).wait()
        return channel
    }

    @Test(arguments: [1, 2, 7])
    func aClientHelloIsRefusedAndCountedHoweverItIsCut(firstRead: Int) throws {
        let counters = IngestCounters()
        let channel = try self.channel(counters)
        try channel.writeInbound(ByteBuffer(bytes: Self.clientHello.prefix(firstRead)))
        if firstRead < Self.clientHello.count, channel.isActive {
            try channel.writeInbound(ByteBuffer(bytes: Self.clientHello.dropFirst(firstRead)))
        }
        #expect(!channel.isActive, "the connection is closed")
        #expect(counters.snapshot[.tlsOnPlainListener] == 1)
        #expect(try channel.readInbound(as: ByteBuffer.self) == nil, "nothing reaches the parser")
    }

    @Test func syslogPassesThroughWhole() throws {
        let counters = IngestCounters()
        let channel = try self.channel(counters)
        try channel.writeInbound(ByteBuffer(string: "<"))
        try channel.writeInbound(ByteBuffer(string: "13>1 - - - - - - hello\n"))
        #expect(try channel.readInbound(as: ByteBuffer.self) == ByteBuffer(string: "<13>1 - - - - - - hello\n"))
        try channel.writeInbound(ByteBuffer(string: "more\n"))
        #expect(try channel.readInbound(as: ByteBuffer.self) == ByteBuffer(string: "more\n"), "the guard has left")
        #expect(counters.snapshot[.tlsOnPlainListener] == 0)
        #expect(channel.isActive)
    }

    @Test func aConnectionThatSendsOneByteAndClosesKeepsThatByte() throws {
        let channel = try self.channel(IngestCounters())
        try channel.writeInbound(ByteBuffer(string: "x"))
        #expect(try channel.readInbound(as: ByteBuffer.self) == nil, "one byte cannot tell yet")
        channel.pipeline.fireChannelInactive()
        #expect(try channel.readInbound(as: ByteBuffer.self) == ByteBuffer(string: "x"))
    }
}
