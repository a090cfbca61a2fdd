import Foundation
import Testing
import ToolRunning

/// Without `-f`, the installed configuration is read when it exists, and the embedded default runs otherwise; the
/// start says which.
struct DefaultConfigurationTests {
    @Test func withoutDashFTheInstalledFileIsReadWhenItExists() throws {
        let directory = try makeTemporaryDirectory("installed-conf")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let installed = "\(directory)/activitylogd.conf"
        let port = try freePort()
        try "listen tcp 127.0.0.1:\(port)\narchive-dir \(directory)/archive\n".write(
            toFile: installed,
            atomically: true,
            encoding: .utf8
        )
        let check = try Tool.run(["activitylogd", "-t"], environment: ["ACTIVITYLOGD_CONFIG": installed])
        #expect(check.status == 0)
        #expect(check.output.contains("\(installed): configuration OK"))
        let daemon = try DaemonProcess(
            listeners: ["tcp 127.0.0.1:\(port)"],
            directory: "\(directory)/run",
            embeddedDefault: true,
            environment: ["ACTIVITYLOGD_CONFIG": installed],
            listenerCount: 1
        )
        defer { daemon.removeDirectory() }
        #expect(daemon.stop() == 0)
        #expect(daemon.log.contains("config.path=\(installed)"))
        #expect(daemon.log.contains("listener=\"tcp 127.0.0.1:\(port)\""))
    }
}
