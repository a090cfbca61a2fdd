import ActivityArchive
import Foundation
import Testing

struct ArchiveRecoveryTests {
    /// Writes `members` then `tail` to a fresh archive file and recovers it.
    private func recover(members: [[UInt8]], tail: [UInt8]) throws -> (ArchiveRecovery.Report, Data, Int32) {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("activity-2026-11-26.jsonl.gz")
        try Data(members.joined() + tail).write(to: URL(fileURLWithPath: path))
        let report = try ArchiveRecovery.recover(path: path, inflater: Inflater())
        guard FileManager.default.fileExists(atPath: path) else { return (report, Data(), 0) }
        let test = try run(["gzip", "-t", path]).status
        return (report, try run(["zcat", path]).output, test)
    }

    @Test func cutsATornMemberAtEveryLength() throws {
        let whole = [try member(40), try member(40, start: 40)]
        let torn = try member(40, start: 80)
        for length in 0..<torn.count {
            let (report, text, test) = try self.recover(members: whole, tail: Array(torn.prefix(length)))
            #expect(report.bytesCut == length)
            #expect(report.membersKept == 2)
            #expect(test == 0, "gzip -t after cutting a member torn at \(length)")
            #expect(text == Data(jsonLines(80)))
        }
    }

    @Test func cutsRandomGarbage() throws {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let garbage = (0..<Int.random(in: 1..<3000, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            let (report, text, test) = try self.recover(members: [try member(10)], tail: garbage)
            #expect(report.bytesCut == garbage.count)
            #expect(test == 0)
            #expect(text == Data(jsonLines(10)))
        }
    }

    @Test func cutsAFullLengthMemberWhoseBlocksAreZero() throws {
        var zeroed = try member(40, start: 40)
        for index in GzipMember.headerLength..<zeroed.count { zeroed[index] = 0 }
        let (report, text, test) = try self.recover(members: [try member(40)], tail: zeroed)
        #expect(report.membersKept == 1)
        #expect(report.bytesCut == zeroed.count)
        #expect(test == 0)
        #expect(text == Data(jsonLines(40)))
    }

    @Test func removesAFileWithNoWholeMember() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("activity-2026-11-26.jsonl.gz")
        try Data(try member(5).prefix(30)).write(to: URL(fileURLWithPath: path))
        let report = try ArchiveRecovery.recover(path: path, inflater: Inflater())
        #expect(report.recoveredSize == 0)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func leavesAnIntactFileAlone() throws {
        let (report, text, test) = try self.recover(members: [try member(5), try member(5, start: 5)], tail: [])
        #expect(report.bytesCut == 0)
        #expect(report.membersKept == 2)
        #expect(test == 0)
        #expect(text == Data(jsonLines(10)))
    }
}
