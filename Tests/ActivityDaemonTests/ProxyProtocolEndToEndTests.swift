import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A `proxy-protocol` listener over real sockets: a client that writes a v1 or v2 header before its syslog is
/// archived with the header's address as `source`; anyone else is closed, counted and logged.
struct ProxyProtocolEndToEndTests {
    private static let v2Signature: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A]

    /// A v2 PROXY header for a TCP connection from [2001:db8::7]:51000 to [2001:db8::1]:601.
    private static let v2: [UInt8] =
        v2Signature + [0x21, 0x21, 0x00, 0x24]
        + [0x20, 0x01, 0x0D, 0xB8] + Array(repeating: 0, count: 11) + [0x07]
        + [0x20, 0x01, 0x0D, 0xB8] + Array(repeating: 0, count: 11) + [0x01] + [0xC7, 0x38, 0x02, 0x59]

    /// Connects from `source`, writes `bytes`, and returns whether the daemon closed the connection.
    private func send(_ bytes: [UInt8], port: Int, from source: String = "127.0.0.1") throws -> Bool {
        let descriptor = try connectTCP(port: port, from: source)
        defer { close(descriptor) }
        try? writeAll(bytes, to: descriptor)  // A connection refused at accept may be gone before the write.
        return waitForClose(descriptor, timeout: 0.5)
    }

    private static func message(_ text: String) -> [UInt8] {
        Array("<13>1 2026-12-06T10:00:00Z host app - - - \(text)\n".utf8)
    }

    @Test func theHeadersClientIsTheSourceAndEveryoneElseIsRefusedAndCounted() throws {
        let daemon = try DaemonProcess(listeners: ["tcp 127.0.0.1:0 proxy-protocol proxy-allow 127.0.0.1"])
        defer { daemon.removeDirectory() }
        let port = daemon.port("tcp")
        let v1 = Array("PROXY TCP4 192.0.2.7 127.0.0.1 51000 \(port)\r\n".utf8)
        #expect(try !self.send(v1 + Self.message("via v1"), port: port))
        #expect(try !self.send(Self.v2 + Self.message("via v2"), port: port))
        let local = Self.v2Signature + [0x20, 0x00, 0x00, 0x00]
        #expect(try !self.send(local + Self.message("health check"), port: port))
        #expect(try self.send(Self.message("no header"), port: port), "closed")
        #expect(try self.send(Array("PROXY TCP4 192.0.2.7\r\n".utf8) + Self.message("bad"), port: port), "closed")
        #expect(try self.send(v1 + Self.message("not a balancer"), port: port, from: "127.0.0.2"), "closed")
        usleep(300_000)
        #expect(daemon.stop() == 0)
        let sources = Dictionary(
            try daemon.records().map { ($0["msg"] as? String ?? "", $0["source"] as? String ?? "") },
            uniquingKeysWith: { first, _ in first }
        )
        #expect(sources == ["via v1": "192.0.2.7", "via v2": "2001:db8::7", "health check": "127.0.0.1"])
        #expect(daemon.counter("ingest.proxy_refused_missing") == 1)
        #expect(daemon.counter("ingest.proxy_refused_malformed") == 1)
        #expect(daemon.counter("ingest.proxy_refused_not_allowed") == 1)
        #expect(
            daemon.log.contains("refused connection to a proxy-protocol listener from an address not in proxy-allow")
        )
        #expect(daemon.log.contains("reason=\"not 4 fields separated by single spaces after the protocol\""))
    }

    /// proxy-protocol is a setting of the listener, not of its socket: a reload turns it on for new connections
    /// without binding again. reuse-port belongs to the socket: a reload that changes it cannot bind and changes
    /// nothing.
    @Test func aReloadTurnsProxyProtocolOnButReusePortNeedsARestart() throws {
        let port = try freePort()
        let daemon = try DaemonProcess(listeners: ["tcp 127.0.0.1:\(port)"])
        defer { daemon.removeDirectory() }
        #expect(try !self.send(Self.message("before"), port: port))
        let proxied = "listen tcp 127.0.0.1:\(port) proxy-protocol proxy-allow 127.0.0.1"
        try daemon.reload("\(proxied)\narchive-dir \(daemon.archiveDirectory)\n", until: "configuration reloaded")
        let v1 = Array("PROXY TCP4 192.0.2.7 127.0.0.1 51000 \(port)\r\n".utf8)
        #expect(try !self.send(v1 + Self.message("after"), port: port))
        #expect(try self.send(Self.message("no header"), port: port), "closed")
        try daemon.reload(
            "\(proxied) reuse-port\narchive-dir \(daemon.archiveDirectory)\n",
            until: "cannot bind new listeners"
        )
        #expect(try !self.send(v1 + Self.message("still proxied"), port: port))
        usleep(300_000)
        #expect(daemon.stop() == 0)
        let sources = try daemon.records().map { "\($0["msg"] ?? "") \($0["source"] ?? "")" }
        #expect(sources == ["before 127.0.0.1", "after 192.0.2.7", "still proxied 192.0.2.7"])
        #expect(daemon.counter("ingest.proxy_refused_missing") == 1)
    }
}
