import Foundation
import Testing
import ToolRunning

#if canImport(Glibc)
import Glibc
#endif

/// Activity fields through the real daemon: text from `logger`, and `extract` rules reloaded by SIGHUP.
struct ActivityExtractionEndToEndTests {
    @Test func loggerAuthLinesAndReloadedRulesGiveActivities() throws {
        // A fixed port, so that the reloaded file names the same listener.
        let port = String(try freePort())
        let daemon = try DaemonProcess(
            listeners: ["udp 127.0.0.1:\(port)"],
            extra: "flush-interval 50ms\nextract app=vpnd \"user %user% connected from %client%\" event=login"
        )
        defer { daemon.removeDirectory() }
        func send(_ tag: String, _ text: String) throws {
            #expect(try Tool.run(["logger", "--udp", "-n", "127.0.0.1", "-P", port, "-t", tag, text]).status == 0)
        }
        try send("sshd", "Failed password for invalid user admin from 203.0.113.9 port 52144 ssh2")
        try send("vpnd", "user bob connected from 198.51.100.7")
        usleep(300_000)
        try daemon.reload(
            """
            listen udp 127.0.0.1:\(port)
            archive-dir \(daemon.archiveDirectory)
            flush-interval 50ms
            extract app=vpnd "user %user% connected from %client%" event=vpn-login outcome=success
            """,
            until: "configuration reloaded"
        )
        try send("vpnd", "user carol connected from 198.51.100.8")
        usleep(300_000)
        #expect(daemon.stop() == 0)
        let records = try daemon.records()
        func fields(_ record: [String: Any]) -> [String?] {
            ["user", "event", "resource", "outcome", "client"].map { record[$0] as? String }
        }
        #expect(records.count == 3)
        #expect(
            records.map(fields) == [
                ["admin", "login", "sshd", "failure", "203.0.113.9"],
                ["bob", "login", nil, nil, "198.51.100.7"],
                ["carol", "vpn-login", nil, "success", "198.51.100.8"],
            ]
        )
    }
}
