import Foundation
import Testing
import ToolRunning

#if canImport(Glibc)
import Glibc
#endif

/// The daemon as a process, fed by real senders, checked with real tools.
@Suite(.serialized)
struct EndToEndTests {
    @Test func loggerSendersOverTCPAndUDPAreArchived() throws {
        let daemon = try DaemonProcess()
        defer { daemon.removeDirectory() }
        let tcp = String(daemon.port("tcp"))
        let udp = String(daemon.port("udp"))
        #expect(
            try Tool.run([
                "logger", "--rfc5424", "--tcp", "--octet-count", "-n", "127.0.0.1", "-P", tcp, "-t", "octet",
                "first via octet-counted tcp",
            ]).status == 0
        )
        #expect(
            try Tool.run([
                "logger", "--rfc5424", "--udp", "-n", "127.0.0.1", "-P", udp, "-t", "dgram", "second via udp",
            ]).status == 0
        )
        #expect(
            try Tool.run([
                "logger", "--rfc3164", "--tcp", "-n", "127.0.0.1", "-P", tcp, "-t", "bsd", "third via lf tcp",
            ]).status == 0
        )
        #expect(
            try Tool.run([
                "logger", "--rfc5424", "--tcp", "-n", "127.0.0.1", "-P", tcp, "--sd-id", "audit@32473", "--sd-param",
                "user=\"alice\"", "--sd-param", "action=\"login\"", "-t", "sd", "with structured data",
            ]).status == 0
        )
        usleep(300_000)
        #expect(daemon.stop() == 0)
        let records = try daemon.records().sorted { ($0["msg"] as? String ?? "") < ($1["msg"] as? String ?? "") }
        #expect(
            records.map { $0["msg"] as? String } == [
                "first via octet-counted tcp", "second via udp", "third via lf tcp", "with structured data",
            ]
        )
        #expect(records.map { $0["app"] as? String } == ["octet", "dgram", "bsd", "sd"])
        #expect(records.map { $0["transport"] as? String } == ["tcp", "udp", "tcp", "tcp"])
        #expect(records.map { $0["format"] as? String } == ["rfc5424", "rfc5424", "rfc3164", "rfc5424"])
        #expect(records.allSatisfy { $0["source"] as? String == "127.0.0.1" })
        #expect(records[3]["user"] as? String == "alice")
        #expect(records[3]["event"] as? String == "login")
        for path in try daemon.archives() { #expect(try Tool.run(["gzip", "-t", path]).status == 0) }
    }

    @Test func hundredThousandOctetCountedMessagesArriveCompleteAndInOrder() throws {
        let daemon = try DaemonProcess(extra: "queue-size 4m\nbatch-size 256k")
        defer { daemon.removeDirectory() }
        let sent = try Tool.run(["activitylog", "send", "--port", String(daemon.port("tcp")), "--count", "100000"])
        #expect(sent.status == 0, "\(sent.errors)")
        #expect(daemon.stop() == 0)
        let sequence = try daemon.records().map { Int($0["msgid"] as? String ?? "") ?? -1 }
        #expect(sequence.count == 100_000)
        let isCompleteAndInOrder = sequence == Array(0..<100_000)
        #expect(isCompleteAndInOrder)
        for path in try daemon.archives() { #expect(try Tool.run(["gzip", "-t", path]).status == 0) }
        #expect(daemon.counter("ingest.received") == 100_000)
        #expect(daemon.counter("archive.records_written") == 100_000)
    }

    @Test func crashDuringLoadIsRecoveredOnRestart() throws {
        let first = try DaemonProcess(extra: "flush-interval 20ms\nbatch-size 16k\nfsync none")
        defer { first.removeDirectory() }
        let port = String(first.port("tcp"))
        let sender = Process()
        sender.executableURL = Tool.productsDirectory.appendingPathComponent("activitylog")
        sender.arguments = ["send", "--port", port, "--count", "2000000"]
        sender.standardOutput = FileHandle.nullDevice
        sender.standardError = FileHandle.nullDevice
        try sender.run()
        // Crash while members are being written.
        let deadline = Date().addingTimeInterval(20)
        while (try? first.archives().first.map {
            try FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int ?? 0
        } ?? 0) ?? 0 < 200_000,
            Date() < deadline
        {
            usleep(10_000)
        }
        first.crash()
        sender.waitUntilExit()
        // Simulate the torn write a crash can leave: half a member at the end.
        let archive = try #require(try first.archives().first)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: archive))
        try handle.seekToEnd()
        let torn = try Data(contentsOf: URL(fileURLWithPath: archive)).prefix(3000)
        try handle.write(contentsOf: torn)
        try handle.close()

        let second = try DaemonProcess(listeners: ["tcp 127.0.0.1:0"], directory: first.directory)
        try second.waitForLog("cut torn tail of archive")
        #expect(second.log.contains("tail.bytes=3000"))
        #expect(second.log.contains("tail.savedTo=\(archive).torn-"), "the cut bytes are kept")
        #expect(second.stop() == 0)
        #expect(try Tool.run(["gzip", "-t", archive]).status == 0)
        let sequence = try second.records().map { Int($0["msgid"] as? String ?? "") ?? -1 }
        #expect(!sequence.isEmpty)
        let hasNoDuplicate = Set(sequence).count == sequence.count
        let isPrefixInOrder = sequence == Array(0..<sequence.count)
        #expect(hasNoDuplicate, "no record twice")
        #expect(isPrefixInOrder, "a prefix of what was sent, in order")
    }

    @Test func sighupReloadsListenersAndRefusesABadFile() throws {
        let firstPort = try freePort()
        let daemon = try DaemonProcess(listeners: ["tcp 127.0.0.1:\(firstPort)"])
        defer { daemon.removeDirectory() }
        // A bad file is refused and the old listener keeps working.
        try daemon.reload("listen tcp 127.0.0.1:0\ncompression-level 99\n", until: "configuration refused")
        #expect(daemon.log.contains("compression-level '99': expected an integer from 1 to 9"))
        #expect(
            try Tool.run(["logger", "--tcp", "--octet-count", "-n", "127.0.0.1", "-P", String(firstPort), "still here"])
                .status == 0
        )
        // A good file adds a UDP listener.
        try daemon.reload(
            "listen tcp 127.0.0.1:\(firstPort)\nlisten udp 127.0.0.1:0\narchive-dir \(daemon.archiveDirectory)\n",
            until: "configuration reloaded"
        )
        let udp = daemon.port("udp")
        #expect(try Tool.run(["logger", "--udp", "-n", "127.0.0.1", "-P", String(udp), "after reload"]).status == 0)
        usleep(300_000)
        #expect(daemon.stop() == 0)
        #expect(Set(try daemon.records().compactMap { $0["msg"] as? String }) == ["still here", "after reload"])
    }

    /// A reload refused because a new listener cannot be bound changes nothing: not the `allow` list, not parsing.
    @Test func aReloadThatCannotBindChangesNothing() throws {
        let daemon = try DaemonProcess(listeners: ["udp 127.0.0.1:0"])
        defer { daemon.removeDirectory() }
        let udp = daemon.port("udp")
        let blocker = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(blocker) }
        let taken = try bindToEphemeralPort(blocker)
        try daemon.reload(
            """
            listen udp 127.0.0.1:\(udp)
            listen udp 127.0.0.1:\(taken)
            archive-dir \(daemon.archiveDirectory)
            allow 10.0.0.0/8
            map-user who
            """,
            until: "cannot bind new listeners"
        )
        usleep(300_000)
        try sendDatagram(
            "<13>1 - - - - - [a@1 who=\"w\" user=\"u\"] after a refused reload",
            from: "127.0.0.1",
            port: udp
        )
        usleep(300_000)
        #expect(daemon.stop() == 0)
        let records = try daemon.records()
        #expect(records.map { $0["msg"] as? String } == ["after a refused reload"])
        #expect(records.first?["user"] as? String == "u")
        #expect(daemon.counter("ingest.udp_refused_acl") == 0)
    }

    /// An unchanged UDP listener (same socket) takes a reload's limits and parsing from its next read.
    @Test func aUDPListenerKeptAcrossAReloadTakesItsNewSettings() throws {
        // A fixed port, so that the reloaded file names the same listener (a listener on port 0 is another one).
        let udp = try freePort()
        let daemon = try DaemonProcess(listeners: ["udp 127.0.0.1:\(udp)"], extra: "max-message-size 1k")
        defer { daemon.removeDirectory() }
        let message = "<13>1 - - - - - [a@1 who=\"w\" user=\"u\"] " + String(repeating: "m", count: 1_400)
        try sendDatagram(message, from: "127.0.0.1", port: udp)
        try daemon.reload(
            """
            listen udp 127.0.0.1:\(udp)
            archive-dir \(daemon.archiveDirectory)
            max-message-size 2k
            map-user who
            """,
            until: "configuration reloaded"
        )
        usleep(300_000)
        try sendDatagram(message, from: "127.0.0.1", port: udp)
        usleep(300_000)
        #expect(daemon.stop() == 0)
        let records = try daemon.records()
        #expect(records.map { $0["truncated"] as? Bool } == [true, nil])
        #expect(records.map { $0["user"] as? String } == ["u", "w"])
    }

    /// The disk is full: what was received cannot be written, and the stop says so with its exit status.
    @Test(.enabled(if: geteuid() == 0, "mounting a small tmpfs needs root"))
    func aStopThatCannotWriteEverythingExitsWithStatusOne() throws {
        let (directory, archives) = try ArchiveSafetyEndToEndTests.directoryWithArchives()
        try Tool.mountTmpfs(at: archives, size: "64k", filled: true)
        defer { _ = try? Tool.run(["umount", archives]) }
        let daemon = try DaemonProcess(listeners: ["tcp 127.0.0.1:0"], directory: directory)
        defer { daemon.removeDirectory() }
        try sendOverTCP("<13>1 - - - - - - cannot be written\n", port: daemon.port("tcp"))
        usleep(300_000)
        #expect(daemon.stop() == 1)
        #expect(daemon.counter("archive.records_lost") == 1)
        #expect(daemon.log.contains("1 received records could not be written before stopping"))
    }

    @Test func statisticsAreLoggedPerKeyAtTheIntervalAndReloadChangesIntervalAndLevel() throws {
        let daemon = try DaemonProcess(extra: "statistics-interval 1h\nmax-message-size 1k")
        defer { daemon.removeDirectory() }
        let port = String(daemon.port("udp"))
        for text in ["one", "two", "three"] {
            #expect(try Tool.run(["logger", "--udp", "-n", "127.0.0.1", "-P", port, text]).status == 0)
        }
        // An hour-long interval shortened by a reload applies at once, not after the hour.
        let config = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        try self.rewrite(daemon, config.replacing("statistics-interval 1h", with: "statistics-interval 1s"))
        try daemon.waitForLog(" ingest.received=3 ", count: 1, timeout: 10)
        try daemon.waitForLog(" archive.records_written=3 ", count: 1, timeout: 10)
        try daemon.waitForLog("info statistics ", count: 2, timeout: 10)
        #expect(daemon.counter("ingest.udp_dropped_kernel") == 0)
        // At log-level warning the routine statistics lines (info) stop; the reload itself is still confirmed.
        try self.rewrite(
            daemon,
            config.replacing("statistics-interval 1h", with: "statistics-interval 1s\nlog-level warning")
        )
        try daemon.waitForLog("configuration reloaded", count: 2)
        usleep(200_000)
        let linesAtReload = daemon.log.components(separatedBy: "info statistics ").count
        usleep(2_500_000)
        #expect(daemon.log.components(separatedBy: "info statistics ").count == linesAtReload)
        #expect(!daemon.log.contains("warning statistics "))
        // A loss (here a message cut at max-message-size) makes the next line a warning, shown at this level.
        let oversize = String(repeating: "x", count: 2_000)
        #expect(
            try Tool.run(["logger", "--udp", "--size", "4096", "-n", "127.0.0.1", "-P", port, oversize]).status == 0
        )
        try daemon.waitForLog("warning statistics ", count: 1, timeout: 10)
        #expect(daemon.counter("ingest.truncated") == 1)
        usleep(1_500_000)
        #expect(daemon.log.components(separatedBy: "warning statistics ").count - 1 == 1, "only when losses rise")
        #expect(daemon.stop() == 0)
        #expect(daemon.log.contains("warning activitylogd stopped "))
    }

    private func rewrite(_ daemon: DaemonProcess, _ config: String) throws {
        try config.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
    }

    @Test func checkModeExitsWithStatusAndMessage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "activitylogd-t-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let good = "\(directory)/good.conf"
        let bad = "\(directory)/bad.conf"
        try "listen udp 127.0.0.1:0\n".write(toFile: good, atomically: true, encoding: .utf8)
        try "listen udp 127.0.0.1:5514\nretention-days many\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let ok = try Tool.run(["activitylogd", "-t", "-f", good])
        #expect(ok.status == 0)
        #expect(ok.output.contains("configuration OK"))
        let refused = try Tool.run(["activitylogd", "-t", "-f", bad])
        #expect(refused.status == 78)
        #expect(refused.errors.contains("\(bad):2: retention-days 'many': expected an integer from 0 to 100000"))
        let shipped = ManPages.repository.appendingPathComponent("conf/activitylogd.conf").path
        // Binding port 514 needs root; without it the file alone is checked.
        let check = try Tool.run(["activitylogd", "-t"] + (geteuid() == 0 ? [] : ["--no-bind"]) + ["-f", shipped])
        #expect(check.status == 0, "\(check.errors)")
    }

    @Test func ipv6ListenersReceiveFromLogger() throws {
        let daemon = try DaemonProcess(listeners: ["udp [::1]:0", "tcp [::1]:0"])
        defer { daemon.removeDirectory() }
        #expect(
            try Tool.run(["logger", "--udp", "-n", "::1", "-P", String(daemon.port("udp")), "over udp6"]).status == 0
        )
        #expect(
            try Tool.run([
                "logger", "--tcp", "--octet-count", "-n", "::1", "-P", String(daemon.port("tcp")), "over tcp6",
            ]).status == 0
        )
        usleep(300_000)
        #expect(daemon.stop() == 0)
        let records = try daemon.records()
        #expect(Set(records.compactMap { $0["msg"] as? String }) == ["over udp6", "over tcp6"])
        #expect(records.allSatisfy { $0["source"] as? String == "::1" })
    }

    @Test func oversizeMessageIsTruncatedAndTheStreamStaysInSync() throws {
        let daemon = try DaemonProcess(listeners: ["tcp 127.0.0.1:0"], extra: "max-message-size 480")
        defer { daemon.removeDirectory() }
        let long = "<13>1 - host app - - - " + String(repeating: "x", count: 2000)
        let short = "<13>1 - host app - - - short after long"
        try sendOverTCP("\(long.utf8.count) \(long)\(short.utf8.count) \(short)", port: daemon.port("tcp"))
        usleep(300_000)
        #expect(daemon.stop() == 0)
        let records = try daemon.records()
        #expect(records.count == 2)
        #expect(records.first?["truncated"] as? Bool == true)
        #expect((records.first?["msg"] as? String)?.count == 480 - "<13>1 - host app - - - ".count)
        #expect(records.last?["msg"] as? String == "short after long")
        #expect(records.last?["truncated"] == nil)
        #expect(daemon.counter("ingest.truncated") == 1)
    }

    @Test func connectionsBeyondTheLimitAreRefusedAndIdleOnesClosed() throws {
        let daemon = try DaemonProcess(listeners: ["tcp 127.0.0.1:0"], extra: "max-connections 2\nidle-timeout 1s")
        defer { daemon.removeDirectory() }
        let port = daemon.port("tcp")
        let first = try connectTCP(port: port)
        let second = try connectTCP(port: port)
        let third = try connectTCP(port: port)
        defer { for descriptor in [first, second, third] { close(descriptor) } }
        #expect(waitForClose(third, timeout: 2), "the connection over the limit is closed at once")
        #expect(!waitForClose(first, timeout: 0.3), "connections within the limit stay open")
        #expect(waitForClose(first, timeout: 3), "an idle connection is closed after idle-timeout")
        #expect(daemon.stop() == 0)
        #expect(daemon.counter("ingest.connections_refused") == 1)
        #expect(daemon.counter("ingest.connections_timed_out") == 2)
    }

    @Test func perSourceLimitRefusesOneAddressButNotAnother() throws {
        let daemon = try DaemonProcess(listeners: ["tcp 127.0.0.1:0"], extra: "max-connections-per-source 1")
        defer { daemon.removeDirectory() }
        let port = daemon.port("tcp")
        let first = try connectTCP(port: port, from: "127.0.0.2")
        let second = try connectTCP(port: port, from: "127.0.0.2")
        let other = try connectTCP(port: port, from: "127.0.0.3")
        defer { for descriptor in [first, second, other] { close(descriptor) } }
        // The two connections from 127.0.0.2 are set up on different event loops, so either may be the one refused.
        let closed = [first, second].filter { waitForClose($0, timeout: 1) }
        #expect(closed.count == 1, "exactly one of two connections from the same address is refused")
        #expect(!waitForClose(other, timeout: 0.3), "another address still gets in")
        #expect(daemon.stop() == 0)
        #expect(daemon.counter("ingest.connections_refused") == 1)
    }

    @Test(.enabled(if: geteuid() == 0, "switching user needs root"))
    func dropsPrivilegesAfterBindingAndHandsOverTheArchives() throws {
        let daemon = try DaemonProcess(listeners: ["tcp 127.0.0.1:0"], extra: "user nobody\ngroup nogroup")
        defer { daemon.removeDirectory() }
        try daemon.waitForLog("dropped privileges")
        let status = try String(contentsOfFile: "/proc/\(daemon.processIdentifier)/status", encoding: .utf8)
        let uid = status.split(separator: "\n").first { $0.hasPrefix("Uid:") }?.split(separator: "\t").dropFirst().first
        let nobody = getpwnam("nobody").pointee.pw_uid
        #expect(uid.map(String.init) == String(nobody), "effective identity after the drop")
        try sendOverTCP("<13>1 - - - - - - written as nobody\n", port: daemon.port("tcp"))
        usleep(300_000)
        #expect(daemon.stop() == 0)
        #expect(try daemon.records().compactMap { $0["msg"] as? String } == ["written as nobody"])
        var info = stat()
        stat(try #require(try daemon.archives().first), &info)
        #expect(info.st_uid == nobody)
        #expect(info.st_mode & 0o777 == 0o640)
    }

    @Test func allowListRefusesOtherSendersAndLogsOncePerSender() throws {
        let daemon = try DaemonProcess(extra: "allow 127.0.0.1 ::1")
        defer { daemon.removeDirectory() }
        let (udp, tcp) = (daemon.port("udp"), daemon.port("tcp"))
        for number in 0..<100 { try sendDatagram("<13>1 - - - - - - refused \(number)", from: "127.0.0.2", port: udp) }
        try sendDatagram("<13>1 - - - - - - allowed udp", from: "127.0.0.1", port: udp)
        let refused = try connectTCP(port: tcp, from: "127.0.0.2")
        defer { close(refused) }
        #expect(waitForClose(refused, timeout: 2), "a refused sender's connection is closed at accept")
        try sendOverTCP("<13>1 - - - - - - allowed tcp\n", port: tcp)
        usleep(300_000)
        #expect(daemon.stop() == 0)
        #expect(Set(try daemon.records().compactMap { $0["msg"] as? String }) == ["allowed udp", "allowed tcp"])
        #expect(daemon.counter("ingest.udp_refused_acl") == 100)
        #expect(daemon.counter("ingest.connections_refused_acl") == 1)
        #expect(daemon.log.components(separatedBy: "refused sender not in allow list").count - 1 == 1)
        #expect(daemon.log.contains("peer.address=127.0.0.2"))
    }

    /// `activitylog send --bind` picks the sender's address, so one host can play several senders.
    @Test func sendBindSendsFromTheGivenAddress() throws {
        let daemon = try DaemonProcess()
        defer { daemon.removeDirectory() }
        for (transport, source) in [("udp", "127.0.0.2"), ("tcp", "127.0.0.3")] {
            let sent = try Tool.run([
                "activitylog", "send", "--bind", source, "--transport", transport, "--port",
                String(daemon.port(transport)), "--count", "3",
            ])
            #expect(sent.status == 0, "\(sent.errors)")
        }
        let elsewhere = try Tool.run([
            "activitylog", "send", "--bind", "192.0.2.1", "--port", String(daemon.port("tcp")), "--count", "1",
        ])
        #expect(elsewhere.status != 0 && elsewhere.errors.contains("cannot connect"), "\(elsewhere.errors)")
        let notAnAddress = try Tool.run(["activitylog", "send", "--bind", "localhost", "--count", "1"])
        #expect(notAnAddress.errors.contains("--bind localhost: expected an IPv4 or IPv6 address"))
        usleep(300_000)
        #expect(daemon.stop() == 0)
        let sources = try daemon.records().map { "\($0["transport"] ?? "") \($0["source"] ?? "")" }
        #expect(
            sources.sorted() == Array(repeating: "tcp 127.0.0.3", count: 3)
                + Array(repeating: "udp 127.0.0.2", count: 3)
        )
    }

    @Test func refusalsFromManySendersAreCountedButLoggedForAHundredAMinute() throws {
        let daemon = try DaemonProcess(extra: "allow 127.0.0.1")
        defer { daemon.removeDirectory() }
        let udp = daemon.port("udp")
        for sender in 0..<150 {
            try sendDatagram(
                "<13>1 - - - - - - refused",
                from: "127.0.\(1 + sender / 200).\(1 + sender % 200)",
                port: udp
            )
        }
        usleep(300_000)
        #expect(daemon.stop() == 0)
        #expect(daemon.counter("ingest.udp_refused_acl") == 150)
        #expect(daemon.log.components(separatedBy: "refused sender not in allow list").count - 1 == 100)
    }
}

/// Sends one UDP datagram from the loopback address `source` to 127.0.0.1:`port`.
func sendDatagram(_ text: String, from source: String, port: Int) throws {
    try sendDatagram(Array(text.utf8), from: source, port: port)
}

/// Sends one UDP datagram of `bytes` from the loopback address `source` to 127.0.0.1:`port`.
func sendDatagram(_ bytes: [UInt8], from source: String, port: Int) throws {
    let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
    defer { close(descriptor) }
    try bindSource(descriptor, source)
    var target = sockaddr_in()
    target.sin_family = sa_family_t(AF_INET)
    target.sin_port = in_port_t(UInt16(port).bigEndian)
    target.sin_addr.s_addr = inet_addr("127.0.0.1")
    let sent = withUnsafePointer(to: &target) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
            bytes.withUnsafeBytes {
                sendto(descriptor, $0.baseAddress, $0.count, 0, address, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }
    guard sent == bytes.count else { throw DaemonProcessError(message: "sendto failed") }
}

private func bindSource(_ descriptor: Int32, _ source: String) throws {
    var local = sockaddr_in()
    local.sin_family = sa_family_t(AF_INET)
    local.sin_addr.s_addr = inet_addr(source)
    let bound = withUnsafePointer(to: &local) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
    guard bound else { throw DaemonProcessError(message: "cannot bind \(source)") }
}

/// A connected TCP socket from loopback address `source` to 127.0.0.1:`port`.
func connectTCP(port: Int, from source: String = "127.0.0.1") throws -> Int32 {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try bindSource(descriptor, source)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
    guard connected else { throw DaemonProcessError(message: "cannot connect to \(port)") }
    return descriptor
}

/// `true` when the peer closes the socket within `timeout` seconds.
func waitForClose(_ descriptor: Int32, timeout: Double) -> Bool {
    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    guard poll(&poller, 1, Int32(timeout * 1000)) > 0 else { return false }
    var byte: UInt8 = 0
    return recv(descriptor, &byte, 1, Int32(MSG_PEEK)) <= 0
}
