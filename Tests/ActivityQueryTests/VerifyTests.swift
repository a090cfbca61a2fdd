import ActivityArchive
import ActivityModel
import ActivityQuery
import Foundation
import Testing

/// `verify` against planted lies: a header field that disagrees with its member, lines outside the schema.
struct VerifyTests {
    /// One of our members holding `lines`, with the header stating `first` to `last`.
    private func member(_ lines: [String], first: Timestamp, last: Timestamp) throws -> [UInt8] {
        let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        return try bytes.withUnsafeBytes {
            try GzipMember.encode(
                lines: $0,
                recordCount: lines.count,
                firstReceived: first,
                lastReceived: last,
                compressor: CompressionEngine.zlib.makeCompressor(level: 6)
            ).bytes
        }
    }

    private func verify(_ members: [[UInt8]]) throws -> ArchiveVerifier.FileReport {
        let directory = try ArchiveFixture.makeDirectory("verify")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/activity-2026-11-23.jsonl.gz"
        try Data(members.joined()).write(to: URL(fileURLWithPath: path))
        return try ArchiveVerifier(threads: 2).verify(path: path)
    }

    private let first = Timestamp(utc: CivilDate(year: 2026, month: 11, day: 23), hour: 1, minute: 0, second: 0)
    private var lines: [String] {
        [
            #"{"received":"2026-11-23T01:00:00.000000Z","severity":"info","msg":"one"}"#,
            #"{"received":"2026-11-23T01:00:01.000000Z","host":"a","sd":{"x@1":{"p":["1","2"]}},"msg":"two"}"#,
        ]
    }

    @Test func aWholeArchiveChecksOut() throws {
        let good = try self.member(self.lines, first: self.first, last: self.first.adding(seconds: 1))
        let report = try self.verify([good, good])
        #expect(report.problems == [])
        #expect(report.members == 2)
        #expect(report.records == 4)
        #expect(report.firstReceived == "2026-11-23T01:00:00.000000Z")
        #expect(report.lastReceived == "2026-11-23T01:00:01.000000Z")
    }

    @Test func aHeaderThatMisstatesItsRecordsOrTimesIsFound() throws {
        let good = try self.member(self.lines, first: self.first, last: self.first.adding(seconds: 1))
        var miscounted = good
        miscounted[12 + 12] = 3
        let wrongTimes = try self.member(self.lines, first: self.first, last: self.first.adding(seconds: 9))
        let report = try self.verify([good, miscounted, wrongTimes])
        #expect(report.problems.map(\.offset) == [good.count, 2 * good.count])
        #expect(report.problems[0].reason == "header states 3 records, the member holds 2")
        #expect(
            report.problems[1].reason.hasPrefix(
                "header states received 2026-11-23T01:00:00.000000Z to 2026-11-23T01:00:09"
            )
        )
    }

    @Test func linesOutsideTheSchemaAreFound() throws {
        let cases: [(String, String)] = [
            (#"{"msg":"no received"}"#, "no \"received\""),
            (#"{"received":"2026-11-23T01:00:00Z"}"#, "\"received\" is not an RFC 3339 UTC time"),
            (#"{"received":"2026-11-23T01:00:00.000000Z","colour":"red"}"#, "unknown key \"colour\""),
            (#"{"msg":"x","received":"2026-11-23T01:00:00.000000Z"}"#, "key \"received\" out of order or repeated"),
            (#"{"received":"2026-11-23T01:00:00.000000Z","severity":"loud"}"#, "unknown severity"),
            (#"{"received":"2026-11-23T01:00:00.000000Z","sd":{"x":"y"}}"#, "\"sd\" is not an object of parameters"),
            (#"{"received":"2026-11-23T01:00:00.000000Z","msg":"cut"#, "not one JSON object"),
            (#"{"received":"2026-11-23T01:00:00.000000Z"} trailing"#, "not one JSON object"),
        ]
        for (line, reason) in cases {
            let member = try self.member([line], first: self.first, last: self.first)
            let report = try self.verify([member])
            #expect(report.problems.first?.reason == "record 1: \(reason)", "\(line)")
        }
    }
}
