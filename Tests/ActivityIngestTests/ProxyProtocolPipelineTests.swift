import ActivityModel
import ActivityRuntime
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded
import NIOSSL
import SyslogFraming
import Testing
import ToolRunning

@testable import ActivityIngest

/// A connection on a `proxy-protocol` listener, through the handlers a real one gets (``StreamPipeline``) on an
/// `EmbeddedChannel`: the client the PROXY header names becomes `source` however the bytes are cut, and everything
/// else is refused, counted and closed without growing memory.
struct ProxyProtocolPipelineTests {
    private static let balancer = try! SocketAddress(ipAddress: "10.0.0.5", port: 40_000)
    private static let tcp = ListenerConfiguration(transport: .tcp, host: "0.0.0.0", port: 601)
    private static let message = Array("<13>1 2026-12-06T10:00:00Z host app - - - hello\n".utf8)
    private static let v1 = Array("PROXY TCP4 192.0.2.7 198.51.100.1 51000 601\r\n".utf8)
    private static let v2: [UInt8] =
        [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x21, 0x21, 0x00, 0x2B]
        + [0x20, 0x01, 0x0D, 0xB8] + Array(repeating: 0, count: 11) + [0x07]
        + [0x20, 0x01, 0x0D, 0xB8] + Array(repeating: 0, count: 11) + [0x01] + [0xC7, 0x38, 0x02, 0x59]
        + [0x04, 0x00, 0x04, 0x61, 0x62, 0x63, 0x64]  // a NOOP TLV, skipped

    private struct Connection {
        var channel: EmbeddedChannel
        var writer: CollectingSink
        var counters: IngestCounters

        /// Feeds `bytes` in reads of `readSize`, while the connection stays open.
        func send(_ bytes: [UInt8], readSize: Int = .max) throws {
            var offset = 0
            while offset < bytes.count, self.channel.isActive {
                let end = offset + min(readSize, bytes.count - offset)
                try self.channel.writeInbound(ByteBuffer(bytes: bytes[offset..<end]))
                offset = end
            }
        }

        var sources: [String?] { self.writer.records.map { $0["source"] as? String } }
    }

    private static func ingest(allow: [String] = [], balancers: [String] = ["10.0.0.0/24"]) -> IngestConfiguration {
        var ingest = IngestConfiguration()
        for listener in [Self.tcp, Self.tls] {
            ingest.proxyProtocol[listener] = ProxyProtocolSettings(balancers: balancers.compactMap(CIDR.init))
        }
        ingest.allow = SenderAllowlist(allow.compactMap(CIDR.init))
        return ingest
    }

    /// A connection from `peer` accepted on `listener`, its handlers added as `IngestServer` adds them.
    private func connect(
        _ listener: ListenerConfiguration = Self.tcp,
        from peer: SocketAddress = Self.balancer,
        ingest: IngestConfiguration = Self.ingest(),
        connections: ConnectionRegistry = ConnectionRegistry(),
        tlsContext: NIOSSLContext? = nil
    ) throws -> Connection {
        let (writer, counters, settings) = (CollectingSink(), IngestCounters(), IngestSettingsSource())
        settings.update(ingest)
        let pipeline = StreamPipeline(
            writer: writer,
            clock: SystemWallClock(),
            counters: counters,
            settings: settings,
            connections: connections,
            refusals: RefusalLog(logger: Logger(label: "test")),
            tlsContext: NIOLockedValueBox(tlsContext),
            rotationTimeZone: .utc,
            logger: Logger(label: "test")
        )
        let channel = EmbeddedChannel()
        channel.remoteAddress = peer
        try pipeline.initialize(channel, listener: listener).wait()
        // A connection refused at accept got no handlers and is never activated.
        if Self.isAccepted(channel) { try channel.connect(to: peer).wait() }
        return Connection(channel: channel, writer: writer, counters: counters)
    }

    private static func isAccepted(_ channel: EmbeddedChannel) -> Bool {
        (try? channel.pipeline.syncOperations.handler(type: StreamIngestHandler.self)) != nil
    }

    @Test(arguments: [(v1, "192.0.2.7"), (v2, "2001:db8::7")], [1, 2, 13, Int.max])
    func theHeadersClientIsTheSourceHoweverTheBytesAreCut(client: ([UInt8], String), readSize: Int) throws {
        let (header, source) = client
        let connection = try self.connect()
        try connection.send(header + Self.message + Self.message, readSize: readSize)
        #expect(connection.channel.isActive)
        #expect(connection.sources == [source, source])
        #expect(connection.writer.records.allSatisfy { $0["msg"] as? String == "hello" })
    }

    @Test(arguments: [
        Array("PROXY UNKNOWN\r\n".utf8),
        [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x20, 0x00, 0x00, 0x00],
    ])
    func localAndUnknownKeepTheBalancersAddressWhateverAllowSays(header: [UInt8]) throws {
        let connection = try self.connect(ingest: Self.ingest(allow: ["192.0.2.0/24"]))
        try connection.send(header + Self.message)
        #expect(connection.sources == ["10.0.0.5"])
    }

    @Test func aConnectionWithoutAHeaderIsRefusedAndCounted() throws {
        let connection = try self.connect()
        try connection.send(Self.message)
        #expect(!connection.channel.isActive)
        #expect(connection.counters.snapshot[.proxyRefusedMissing] == 1)
        #expect(connection.writer.records.isEmpty)
    }

    @Test(arguments: [
        Array("PROXY TCP4 192.0.2.7 198.51.100.1 51000 601\n".utf8),
        Array("PROXY TCP4 192.0.2.999 198.51.100.1 51000 601\r\n".utf8),
        [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x21, 0x11, 0x00, 0x04, 1, 2, 3, 4],
    ])
    func aMalformedHeaderIsRefusedAndCounted(header: [UInt8]) throws {
        let connection = try self.connect()
        try connection.send(header + Self.message, readSize: 3)
        #expect(!connection.channel.isActive)
        #expect(connection.counters.snapshot[.proxyRefusedMalformed] == 1)
        #expect(connection.writer.records.isEmpty)
    }

    /// Endless bytes that could still be a header are refused once they pass the most a header may hold.
    @Test(arguments: [
        (Array("PROXY UNKNOWN ".utf8), ProxyProtocolHeader.maximumV1Length),
        ([0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x21, 0x11, 0xFF, 0xFF], 16),
    ])
    func hostileBytesAreRefusedWithinTheMaximumLength(start: [UInt8], refusedAt: Int) throws {
        let connection = try self.connect()
        var sent = 0
        for byte in start + Array(repeating: UInt8(ascii: "A"), count: 100_000) where connection.channel.isActive {
            try connection.channel.writeInbound(ByteBuffer(bytes: [byte]))
            sent += 1
        }
        #expect(sent == refusedAt)
        #expect(connection.counters.snapshot[.proxyRefusedMalformed] == 1)
    }

    @Test func aHeaderCutShortByTheCloseIsCountedButAnEmptyConnectionIsNot() throws {
        let cut = try self.connect()
        try cut.send(Array(Self.v1.prefix(20)))
        try cut.channel.close().wait()
        #expect(cut.counters.snapshot[.proxyRefusedMalformed] == 1)
        let empty = try self.connect()
        try empty.channel.close().wait()
        #expect(empty.counters.snapshot[.proxyRefusedMalformed] == 0)
        #expect(empty.counters.snapshot[.proxyRefusedMissing] == 0)
    }

    @Test func aPeerOutsideProxyAllowIsRefusedAtAccept() throws {
        let connection = try self.connect(from: try SocketAddress(ipAddress: "192.0.2.7", port: 40_000))
        #expect(!Self.isAccepted(connection.channel))
        #expect(connection.counters.snapshot[.proxyRefusedNotAllowed] == 1)
    }

    /// Every connection comes from a few balancers: `max-connections-per-source` would starve them.
    @Test func balancersAreNotHeldToThePerSourceLimit() throws {
        var ingest = Self.ingest()
        ingest.maxConnectionsPerSource = 1
        let connections = ConnectionRegistry()
        let first = try self.connect(ingest: ingest, connections: connections)
        let second = try self.connect(ingest: ingest, connections: connections)
        #expect(Self.isAccepted(first.channel) && Self.isAccepted(second.channel))
        #expect(second.counters.snapshot[.connectionsRefused] == 0)
    }

    /// On a `proxy-protocol` listener `allow` names clients, not balancers.
    @Test func allowAppliesToTheClientTheHeaderNames() throws {
        let ingest = Self.ingest(allow: ["192.0.2.0/24"])
        let allowed = try self.connect(ingest: ingest)
        try allowed.send(Self.v1 + Self.message)
        #expect(allowed.sources == ["192.0.2.7"])
        let refused = try self.connect(ingest: ingest)
        try refused.send(Array("PROXY TCP4 203.0.113.9 198.51.100.1 51000 601\r\n".utf8) + Self.message)
        #expect(!refused.channel.isActive)
        #expect(refused.counters.snapshot[.connectionsRefusedByACL] == 1)
        #expect(refused.writer.records.isEmpty)
    }

    // MARK: TLS

    private static let tls = ListenerConfiguration(transport: .tls, host: "0.0.0.0", port: 6514)

    /// The header comes before the handshake: the PROXY handler takes it off, and TLS starts right after it.
    @Test func onATLSListenerTheHeaderPrecedesTheHandshake() throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let server = try self.connect(Self.tls, tlsContext: try certificates.serverContext())
        let client = EmbeddedChannel()
        try client.pipeline.syncOperations.addHandler(
            try NIOSSLClientHandler(context: try certificates.clientContext(), serverHostname: "localhost")
        )
        try client.connect(to: Self.balancer).wait()
        try server.send(Self.v2)
        try Self.exchange(client, server.channel)
        try client.writeAndFlush(ByteBuffer(bytes: Self.message)).wait()
        try Self.exchange(client, server.channel)
        #expect(server.sources == ["2001:db8::7"])
        #expect(server.channel.isActive)
    }

    /// Carries bytes both ways between two embedded channels until neither has anything to send.
    private static func exchange(_ client: EmbeddedChannel, _ server: EmbeddedChannel) throws {
        var moved = true
        while moved {
            moved = false
            while let bytes = try client.readOutbound(as: ByteBuffer.self) {
                try server.writeInbound(bytes)
                moved = true
            }
            while let bytes = try server.readOutbound(as: ByteBuffer.self) {
                try client.writeInbound(bytes)
                moved = true
            }
        }
    }
}

/// The certificates of scripts/gen-test-certs.sh, made in a temporary directory.
private struct TestCertificates {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("certs-\(UUID().uuidString)").path

    init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/gen-test-certs.sh").path
        guard try Tool.run(["bash", script, self.directory]).status == 0 else { throw TestCertificatesFailed() }
    }

    func serverContext() throws -> NIOSSLContext {
        try TLSServerContext.make(
            TLSSettings(certificatePath: "\(self.directory)/server.pem", keyPath: "\(self.directory)/server.key")
        )
    }

    func clientContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .file("\(self.directory)/ca.pem")
        return try NIOSSLContext(configuration: configuration)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: self.directory)
    }
}

private struct TestCertificatesFailed: Error {}
