import Foundation
import Testing
import ToolRunning

/// libdeflate is loaded at run time: without it the daemon says so and compresses with zlib, unless the file asked
/// for libdeflate by name, which `-t` and the start refuse with the line.
struct CompressionEngineTests {
    private static let missingLibrary = ["ACTIVITYLOG_LIBDEFLATE": "/nonexistent/libdeflate.so.0"]

    @Test func withoutLibdeflateTheDaemonCompressesWithZlibAndSaysSo() throws {
        let daemon = try DaemonProcess(
            listeners: ["tcp 127.0.0.1:0"],
            extra: "flush-interval 50ms",
            environment: Self.missingLibrary
        )
        defer { daemon.removeDirectory() }
        try sendOverTCP("<13>1 - - - - - - compressed by zlib\n", port: daemon.port("tcp"))
        usleep(300_000)
        #expect(daemon.stop() == 0)
        #expect(daemon.log.contains("libdeflate cannot be loaded; compressing with zlib"))
        #expect(daemon.log.contains("compression.engine=zlib"))
        #expect(try daemon.records().compactMap { $0["msg"] as? String } == ["compressed by zlib"])
        for path in try daemon.archives() { #expect(try Tool.run(["gzip", "-t", path]).status == 0) }
    }

    @Test func withLibdeflateItIsTheEngine() throws {
        let daemon = try DaemonProcess(listeners: ["tcp 127.0.0.1:0"])
        defer { daemon.removeDirectory() }
        #expect(daemon.stop() == 0)
        #expect(daemon.log.contains("compression.engine=libdeflate"))
    }

    @Test func askingForAMissingLibdeflateByNameIsAnErrorWithItsLine() throws {
        let directory = try makeTemporaryDirectory("engine")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = "\(directory)/a.conf"
        try "listen udp 127.0.0.1:0\n\ncompression-engine libdeflate\n".write(
            toFile: file,
            atomically: true,
            encoding: .utf8
        )
        let refused = try Tool.run(["activitylogd", "-t", "-f", file], environment: Self.missingLibrary)
        #expect(refused.status == 78)
        #expect(
            refused.errors.contains("\(file):3: compression-engine 'libdeflate': expected an engine this machine has")
        )
        #expect(try Tool.run(["activitylogd", "-t", "-f", file]).status == 0)
    }
}
