import Foundation
import Testing
import ToolRunning

#if canImport(Glibc)
import Glibc
#endif

/// What operators, backup tools and full disks do to the archive directory, done to a running `activitylogd`: each
/// has a clear outcome and a log line, and no record is lost.
@Suite(.serialized)
struct ArchiveSafetyEndToEndTests {
    /// A daemon that flushes quickly, with one TCP listener.
    private func daemon(directory: String? = nil) throws -> DaemonProcess {
        try DaemonProcess(
            listeners: ["tcp 127.0.0.1:0"],
            extra: "flush-interval 50ms\nfsync always",
            directory: directory
        )
    }

    /// Sends the messages numbered `range` (their MSGID) and waits until they are archived.
    private func send(_ daemon: DaemonProcess, _ range: Range<Int>) throws {
        let lines = range.map { "<13>1 2026-11-26T10:00:00Z host app - \($0) - message \($0)" }.joined(separator: "\n")
        let sent = try Tool.run(["activitylog", "send", "--port", String(daemon.port("tcp"))], stdin: lines + "\n")
        try #require(sent.status == 0, "\(sent.errors)")
        try self.waitForRecords(daemon, range)
    }

    /// Waits (at most 10 s) until the archives hold every record of `range`.
    private func waitForRecords(_ daemon: DaemonProcess, _ range: Range<Int>) throws {
        let deadline = Date().addingTimeInterval(10)
        while !Set((try? self.numbers(daemon)) ?? []).isSuperset(of: range), Date() < deadline { usleep(20_000) }
    }

    /// The MSGIDs of every record in every archive, sorted.
    private func numbers(_ daemon: DaemonProcess) throws -> [Int] {
        try daemon.records().map { Int($0["msgid"] as? String ?? "") ?? -1 }.sorted()
    }

    private func numbers(inFile path: String) throws -> [Int] {
        try Tool.run(["zcat", path]).output.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return Int(object?["msgid"] as? String ?? "") ?? -1
        }
        .sorted()
    }

    private func onlyArchive(_ daemon: DaemonProcess) throws -> String {
        let archives = try daemon.archives()
        try #require(archives.count == 1, "\(archives)")
        return archives[0]
    }

    @Test func aFileRecompressedWithGzip9WhileRunningGetsTheNextMembers() throws {
        let daemon = try self.daemon()
        defer { daemon.removeDirectory() }
        try self.send(daemon, 0..<50)
        let path = try self.onlyArchive(daemon)
        #expect(
            try Tool.run(["sh", "-c", "zcat '\(path)' | gzip -9 > '\(path).new' && mv '\(path).new' '\(path)'"]).status
                == 0
        )
        try self.send(daemon, 50..<100)
        try daemon.waitForLog("archive file was replaced while open")
        #expect(daemon.stop() == 0)
        #expect(try self.numbers(inFile: path) == Array(0..<100))
        #expect(try Tool.run(["gzip", "-t", path]).status == 0)
    }

    @Test func aBackupCopiedOverTheFileInPlaceIsCheckedAndAppendedTo() throws {
        let daemon = try self.daemon()
        defer { daemon.removeDirectory() }
        try self.send(daemon, 0..<30)
        let path = try self.onlyArchive(daemon)
        let backup = "\(daemon.directory)/backup.gz"
        #expect(try Tool.run(["sh", "-c", "zcat '\(path)' | gzip > '\(backup)'"]).status == 0)
        try self.send(daemon, 30..<60)
        // Restoring the backup with cp rewrites the same file (same inode) with other bytes.
        #expect(try Tool.run(["cp", backup, path]).status == 0)
        try self.send(daemon, 60..<90)
        try daemon.waitForLog("archive file was changed by another program while open")
        #expect(daemon.stop() == 0)
        #expect(try self.numbers(inFile: path) == Array(0..<30) + Array(60..<90))
    }

    @Test func aFileMadeReadOnlyIsLeftAloneAndTheDayGoesOnInAContinuation() throws {
        let daemon = try self.daemon()
        defer { daemon.removeDirectory() }
        try self.send(daemon, 0..<20)
        let path = try self.onlyArchive(daemon)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o444) == 0)
        try self.send(daemon, 20..<40)
        try daemon.waitForLog("archive file was made read-only while open")
        try daemon.waitForLog("writing the day to a continuation")
        #expect(daemon.stop() == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let continuation = path.replacingOccurrences(of: ".jsonl.gz", with: ".2.jsonl.gz")
        #expect(try self.numbers(inFile: continuation) == Array(20..<40))
    }

    @Test func aFileDeletedOrRenamedWhileRunningIsFollowedByANewOne() throws {
        let daemon = try self.daemon()
        defer { daemon.removeDirectory() }
        try self.send(daemon, 0..<10)
        let path = try self.onlyArchive(daemon)
        #expect(rename(path, "\(daemon.directory)/renamed.gz") == 0)
        try self.send(daemon, 10..<20)
        try daemon.waitForLog("archive file was deleted or renamed while open")
        #expect(try self.numbers(inFile: path) == Array(10..<20))
        #expect(try self.numbers(inFile: "\(daemon.directory)/renamed.gz") == Array(0..<10))
        #expect(unlink(path) == 0)
        try self.send(daemon, 20..<30)
        #expect(daemon.stop() == 0)
        #expect(try self.numbers(inFile: path) == Array(20..<30))
    }

    /// What stands under today's name before the start: a directory, a link, an empty file, a file of zeros.
    @Test(arguments: ["directory", "symlink", "empty", "zeros"])
    func whatStandsUnderTodaysNameAtStart(kind: String) throws {
        let (directory, archives) = try Self.directoryWithArchives()
        let path = "\(archives)/\(archiveName(Self.today()))"
        let victim = "\(directory)/victim"
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: victim))
        switch kind {
        case "directory": try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case "symlink": #expect(symlink(victim, path) == 0)
        case "empty": FileManager.default.createFile(atPath: path, contents: Data())
        default: FileManager.default.createFile(atPath: path, contents: Data(count: 65_536))
        }
        let daemon = try self.daemon(directory: directory)
        defer { daemon.removeDirectory() }
        try self.send(daemon, 0..<10)
        #expect(daemon.stop() == 0)
        #expect(try self.numbers(daemon) == Array(0..<10), "\(kind): nothing lost")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        switch kind {
        case "directory", "symlink":
            #expect(daemon.log.contains("writing the day to a continuation"))
            let continuation = path.replacingOccurrences(of: ".jsonl.gz", with: ".2.jsonl.gz")
            #expect(try self.numbers(inFile: continuation) == Array(0..<10))
        case "zeros":
            #expect(daemon.log.contains("cut zero bytes from the end of archive"))
            #expect(try self.numbers(inFile: path) == Array(0..<10))
            #expect(try Tool.run(["gzip", "-t", path]).status == 0)
        default:
            #expect(try self.numbers(inFile: path) == Array(0..<10))
        }
    }

    /// The issue's newcomer check: yesterday's file recompressed by another tool survives a start and a stop.
    @Test func aForeignArchiveIsKeptAtStart() throws {
        let (directory, archives) = try Self.directoryWithArchives()
        let yesterday = "\(archives)/\(archiveName(Self.today(offsetDays: -1)))"
        let text = String(repeating: "{\"received\":\"x\",\"msg\":\"keep me\"}\n", count: 100)
        #expect(try Tool.run(["sh", "-c", "gzip -9 > '\(yesterday)'"], stdin: text).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: yesterday))
        let daemon = try self.daemon(directory: directory)
        defer { daemon.removeDirectory() }
        usleep(300_000)
        #expect(daemon.stop() == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: yesterday)) == bytes)
        #expect(!daemon.log.contains("cut torn tail") && !daemon.log.contains("cut zero bytes"))
        #expect(daemon.counter("archive.torn_tails_cut") == 0)
    }

    /// An archive older than `retention-days` but just modified (restored with `cp`) is both a file recovery opens
    /// (modified last) and one the first sweep deletes: the start must never fail over it.
    @Test func anOldArchiveRestoredWithCpNeverStopsTheStart() throws {
        let (directory, archives) = try Self.directoryWithArchives()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let backup = "\(directory)/backup.gz"
        // A foreign file, so recovery has to inflate all of it: a wide window for the race.
        #expect(
            try Tool.run(["sh", "-c", "head -c 4000000 /dev/urandom | base64 | gzip -1 > '\(backup)'"]).status == 0
        )
        for attempt in 0..<20 {
            let old = "\(archives)/\(archiveName("2020-01-0\(attempt % 9 + 1)"))"
            #expect(try Tool.run(["cp", backup, old]).status == 0)
            let daemon = try DaemonProcess(
                listeners: ["tcp 127.0.0.1:0"],
                extra: "retention-days 30",
                directory: directory
            )
            try daemon.waitForLog("deleted archive")
            #expect(daemon.isRunning, "start \(attempt)")
            #expect(daemon.stop() == 0, "start \(attempt): \(daemon.log)")
            #expect(!FileManager.default.fileExists(atPath: old))
        }
    }

    @Test func aWorldWritableArchiveDirectoryIsRefusedWithTheReasonAndTheFix() throws {
        let (directory, archives) = try Self.directoryWithArchives()
        #expect(chmod(archives, 0o1777) == 0)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = "\(directory)/a.conf"
        try "listen tcp 127.0.0.1:0\narchive-dir \(archives)\n".write(toFile: config, atomically: true, encoding: .utf8)
        for arguments in [["-t", "-f", config], ["-f", config]] {
            let result = try Tool.run(["activitylogd"] + arguments)
            #expect(result.status != 0)
            #expect(result.errors.contains(archives), "\(result.errors)")
            #expect(result.errors.contains("world-writable (mode 01777)"), "\(result.errors)")
            #expect(result.errors.contains("chmod o-w \(archives)"), "\(result.errors)")
        }
    }

    /// The disk is full at start: recovery cannot save the torn tail, so it cuts nothing; the daemon starts, and its
    /// members go in only after the tail is cut, once space returns.
    @Test(.enabled(if: geteuid() == 0, "mounting a small tmpfs needs root"))
    func aFullDiskAtStartCutsNothingAndAppendsOnlyAfterAWholeMember() throws {
        let (directory, archives) = try Self.directoryWithArchives()
        try Tool.mountTmpfs(at: archives, size: "512k")
        defer { _ = try? Tool.run(["umount", archives]) }
        let path = "\(archives)/\(archiveName(Self.today()))"
        #expect(try Tool.run(["sh", "-c", "gzip -c > '\(path)'"], stdin: "{\"msgid\":\"-5\"}\n").status == 0)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        let garbage = Data(String(repeating: "torn", count: 50_000).utf8)
        try (whole + garbage).write(to: URL(fileURLWithPath: path))
        _ = try Tool.run(["dd", "if=/dev/zero", "of=\(archives)/filler", "bs=4k", "count=200"])  // the rest
        let daemon = try self.daemon(directory: directory)
        defer { daemon.removeDirectory() }
        try daemon.waitForLog("cannot recover archive now")
        let sent = try Tool.run(
            ["activitylog", "send", "--port", String(daemon.port("tcp"))],
            stdin: "<13>1 2026-11-26T10:00:00Z host app - 1 - after the full disk\n"
        )
        #expect(sent.status == 0)
        usleep(500_000)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(size == whole.count + garbage.count, "nothing cut, nothing appended after the torn tail")
        #expect(unlink("\(archives)/filler") == 0)
        try daemon.waitForLog("cut torn tail of archive", timeout: 30)
        try self.waitForRecords(daemon, 1..<2)
        #expect(daemon.stop() == 0)
        #expect(try Tool.run(["gzip", "-t", path]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(path).torn-\(whole.count)")) == garbage)
    }

    /// A fresh directory with an `archive` directory in it.
    static func directoryWithArchives() throws -> (directory: String, archives: String) {
        let directory = try makeTemporaryDirectory("activitylogd")
        let archives = "\(directory)/archive"
        try FileManager.default.createDirectory(atPath: archives, withIntermediateDirectories: true)
        return (directory, archives)
    }

    /// `YYYY-MM-DD` in UTC (the default rotation zone), `offsetDays` from now.
    static func today(offsetDays: Int = 0) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date().addingTimeInterval(Double(offsetDays) * 86_400))
    }
}
