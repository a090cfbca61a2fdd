import ActivityArchive
import ActivityModel
import ActivityQuery
import Foundation
import Testing
import ToolRunning

/// `tail`: the last records of the newest file, then each whole member written after it started, across midnight
/// into the next day's file; never a member still being written.
struct TailTests {
    private func follower(_ directory: String, _ filter: RecordFilter = RecordFilter()) throws -> ArchiveFollower {
        try ArchiveFollower(query: ArchiveQuery(directories: [directory], filter: filter, threads: 2))
    }

    private func lastRecords(_ follower: ArchiveFollower, _ count: Int) throws -> [String] {
        var lines: [String] = []
        try follower.last(count) { problem in
            Issue.record("\(problem)")
        } record: { line in
            lines.append(String(decoding: line, as: UTF8.self))
        }
        return lines
    }

    private func newRecords(_ follower: ArchiveFollower) throws -> [String] {
        var lines: [String] = []
        try follower.poll { problem in
            Issue.record("\(problem)")
        } record: { line in
            lines.append(String(decoding: line, as: UTF8.self))
        }
        return lines
    }

    @Test func followsNewMembersAcrossMidnightIntoTheNextFile() throws {
        let directory = try ArchiveFixture.makeDirectory("tail")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let day = ArchiveFixture.firstDay
        try ArchiveFixture.write(days: 1, recordsPerDay: 400, startDay: day, into: directory, seed: 1)
        let before = try Tool.zcat(ArchiveFixture.archiveFiles(in: directory))
        let follower = try self.follower(directory)
        #expect(try self.lastRecords(follower, 5) == Array(before.suffix(5)))
        #expect(try self.newRecords(follower) == [])

        // The writer goes on: more of the same day (appended to its file), then the next day's file.
        try ArchiveFixture.write(days: 2, recordsPerDay: 300, startDay: day, into: directory, seed: 2)
        let after = try Tool.zcat(ArchiveFixture.archiveFiles(in: directory))
        #expect(try self.newRecords(follower) == Array(after.dropFirst(before.count)))
        #expect(try ArchiveFixture.archiveFiles(in: directory).count == 2)
        #expect(try self.newRecords(follower) == [])
    }

    @Test func aMemberStillBeingWrittenIsReadOnlyOnceWhole() throws {
        let directory = try ArchiveFixture.makeDirectory("tail-partial")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/activity-2026-11-23.jsonl.gz"
        let lines = Array(ArchiveFixture.week.lines.prefix(30))
        let member = try Array(lines.map { $0 + "\n" }.joined().utf8).withUnsafeBytes {
            try GzipMember.encode(
                lines: $0,
                recordCount: lines.count,
                firstReceived: Timestamp(microsecondsSinceEpoch: 0),
                lastReceived: Timestamp(microsecondsSinceEpoch: 0),
                compressor: CompressionEngine.zlib.makeCompressor(level: 6)
            ).bytes
        }
        try Data().write(to: URL(fileURLWithPath: path))
        let follower = try self.follower(directory, RecordFilter())
        #expect(try self.lastRecords(follower, 10) == [])

        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(member.prefix(20)))
        #expect(try self.newRecords(follower) == [])
        try handle.write(contentsOf: Data(member[20..<(member.count - 3)]))
        #expect(try self.newRecords(follower) == [])
        try handle.write(contentsOf: Data(member.suffix(3)))
        try handle.close()
        #expect(try self.newRecords(follower) == lines)
    }

    @Test func tailPrintsTheLastRecordsThatMatch() throws {
        let week = ArchiveFixture.week
        let lastDay = week.lines.map(ReferenceRecord.init).filter { $0["received"]!.hasPrefix("2026-11-29") }
        let result = try Tool.run(["activitylog", "tail", "--dir", week.directory, "-n", "4", "--outcome", "failure"])
        #expect(result.status == 0)
        #expect(result.lines == Array(lastDay.filter { $0["outcome"] == "failure" }.suffix(4).map(\.line)))
    }

    @Test func tailFollowPrintsWhatIsWrittenAfterItStarted() throws {
        let directory = try ArchiveFixture.makeDirectory("tail-f")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ArchiveFixture.write(
            days: 1,
            recordsPerDay: 100,
            startDay: ArchiveFixture.firstDay,
            into: directory,
            seed: 3
        )
        let process = Process()
        process.executableURL = Tool.productsDirectory.appendingPathComponent("activitylog")
        process.arguments = ["tail", "-f", "-n", "1", "--interval", "0.05", "--dir", directory]
        let output = "\(directory)/tail-output"
        try Data().write(to: URL(fileURLWithPath: output))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        try process.run()
        defer {
            // SIGKILL: a child of the test runner may inherit SIGTERM blocked.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        // The last record already there, printed, says the follower has its position: what comes now is new.
        let before = try Tool.zcat(ArchiveFixture.archiveFiles(in: directory))
        let printedBefore = try self.lines(of: output, atLeast: 1)
        try #require(printedBefore == Array(before.suffix(1)))
        try ArchiveFixture.write(
            days: 2,
            recordsPerDay: 50,
            startDay: ArchiveFixture.firstDay,
            into: directory,
            seed: 4
        )
        let expected = try Tool.zcat(ArchiveFixture.archiveFiles(in: directory)).suffix(101)
        #expect(try self.lines(of: output, atLeast: expected.count) == Array(expected))
    }

    /// The lines of `file` once it has `count` of them, or after 60 s.
    private func lines(of file: String, atLeast count: Int) throws -> [String] {
        var lines: [String] = []
        let deadline = Date().addingTimeInterval(60)
        while lines.count < count, Date() < deadline {
            usleep(50_000)
            lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        return lines
    }
}
