import ActivityModel
import ActivityRuntime
import Foundation
import Logging
import Testing
import ToolRunning

@testable import ActivityArchive

#if canImport(Glibc)
import Glibc
#endif

/// Archives written by other tools (an operator's `gzip -9`, a backup made with `zcat | gzip`, `pigz`, `bgzip`,
/// Python's `gzip`, two days joined with `cat`) are kept byte for byte, and our members are appended after them.
struct ForeignArchiveTests {
    private static let day = ArchiveDay(CivilDate(year: 2026, month: 11, day: 26))

    /// A foreign writer: its name, and the shell command that compresses `lines.txt` into `out.gz` in the folder.
    static let writers: [(name: String, command: String)] = [
        ("gzip -1", "gzip -1 -c lines.txt > out.gz"),
        ("gzip -9", "gzip -9 -c lines.txt > out.gz"),
        ("gzip -N, name and time in the header", "gzip -c -N lines.txt > out.gz"),
        (
            "python gzip",
            "python3 -c 'import gzip,sys; gzip.open(\"out.gz\",\"wb\").write(open(\"lines.txt\",\"rb\").read())'"
        ),
        ("pigz", "pigz -c -b 32 lines.txt > out.gz"),
        ("bgzip", "bgzip -c lines.txt > out.gz"),
        (
            "cat of two files",
            "head -c 9000 lines.txt | gzip > a.gz; tail -c +9001 lines.txt | gzip -9 > b.gz; cat a.gz b.gz > out.gz"
        ),
        ("ours then foreign then ours", "true"),
    ]

    /// Makes the foreign file with `command` from `lines` in `directory`, and returns its bytes.
    private func make(_ command: String, lines: [UInt8], in directory: TemporaryDirectory) throws -> [UInt8] {
        try Data(lines).write(to: URL(fileURLWithPath: directory.file("lines.txt")))
        let status = try Tool.run(["sh", "-c", "cd '\(directory.path)' && \(command)"]).status
        try #require(status == 0, "\(command)")
        return Array(try Data(contentsOf: URL(fileURLWithPath: directory.file("out.gz"))))
    }

    private func foreignFile(_ writer: String, _ command: String, in directory: TemporaryDirectory) throws -> [UInt8] {
        let lines = jsonLines(500)
        guard writer == "ours then foreign then ours" else {
            return try self.make(command, lines: lines, in: directory)
        }
        let foreign = try self.make("gzip -9 -c lines.txt > out.gz", lines: jsonLines(20, start: 100), in: directory)
        return try member(100) + foreign + (try member(380, start: 120))
    }

    /// The writers whose tool this machine has: `pigz` and `bgzip` (Debian's `tabix`) are not on a fresh machine;
    /// `.ci/run` installs them, so CI runs every writer.
    static let availableWriters = Self.writers.map(\.name).filter { name in
        guard let tool = ["pigz", "bgzip"].first(where: { name.hasPrefix($0) }) else { return true }
        return (try? Tool.run(["sh", "-c", "command -v \(tool)"]))?.status == 0
    }

    @Test(arguments: Self.availableWriters)
    func keepsEveryByteOfAForeignFileAndAppendsAfterIt(writer: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let command = Self.writers.first { $0.name == writer }!.command
        let bytes = try self.foreignFile(writer, command, in: directory)
        let archives = directory.file("archive")
        try FileManager.default.createDirectory(atPath: archives, withIntermediateDirectories: false)
        let path = "\(archives)/\(Self.day.fileName)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let before = Data(try Tool.run(["zcat", path]).output.utf8)
        #expect(before == Data(jsonLines(500)))

        let report = try ArchiveRecovery.recover(path: path, checker: GzipMemberChecker())
        #expect(report.bytesCut == 0, "\(writer): nothing cut")
        #expect(report.survey.damaged.isEmpty)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bytes, "\(writer): every byte kept")

        let files = try DailyArchiveFiles(
            directory: ArchiveDirectory(path: archives),
            logger: Logger(label: "test"),
            counters: AtomicCounters()
        )
        try files.append(try member(10, start: 500), day: Self.day, sync: true)
        files.closeAll()
        #expect(try Tool.run(["gzip", "-t", path]).status == 0)
        #expect(
            Data(try Tool.run(["zcat", path]).output.utf8) == Data(jsonLines(510)),
            "\(writer): zcat reads the whole"
        )
    }

    @Test func aForeignFileTornInItsLastMemberLosesOnlyThatMember() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try self.make("gzip -9 -c lines.txt > out.gz", lines: jsonLines(50), in: directory)
        let last = try self.make("gzip -1 -c lines.txt > out.gz", lines: jsonLines(50, start: 50), in: directory)
        let torn = Array(last.dropLast(3))
        let path = directory.file(Self.day.fileName)
        try Data(first + torn).write(to: URL(fileURLWithPath: path))
        let report = try ArchiveRecovery.recover(path: path, checker: GzipMemberChecker())
        #expect(report.recoveredSize == first.count)
        #expect(report.bytesCut == torn.count)
        let saved = try #require(report.savedTailPath)
        #expect(saved == "\(path).torn-\(first.count)")
        #expect(
            Array(try Data(contentsOf: URL(fileURLWithPath: saved))) == torn,
            "the copy holds exactly the cut bytes"
        )
        #expect(Data(try Tool.run(["zcat", path]).output.utf8) == Data(jsonLines(50)))
    }

    @Test func aForeignMemberWithABadChecksumAtTheEndIsCut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try self.make("gzip -c lines.txt > out.gz", lines: jsonLines(50), in: directory)
        var last = try self.make("gzip -c lines.txt > out.gz", lines: jsonLines(50, start: 50), in: directory)
        last[last.count - 6] ^= 0xFF  // CRC-32
        let path = directory.file(Self.day.fileName)
        try Data(first + last).write(to: URL(fileURLWithPath: path))
        let report = try ArchiveRecovery.recover(path: path, checker: GzipMemberChecker())
        #expect(report.recoveredSize == first.count)
        #expect(report.savedTailPath != nil)
    }

    @Test func aCorruptMemberInTheMiddleLeavesTheFileUntouched() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Our members are trusted by their headers in the middle of a file; a foreign one is inflated, so its damage
        // is seen. Either way nothing after it is cut.
        let head = try member(20)
        var middle = try self.make("gzip -c lines.txt > out.gz", lines: jsonLines(20, start: 20), in: directory)
        for index in 12..<22 { middle[index] ^= 0x5A }
        let rest = try self.make("gzip -c lines.txt > out.gz", lines: jsonLines(20, start: 40), in: directory)
        let bytes = head + middle + rest + (try member(20, start: 60))
        let path = directory.file(Self.day.fileName)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let report = try ArchiveRecovery.recover(path: path, checker: GzipMemberChecker())
        #expect(report.bytesCut == 0)
        #expect(report.survey.damaged == [.init(offset: head.count, length: middle.count, isAllZero: false)])
        #expect(report.survey.tail == nil, "it ends with a whole member, so our members may follow")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
    }

    @Test func zerosInTheMiddleAreReportedNotCut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bytes = try member(5) + [UInt8](repeating: 0, count: 4096) + (try member(5, start: 5))
        let path = directory.file(Self.day.fileName)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let report = try ArchiveRecovery.recover(path: path, checker: GzipMemberChecker())
        #expect(report.survey.damaged.map(\.isAllZero) == [true])
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
    }
}
