import Foundation
import Testing
import ToolRunning

#if canImport(Glibc)
import Glibc
#endif

/// The built `activitylogd` running as a child process on ephemeral ports with a temporary archive directory,
/// driven the way an operator drives it: a config file, signals, and real senders.
final class DaemonProcess {
    let directory: String
    let configPath: String
    let archiveDirectory: String
    private let process = Process()
    private let logPath: String

    /// Writes a config (listeners on port 0 plus `extra` lines) and starts the daemon; with `embeddedDefault`, starts
    /// it without `-f` instead (UDP and TCP on 127.0.0.1:5514, `./archive` in `directory`).
    init(
        listeners: [String] = ["udp 127.0.0.1:0", "tcp 127.0.0.1:0"],
        extra: String = "",
        directory: String? = nil,
        embeddedDefault: Bool = false,
        environment: [String: String] = [:],
        logFileName: String? = nil,
        listenerCount: Int? = nil
    ) throws {
        self.directory =
            directory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("activitylogd-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        self.archiveDirectory = "\(self.directory)/archive"
        self.configPath = "\(self.directory)/activitylogd.conf"
        self.logPath = "\(self.directory)/\(logFileName ?? "daemon-\(UUID().uuidString).log")"
        let config =
            listeners.map { "listen \($0)" }.joined(separator: "\n")
            + "\narchive-dir \(self.archiveDirectory)\n\(extra)\n"
        try config.write(toFile: self.configPath, atomically: true, encoding: .utf8)
        if !FileManager.default.fileExists(atPath: self.logPath) {
            FileManager.default.createFile(atPath: self.logPath, contents: nil)
        }
        self.process.executableURL = Tool.productsDirectory.appendingPathComponent("activitylogd")
        self.process.arguments = embeddedDefault ? [] : ["-f", self.configPath]
        // Without -f the daemon would read an installed /etc/activitylog/activitylogd.conf: tests want the default.
        let defaults = ["ACTIVITYLOGD_CONFIG": "/nonexistent/activitylogd.conf"]
        self.process.environment = ProcessInfo.processInfo.environment.merging(defaults) { $1 }
            .merging(environment) { $1 }
        self.process.currentDirectoryURL = URL(fileURLWithPath: self.directory)
        self.process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: self.logPath))
        self.process.standardOutput = FileHandle.nullDevice
        try self.process.run()
        try self.waitForLog("listening", count: listenerCount ?? (embeddedDefault ? 2 : listeners.count))
    }

    /// The daemon's log so far.
    var log: String { (try? String(contentsOfFile: self.logPath, encoding: .utf8)) ?? "" }

    /// The bound port of the listener logged as `transport host:0` (in the order they were logged); `transport` may
    /// name the address too (`tcp 127.0.0.2`) to pick one listener.
    func port(_ transport: String, index: Int = 0) -> Int {
        let ports = self.log.split(separator: "\n").filter {
            $0.contains("listening") && $0.contains("listener=\"\(transport)\(transport.contains(" ") ? ":" : " ")")
        }
        .compactMap { line -> Int? in
            guard let range = line.range(of: "listener.port=") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
        return ports[index]
    }

    /// The value of the counter `name` (`ingest.received`, …) in the last line that logged it.
    func counter(_ name: String) -> Int? {
        guard let line = self.log.split(separator: "\n").last(where: { $0.contains(" \(name)=") }),
            let range = line.range(of: " \(name)=")
        else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }

    /// Waits until the log holds `text` at least `count` times.
    func waitForLog(_ text: String, count: Int = 1, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while self.log.components(separatedBy: text).count - 1 < count {
            guard Date() < deadline, self.process.isRunning else {
                throw DaemonProcessError(message: "waiting for '\(text)' x\(count); log:\n\(self.log)")
            }
            usleep(20_000)
        }
    }

    /// Replaces the config file with `config`, sends SIGHUP, and waits until the log says `outcome` once more
    /// (`configuration reloaded`, `configuration refused`, `cannot bind new listeners`).
    func reload(_ config: String, until outcome: String) throws {
        let before = self.log.components(separatedBy: outcome).count - 1
        try config.write(toFile: self.configPath, atomically: true, encoding: .utf8)
        self.signal(SIGHUP)
        try self.waitForLog(outcome, count: before + 1)
    }

    func signal(_ signal: Int32) {
        kill(self.process.processIdentifier, signal)
    }

    /// Sends SIGTERM and waits for the exit status.
    @discardableResult
    func stop() -> Int32 {
        self.signal(SIGTERM)
        self.process.waitUntilExit()
        return self.process.terminationStatus
    }

    /// Kills with SIGKILL (a crash) and waits.
    func crash() {
        self.signal(SIGKILL)
        self.process.waitUntilExit()
    }

    var isRunning: Bool { self.process.isRunning }

    var processIdentifier: Int32 { self.process.processIdentifier }

    /// Every archive file (`*.jsonl.gz`, so not the `.torn-` copies recovery keeps), sorted.
    func archives() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: self.archiveDirectory).sorted()
            .filter { $0.hasSuffix(".jsonl.gz") }
            .map { "\(self.archiveDirectory)/\($0)" }
    }

    /// All records of all archives, decoded by zcat and JSONSerialization.
    func records() throws -> [[String: Any]] {
        var records: [[String: Any]] = []
        for path in try self.archives() {
            let text = try Tool.run(["zcat", path]).output
            for line in text.split(separator: "\n") {
                records.append(try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]))
            }
        }
        return records
    }

    func removeDirectory() {
        if self.process.isRunning { self.crash() }
        try? FileManager.default.removeItem(atPath: self.directory)
    }
}

struct DaemonProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { self.message }
}

/// A TCP port that was free a moment ago (bound to port 0, read, and released).
func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    return try bindToEphemeralPort(descriptor)
}

/// Binds `descriptor` to 127.0.0.1 on a port the kernel picks, and returns that port.
func bindToEphemeralPort(_ descriptor: Int32) throws -> Int {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
        }
    }
    guard bound else { throw DaemonProcessError(message: "cannot find a free port") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// A fresh directory under the system temporary directory, named `prefix-UUID`; the caller removes it.
func makeTemporaryDirectory(_ prefix: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The name `activitylogd` gives the file of `day` (YYYY-MM-DD) by default: the host name, up to its first dot, is
/// its node name. Spelled out here rather than asked of the archive module, so a change of the name shows.
func archiveName(_ day: String) -> String {
    var host = [CChar](repeating: 0, count: 256)
    gethostname(&host, 255)
    let node = String(cString: host).split(separator: ".").first.map(String.init) ?? ""
    return "activity-\(day).\(node).jsonl.gz"
}
