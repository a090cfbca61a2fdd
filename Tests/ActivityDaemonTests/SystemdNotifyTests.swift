import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `Type=notify`: the daemon tells `$NOTIFY_SOCKET` when it is ready, reloading and stopping, in that order; and
/// with `$JOURNAL_STREAM` naming its standard error it prefixes lines with their syslog priority.
struct SystemdNotifyTests {
    /// A Unix datagram socket bound to a fresh path, read with a timeout.
    private final class NotifySocket {
        let path: String
        let descriptor: Int32

        init(directory: String) throws {
            self.path = "\(directory)/notify"
            self.descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(self.path.utf8)) }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(self.descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard bound == 0 else { throw DaemonProcessError(message: "cannot bind \(self.path)") }
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(self.descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(self.descriptor) }

        /// The next datagram, or nil after 10 s.
        func next() -> String? {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { recv(self.descriptor, $0.baseAddress, $0.count, 0) }
            return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : nil
        }
    }

    @Test func readyReloadingAndStoppingReachTheNotifySocketInOrder() throws {
        let directory = try makeTemporaryDirectory("notify")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let notify = try NotifySocket(directory: directory)
        let daemon = try DaemonProcess(
            listeners: ["tcp 127.0.0.1:0"],
            directory: "\(directory)/daemon",
            environment: ["NOTIFY_SOCKET": notify.path]
        )
        defer { daemon.removeDirectory() }
        let ready = try #require(notify.next())
        #expect(ready.hasPrefix("READY=1\nSTATUS=listening"), "\(ready)")
        daemon.signal(SIGHUP)
        let reloading = try #require(notify.next())
        #expect(reloading.hasPrefix("RELOADING=1\nMONOTONIC_USEC="), "\(reloading)")
        #expect(try #require(notify.next()).hasPrefix("READY=1"))
        daemon.signal(SIGTERM)
        #expect(try #require(notify.next()).hasPrefix("STOPPING=1"))
        #expect(daemon.stop() == 0)
    }

    @Test func linesToTheJournalCarryTheirPriority() throws {
        let directory = try makeTemporaryDirectory("journal")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The daemon's stderr is this log file: name its device and inode as journald would.
        let daemon = try DaemonProcess(listeners: ["tcp 127.0.0.1:0"], directory: directory, environment: [:])
        defer { daemon.removeDirectory() }
        #expect(daemon.stop() == 0)
        #expect(!daemon.log.contains("<5>"), "no prefix when stderr is not the journal")
        let logPath = try #require(
            try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasPrefix("daemon-") }
        )
        var status = stat()
        #expect(stat("\(directory)/\(logPath)", &status) == 0)
        let journal = try DaemonProcess(
            listeners: ["tcp 127.0.0.1:0"],
            directory: directory,
            environment: ["JOURNAL_STREAM": "\(status.st_dev):\(status.st_ino)"],
            logFileName: logPath
        )
        defer { journal.removeDirectory() }
        #expect(journal.stop() == 0)
        #expect(journal.log.contains("<5>notice activitylogd started"), "\(journal.log)")
        #expect(journal.log.contains("<6>info listening"))
    }
}
