import Foundation
import Testing
import ToolRunning

#if canImport(Glibc)
import Glibc
#endif

/// TLS (RFC 5425) with certificates made by `openssl` for each run: good clients deliver, others are refused and
/// nothing of theirs reaches the archive.
@Suite(.serialized)
struct TLSEndToEndTests {
    /// A fresh set of certificates from scripts/gen-test-certs.sh.
    private static func certificates() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("certs-\(UUID().uuidString)").path
        let script = ManPages.repository.appendingPathComponent("scripts/gen-test-certs.sh").path
        let result = try Tool.run(["bash", script, directory])
        guard result.status == 0 else {
            throw DaemonProcessError(message: "gen-test-certs.sh failed: \(result.errors)")
        }
        return directory
    }

    private static func tlsLines(_ certs: String, extra: String = "") -> String {
        "tls-certificate \(certs)/server.pem\ntls-key \(certs)/server.key\ntls-client-ca \(certs)/ca.pem\n\(extra)"
    }

    /// Sends one line through `openssl s_client` with the given client certificate (nil: none); returns its status.
    @discardableResult
    private func sClient(port: Int, certs: String, client: String?, message: String) throws -> Int32 {
        var arguments = [
            "timeout", "5", "openssl", "s_client", "-connect", "127.0.0.1:\(port)", "-CAfile", "\(certs)/ca.pem",
            "-quiet", "-no_ign_eof",
        ]
        if let client { arguments += ["-cert", "\(certs)/\(client).pem", "-key", "\(certs)/\(client).key"] }
        return try Tool.run(arguments, stdin: message + "\n").status
    }

    /// A TLS client pointed at a plain TCP port: its ClientHello is refused and counted, not archived as junk, and
    /// `activitylog send --tls` reports the failure instead of waiting for ever.
    @Test func aTLSClientOnAPlainTCPListenerIsRefusedAndCounted() throws {
        let certs = try Self.certificates()
        defer { try? FileManager.default.removeItem(atPath: certs) }
        let daemon = try DaemonProcess(listeners: ["tcp 127.0.0.1:0"])
        defer { daemon.removeDirectory() }
        let port = daemon.port("tcp")
        #expect(try self.sClient(port: port, certs: certs, client: nil, message: "<13>1 - - - - - - hidden") != 0)
        try daemon.waitForLog("TLS client on a plain TCP listener")
        let send = try Tool.run([
            "activitylog", "send", "--tls", "--ca", "\(certs)/ca.pem", "--port", String(port), "--count", "1",
            "--handshake-timeout", "3",
        ])
        #expect(send.status != 0)
        #expect(send.errors.contains("cannot connect with TLS"), "\(send.errors)")
        #expect(
            try Tool.run(["logger", "--tcp", "-n", "127.0.0.1", "-P", String(port), "plain text still works"]).status
                == 0
        )
        usleep(300_000)
        #expect(daemon.stop() == 0)
        #expect(daemon.counter("ingest.tls_on_plain_listener") == 2)
        #expect(try daemon.records().compactMap { $0["msg"] as? String } == ["plain text still works"])
        #expect(
            daemon.log.components(separatedBy: "TLS client on a plain TCP listener").count - 1 == 1,
            "once a minute"
        )
    }

    /// A server that accepts but never answers the handshake (a plain TCP port of any program): the sender gives up.
    @Test func sendGivesUpWhenNoHandshakeComes() throws {
        let silent = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(silent) }
        let port = try bindToEphemeralPort(silent)
        #expect(listen(silent, 4) == 0)
        let started = Date()
        let send = try Tool.run([
            "activitylog", "send", "--tls", "--port", String(port), "--count", "1", "--handshake-timeout", "1",
        ])
        #expect(send.status != 0)
        #expect(send.errors.contains("no TLS handshake within 1.0 s"), "\(send.errors)")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func mutualTLSAdmitsGoodClientsAndRefusesOthers() throws {
        let certs = try Self.certificates()
        defer { try? FileManager.default.removeItem(atPath: certs) }
        let daemon = try DaemonProcess(listeners: ["tls 127.0.0.1:0"], extra: Self.tlsLines(certs))
        defer { daemon.removeDirectory() }
        let port = daemon.port("tls")
        try self.sClient(port: port, certs: certs, client: "client", message: "<13>1 - - - - - - from s_client")
        let sent = try Tool.run([
            "activitylog", "send", "--tls", "--port", String(port), "--ca", "\(certs)/ca.pem",
            "--cert", "\(certs)/client.pem", "--key", "\(certs)/client.key", "--count", "500",
        ])
        #expect(sent.status == 0, "\(sent.errors)")
        for refused in ["other-client", "expired-client", nil] as [String?] {
            try self.sClient(port: port, certs: certs, client: refused, message: "<13>1 - - - - - - must not arrive")
        }
        let noCertificate = try Tool.run([
            "activitylog", "send", "--tls", "--port", String(port), "--ca", "\(certs)/ca.pem", "--count", "5",
        ])
        #expect(noCertificate.status != 0)
        usleep(300_000)
        #expect(daemon.stop() == 0)
        let messages = try daemon.records().compactMap { $0["msg"] as? String }
        #expect(messages.count == 501)
        #expect(messages.contains("from s_client"))
        #expect(!messages.contains("must not arrive"))
        #expect(try daemon.records().allSatisfy { $0["transport"] as? String == "tls" })
        #expect(daemon.log.contains("peer.certificate=\"CN=client.example.net DNS=client.example.net\""))
        #expect(daemon.counter("ingest.tls_failed") == 4, "other CA, expired, none, none")
    }

    /// Senders that never read do not answer our close_notify; closing them one after another, each waiting for an
    /// answer, once held a shutdown for 5 s per connection.
    @Test func shutdownDoesNotWaitOnTLSSendersThatNeverRead() throws {
        let certs = try Self.certificates()
        defer { try? FileManager.default.removeItem(atPath: certs) }
        let daemon = try DaemonProcess(listeners: ["tls 127.0.0.1:0"], extra: Self.tlsLines(certs))
        defer { daemon.removeDirectory() }
        let clients = Process()
        clients.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        clients.arguments = [
            "python3", "-c",
            """
            import socket, ssl, sys, time
            context = ssl.create_default_context(cafile=sys.argv[1] + "/ca.pem")
            context.load_cert_chain(sys.argv[1] + "/client.pem", sys.argv[1] + "/client.key")
            held = []
            for number in range(6):
                raw = socket.create_connection(("127.0.0.1", int(sys.argv[2])))
                tls = context.wrap_socket(raw, server_hostname="localhost")
                tls.sendall(b"<13>1 - - - - - - idle sender %d\\n" % number)
                held.append(tls)
            print("connected", flush=True)
            time.sleep(60)
            """,
            certs, String(daemon.port("tls")),
        ]
        let output = Pipe()
        clients.standardOutput = output
        try clients.run()
        defer { clients.terminate() }
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        #expect(line.hasPrefix("connected"))
        try daemon.waitForLog("TLS connection", count: 6)
        usleep(300_000)
        let started = Date()
        #expect(daemon.stop() == 0)
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 4, "stopped in \(seconds) s")
        let messages = try daemon.records().compactMap { $0["msg"] as? String }
        #expect(Set(messages) == Set((0..<6).map { "idle sender \($0)" }))
    }

    @Test func allowedPeersNarrowTheClientCA() throws {
        let certs = try Self.certificates()
        defer { try? FileManager.default.removeItem(atPath: certs) }
        let daemon = try DaemonProcess(
            listeners: ["tls 127.0.0.1:0"],
            extra: Self.tlsLines(certs, extra: "tls-allowed-peers *.example.net")
        )
        defer { daemon.removeDirectory() }
        let port = daemon.port("tls")
        try self.sClient(port: port, certs: certs, client: "client", message: "<13>1 - - - - - - allowed peer")
        try self.sClient(port: port, certs: certs, client: "stranger", message: "<13>1 - - - - - - stranger")
        usleep(300_000)
        #expect(daemon.stop() == 0)
        #expect(try daemon.records().compactMap { $0["msg"] as? String } == ["allowed peer"])
        #expect(daemon.log.contains("refused TLS peer not in tls-allowed-peers"))
        #expect(daemon.counter("ingest.tls_refused") == 1)
    }

    @Test func silentClientIsCutAtTheHandshakeTimeout() throws {
        let certs = try Self.certificates()
        defer { try? FileManager.default.removeItem(atPath: certs) }
        let daemon = try DaemonProcess(
            listeners: ["tls 127.0.0.1:0"],
            extra: Self.tlsLines(certs, extra: "tls-handshake-timeout 1s")
        )
        defer { daemon.removeDirectory() }
        let silent = try connectTCP(port: daemon.port("tls"))
        defer { close(silent) }
        #expect(!waitForClose(silent, timeout: 0.5))
        #expect(waitForClose(silent, timeout: 3))
        #expect(daemon.stop() == 0)
        #expect(daemon.counter("ingest.tls_timed_out") == 1)
    }

    @Test func sighupRereadsTheCertificate() throws {
        let certs = try Self.certificates()
        defer { try? FileManager.default.removeItem(atPath: certs) }
        let port = try freePort()
        let daemon = try DaemonProcess(listeners: ["tls 127.0.0.1:\(port)"], extra: Self.tlsLines(certs))
        defer { daemon.removeDirectory() }
        // Replace the server certificate with one from the other CA, then reload.
        let other = try Self.certificates()
        defer { try? FileManager.default.removeItem(atPath: other) }
        _ = try Tool.run([
            "bash", "-c",
            "cd \(other) && openssl req -newkey rsa:2048 -nodes -keyout s.key -out s.csr -subj /CN=localhost 2>/dev/null && printf 'subjectAltName=IP:127.0.0.1\\n' > s.ext && openssl x509 -req -in s.csr -CA other-ca.pem -CAkey other-ca.key -days 2 -set_serial 99 -extfile s.ext -out s.pem 2>/dev/null && cp s.pem \(certs)/server.pem && cp s.key \(certs)/server.key",
        ])
        daemon.signal(SIGHUP)
        try daemon.waitForLog("configuration reloaded")
        let verify = try Tool.run([
            "bash", "-c",
            "echo | timeout 5 openssl s_client -connect 127.0.0.1:\(port) -CAfile \(other)/other-ca.pem -cert \(certs)/client.pem -key \(certs)/client.key 2>&1 | grep 'Verify return code'",
        ])
        #expect(
            verify.output.contains("Verify return code: 0 (ok)"),
            "served certificate after reload: \(verify.output)"
        )
        #expect(daemon.stop() == 0)
    }

    @Test func missingOrBadTLSFilesAreConfigErrors() throws {
        let certs = try Self.certificates()
        defer { try? FileManager.default.removeItem(atPath: certs) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tls-conf-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let missingKey = "\(directory)/missing-key.conf"
        try "listen tls 127.0.0.1:6514\ntls-certificate \(certs)/server.pem\n".write(
            toFile: missingKey,
            atomically: true,
            encoding: .utf8
        )
        let result = try Tool.run(["activitylogd", "-t", "-f", missingKey])
        #expect(result.status == 78)
        #expect(result.errors.contains("\(missingKey):1: listen 'tls 127.0.0.1:6514'"), "\(result.errors)")
        #expect(result.errors.contains("tls-key"))
        let badCertificate = "\(directory)/bad-cert.conf"
        try "listen tls 127.0.0.1:6514\ntls-certificate \(certs)/ca.key\ntls-key \(certs)/server.key\n".write(
            toFile: badCertificate,
            atomically: true,
            encoding: .utf8
        )
        let bad = try Tool.run(["activitylogd", "-t", "-f", badCertificate])
        #expect(bad.status == 78)
        #expect(bad.errors.contains("\(badCertificate):2: tls-certificate '\(certs)/ca.key'"), "\(bad.errors)")
    }
}
