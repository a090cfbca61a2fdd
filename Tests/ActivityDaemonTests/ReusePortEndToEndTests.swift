import Foundation
import Testing
import ToolRunning

#if canImport(Glibc)
import Glibc
#endif

/// `reuse-port`: several collectors on one UDP and one TCP port, the kernel spreading the senders over them.
struct ReusePortEndToEndTests {
    @Test func twoDaemonsShareAUDPAndATCPPortAndBothReceive() throws {
        let port = try freePort()
        let listeners = ["udp 127.0.0.1:\(port) reuse-port", "tcp 127.0.0.1:\(port) reuse-port"]
        let first = try DaemonProcess(listeners: listeners)
        defer { first.removeDirectory() }
        let second = try DaemonProcess(listeners: listeners)
        defer { second.removeDirectory() }
        #expect(
            second.log.contains("listener=\"tcp 127.0.0.1:\(port)\" listener.port=\(port) listener.reuse_port=true")
        )
        // Each check binds its own file's listeners only: a third collector's check passes beside the two.
        let check = try Tool.run(["activitylogd", "-t", "-f", second.configPath])
        #expect(check.status == 0, "\(check.errors)")
        // Each sender is a new socket on a new port, so the kernel's hash spreads them.
        for number in 0..<40 {
            try sendDatagram("<13>1 - - - - - - udp \(number)", from: "127.0.0.1", port: port)
            try sendOverTCP("<13>1 - - - - - - tcp \(number)\n", port: port)
        }
        usleep(500_000)
        #expect(first.stop() == 0)
        #expect(second.stop() == 0)
        let (firstMessages, secondMessages) = (
            try first.records().compactMap { $0["msg"] as? String },
            try second.records().compactMap { $0["msg"] as? String }
        )
        #expect(firstMessages.count + secondMessages.count == 80, "every message once")
        #expect(Set(firstMessages + secondMessages).count == 80)
        for transport in ["udp", "tcp"] {
            #expect(firstMessages.contains { $0.hasPrefix(transport) }, "the first daemon received over \(transport)")
            #expect(secondMessages.contains { $0.hasPrefix(transport) }, "the second daemon received over \(transport)")
        }
    }

    /// Every socket on the port needs reuse-port: the check of a file where either side lacks it fails.
    @Test(arguments: [("tcp", " reuse-port", ""), ("tcp", "", " reuse-port"), ("udp", "", " reuse-port")])
    func withoutReusePortOnBothSidesASecondDaemonCannotBind(
        transport: String,
        running: String,
        checked: String
    )
        throws
    {
        let port = try freePort()
        let daemon = try DaemonProcess(listeners: ["\(transport) 127.0.0.1:\(port)\(running)"])
        defer { daemon.removeDirectory() }
        let directory = try makeTemporaryDirectory("reuse-port")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "listen \(transport) 127.0.0.1:\(port)\(checked)\narchive-dir \(directory)/archive\n".write(
            toFile: "\(directory)/a.conf",
            atomically: true,
            encoding: .utf8
        )
        let check = try Tool.run(["activitylogd", "-t", "-f", "\(directory)/a.conf"])
        #expect(check.status == 78)
        #expect(check.errors.contains("Address already in use"), "\(check.errors)")
    }
}
