import ActivityArchive
import ActivityModel
import Foundation
import Testing
import ToolRunning

/// A corrupt member in the middle, a torn tail and a file written by plain `gzip`: `query` reports each with file
/// and offset and still returns every other record; `verify` finds each.
struct DamagedArchiveTests {
    /// One day written by the real writer, its lines, and its members.
    private struct Day {
        let directory: String
        let path: String
        let lines: [String]
        let members: [ArchiveScanner.Member]

        init(_ name: String) throws {
            self.directory = try ArchiveFixture.makeDirectory(name)
            try ArchiveFixture.write(
                days: 1,
                recordsPerDay: 2000,
                startDay: ArchiveFixture.firstDay,
                into: self.directory
            )
            self.path = try #require(try ArchiveFixture.archiveFiles(in: self.directory).first)
            self.lines = try Tool.zcat([self.path])
            self.members = try ArchiveScanner.walk(path: self.path).members
        }

        /// The lines of every member but the one at `index`.
        func lines(without index: Int) -> [String] {
            let start = self.members[..<index].reduce(0) { $0 + $1.extra.recordCount }
            return Array(self.lines[..<start] + self.lines[(start + self.members[index].extra.recordCount)...])
        }

        /// Overwrites bytes of the file.
        func overwrite(at offset: Int, with bytes: [UInt8]) throws {
            let handle = try #require(FileHandle(forUpdatingAtPath: self.path))
            try handle.seek(toOffset: UInt64(offset))
            try handle.write(contentsOf: Data(bytes))
            try handle.close()
        }

        func remove() { try? FileManager.default.removeItem(atPath: self.directory) }
    }

    @Test func corruptDataInAMiddleMemberIsReportedAndTheRestReturned() throws {
        let day = try Day("corrupt")
        defer { day.remove() }
        let victim = day.members[day.members.count / 2]
        try day.overwrite(at: victim.offset + GzipMember.headerLength + 40, with: [UInt8](repeating: 0xA5, count: 64))

        let query = try Tool.run(["activitylog", "query", "--dir", day.directory])
        #expect(query.status == 2)
        #expect(query.errors.contains("\(day.path): offset \(victim.offset): corrupt member"), "\(query.errors)")
        #expect(query.lines == day.lines(without: day.members.count / 2))

        let verify = try Tool.run(["activitylog", "verify", "--dir", day.directory])
        #expect(verify.status == 1)
        #expect(verify.errors.contains("\(day.path): offset \(victim.offset): "), "\(verify.errors)")
    }

    @Test func aMemberHeaderOverwrittenInTheMiddleIsSkippedUpToTheNextMember() throws {
        let day = try Day("garbage")
        defer { day.remove() }
        let index = day.members.count / 3
        let victim = day.members[index]
        try day.overwrite(at: victim.offset, with: [UInt8](repeating: 0x20, count: GzipMember.headerLength))

        let query = try Tool.run(["activitylog", "query", "--dir", day.directory])
        #expect(query.status == 2)
        #expect(
            query.errors.contains(
                "offset \(victim.offset): not a gzip member: \(victim.extra.memberLength) bytes skipped"
            ),
            "\(query.errors)"
        )
        #expect(query.lines == day.lines(without: index))
        let verify = try Tool.run(["activitylog", "verify", day.path])
        #expect(verify.status == 1)
        #expect(verify.errors.contains("offset \(victim.offset): not a gzip member"))
    }

    @Test func aTornTailIsReportedWithItsOffset() throws {
        let day = try Day("torn")
        defer { day.remove() }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: day.path)[.size] as? Int)
        let first = day.members[0]
        let half = try Data(contentsOf: URL(fileURLWithPath: day.path)).prefix(first.extra.memberLength / 2)
        let handle = try #require(FileHandle(forWritingAtPath: day.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: half)
        try handle.close()

        let query = try Tool.run(["activitylog", "query", "--dir", day.directory])
        #expect(query.status == 2)
        #expect(query.errors.contains("\(day.path): offset \(size): torn member"), "\(query.errors)")
        #expect(query.lines == day.lines)

        let verify = try Tool.run(["activitylog", "verify", "--dir", day.directory])
        #expect(verify.status == 1)
        #expect(verify.errors.contains("offset \(size): torn member"))
        #expect(verify.output.contains("\(day.members.count) members, \(day.lines.count) records"))
    }

    @Test func aFileWrittenByGzipIsReadByInflating() throws {
        let directory = try ArchiveFixture.makeDirectory("gzip")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let lines = Array(ArchiveFixture.week.lines.prefix(1500))
        let plain = "\(directory)/activity-2026-11-23.jsonl"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: plain))
        try #require(try Tool.run(["gzip", "-6", plain]).status == 0)

        let all = try Tool.run(["activitylog", "query", "--dir", directory])
        #expect(all.status == 0)
        #expect(all.lines == lines)
        let hour = try Tool.run([
            "activitylog",
            "query", "--dir", directory, "--since", "2026-11-23T10:00:00Z", "--until", "2026-11-23T11:00:00Z", "--user",
            "root",
        ])
        #expect(
            hour.lines
                == lines.map(ReferenceRecord.init).filter {
                    $0["received"]!.hasPrefix("2026-11-23T10:") && $0["user"] == "root"
                }.map(\.line)
        )

        let verify = try Tool.run(["activitylog", "verify", "--dir", directory])
        #expect(verify.status == 0, "\(verify.errors)")
        #expect(verify.output.contains("1 members, 1500 records, \(ReferenceRecord(lines[0])["received"]!) to"))
    }

    @Test func aMissingDirectoryIsReportedAndTheOthersSearched() throws {
        let result = try Tool.run([
            "activitylog",
            "query", "--dir", "/nonexistent-archive", "--dir", ArchiveFixture.week.directory, "--limit", "3",
        ])
        #expect(result.status == 2)
        #expect(result.errors.contains("/nonexistent-archive: No such file or directory"))
        #expect(result.lines.count == 3)
    }

    @Test func aCleanWeekVerifies() throws {
        let result = try Tool.run(["activitylog", "verify", "--dir", ArchiveFixture.week.directory])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.lines.count == 7)
        #expect(result.lines[0].contains("activity-2026-11-23.jsonl.gz: "))
        #expect(result.lines[0].contains(" 1500 records, 2026-11-23T00:00:00.000000Z to 2026-11-23T23:"))
    }
}
