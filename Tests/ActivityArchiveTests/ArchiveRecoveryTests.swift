import ActivityArchive
import Foundation
import Testing
import ToolRunning

#if canImport(Glibc)
import Glibc
#endif

/// Recovery of files our writer tore: only the provably torn tail goes, and its bytes are saved beside the file.
struct ArchiveRecoveryTests {
    /// Writes `members` then `tail` to a fresh archive file and recovers it.
    private func recover(
        members: [[UInt8]],
        tail: [UInt8]
    ) throws -> (report: ArchiveRecovery.Report, text: Data, gzipTest: Int32, saved: [UInt8]?) {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("activity-2026-11-26.jsonl.gz")
        try Data(members.joined() + tail).write(to: URL(fileURLWithPath: path))
        let report = try ArchiveRecovery.recover(path: path, checker: GzipMemberChecker())
        let saved = try report.savedTailPath.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        guard size > 0 else { return (report, Data(), 0, saved) }
        return (
            report, Data(try Tool.run(["zcat", path]).output.utf8), try Tool.run(["gzip", "-t", path]).status, saved
        )
    }

    @Test func cutsATornMemberAtEveryLengthAndSavesTheCutBytes() throws {
        let whole = [try member(40), try member(40, start: 40)]
        let torn = try member(40, start: 80)
        for length in 0..<torn.count {
            let (report, text, test, saved) = try self.recover(members: whole, tail: Array(torn.prefix(length)))
            #expect(report.bytesCut == length)
            #expect(report.membersKept == 2)
            #expect(test == 0, "gzip -t after cutting a member torn at \(length)")
            #expect(text == Data(jsonLines(80)))
            #expect(saved == (length == 0 ? nil : Array(torn.prefix(length))), "the copy holds exactly the cut bytes")
        }
    }

    @Test func cutsRandomGarbageAndKeepsACopy() throws {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let garbage = (0..<Int.random(in: 1..<3000, using: &random)).map { _ in
                UInt8.random(in: 1...255, using: &random)
            }
            let (report, text, test, saved) = try self.recover(members: [try member(10)], tail: garbage)
            #expect(report.bytesCut == garbage.count)
            #expect(test == 0)
            #expect(text == Data(jsonLines(10)))
            #expect(saved == garbage)
        }
    }

    @Test func cutsAFullLengthMemberWhoseBlocksAreZero() throws {
        var zeroed = try member(40, start: 40)
        for index in GzipMember.headerLength..<zeroed.count { zeroed[index] = 0 }
        let (report, text, test, saved) = try self.recover(members: [try member(40)], tail: zeroed)
        #expect(report.membersKept == 1)
        #expect(report.bytesCut == zeroed.count)
        #expect(test == 0)
        #expect(text == Data(jsonLines(40)))
        #expect(saved == zeroed)
    }

    @Test func cutsZeroBytesWithoutACopy() throws {
        let (report, text, test, saved) = try self.recover(
            members: [try member(5)],
            tail: [UInt8](repeating: 0, count: 8192)
        )
        #expect(report.bytesCut == 8192)
        #expect(report.savedTailPath == nil)
        #expect(saved == nil)
        #expect(test == 0)
        #expect(text == Data(jsonLines(5)))
    }

    @Test func aFileOfZerosBecomesEmptyAndStays() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("activity-2026-11-26.jsonl.gz")
        try Data(count: 4096).write(to: URL(fileURLWithPath: path))
        let report = try ArchiveRecovery.recover(path: path, checker: GzipMemberChecker())
        #expect(report.recoveredSize == 0)
        #expect(report.savedTailPath == nil)
        #expect(FileManager.default.fileExists(atPath: path), "recovery never removes a file")
    }

    @Test func aFileWithNoWholeMemberIsKeptAsACopyNotRemoved() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("activity-2026-11-26.jsonl.gz")
        let torn = Array(try member(5).prefix(30))
        try Data(torn).write(to: URL(fileURLWithPath: path))
        let report = try ArchiveRecovery.recover(path: path, checker: GzipMemberChecker())
        #expect(report.recoveredSize == 0)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(report.savedTailPath == "\(path).torn-0")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: "\(path).torn-0"))) == torn)
    }

    @Test func aSecondCutAtTheSameOffsetKeepsBothCopies() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("activity-2026-11-26.jsonl.gz")
        let whole = try member(5)
        for garbage in [[UInt8](repeating: 7, count: 10), [UInt8](repeating: 9, count: 20)] {
            try Data(whole + garbage).write(to: URL(fileURLWithPath: path))
            _ = try ArchiveRecovery.recover(path: path, checker: GzipMemberChecker())
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(path).torn-\(whole.count)")).count == 10)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(path).torn-\(whole.count).2")).count == 20)
    }

    @Test func aReadOnlyFileIsNeverCut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("activity-2026-11-26.jsonl.gz")
        let bytes = try member(5) + [1, 2, 3]
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o444) == 0)
        let report = try ArchiveRecovery.recover(path: path, checker: GzipMemberChecker())
        #expect(report.isReadOnly)
        #expect(report.bytesCut == 0)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
    }

    @Test func aDirectoryOrLinkUnderTheNameIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = directory.file("activity-2026-11-26.jsonl.gz")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        #expect(throws: ArchiveError.self) { try ArchiveRecovery.recover(path: folder, checker: GzipMemberChecker()) }
        let link = directory.file("activity-2026-11-27.jsonl.gz")
        #expect(symlink(folder, link) == 0)
        #expect(throws: ArchiveError.self) { try ArchiveRecovery.recover(path: link, checker: GzipMemberChecker()) }
    }

    @Test func leavesAnIntactFileAlone() throws {
        let (report, text, test, saved) = try self.recover(members: [try member(5), try member(5, start: 5)], tail: [])
        #expect(report.bytesCut == 0)
        #expect(report.membersKept == 2)
        #expect(test == 0)
        #expect(text == Data(jsonLines(10)))
        #expect(saved == nil)
    }

    @Test func aMemberWhoseHeaderStatesAWrongLengthIsMeasuredByInflating() throws {
        var first = try member(5)
        // Claim 4 bytes fewer than the member has: the header disagrees with the bytes.
        let stated = first.count - 4
        first.replaceSubrange(20..<24, with: withUnsafeBytes(of: UInt32(stated).littleEndian) { Array($0) })
        let (report, text, _, _) = try self.recover(members: [first, try member(5, start: 5)], tail: [])
        #expect(report.bytesCut == 0)
        #expect(report.membersKept == 2)
        #expect(text == Data(jsonLines(10)))
    }

    @Test(.enabled(if: Tool.canMountTmpfs, "needs root to mount a small tmpfs"))
    func aTailThatCannotBeSavedIsNotCut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let mountPoint = try directory.mountSmallDisk()
        defer { _ = try? Tool.run(["umount", mountPoint]) }
        let path = "\(mountPoint)/activity-2026-11-26.jsonl.gz"
        let bytes = try member(5) + (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        _ = try Tool.run(["dd", "if=/dev/zero", "of=\(mountPoint)/filler", "bs=4k", "count=1000"])
        #expect {
            try ArchiveRecovery.recover(path: path, checker: GzipMemberChecker())
        } throws: { ($0 as? ArchiveError)?.isOutOfSpace == true }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bytes, "nothing cut without a copy")
        #expect(!FileManager.default.fileExists(atPath: "\(path).torn-\(try member(5).count)"), "no partial copy left")
    }
}
