import ActivityModel
import Foundation
import Testing
import ToolRunning

/// `activitylog query` over a week written by the real writer: each filter and combination selects exactly the
/// records a reference filter over `zcat` selects, in the same order.
struct QueryCommandTests {
    private let fixture = ArchiveFixture.week
    private var records: [ReferenceRecord] { self.fixture.lines.map(ReferenceRecord.init) }

    /// Runs `query --dir WEEK arguments` and expects the lines `reference` keeps, in order.
    private func expectQuery(_ arguments: [String], _ reference: (ReferenceRecord) -> Bool) throws {
        let result = try Tool.run(["activitylog", "query", "--dir", self.fixture.directory] + arguments)
        let expected = self.records.filter(reference).map(\.line)
        #expect(!expected.isEmpty, "\(arguments): the fixture should hold such records")
        #expect(result.status == (expected.isEmpty ? 1 : 0), "\(arguments): \(result.errors)")
        #expect(result.lines == expected, "\(arguments): \(result.lines.count) lines, expected \(expected.count)")
    }

    @Test func everyRecordInArchiveOrderWithoutFilters() throws {
        try self.expectQuery([]) { _ in true }
    }

    @Test func eachFieldFilter() throws {
        let records = self.records
        let fields = ["host", "app", "user", "event", "resource", "outcome", "client", "source", "msgid", "facility"]
        for field in fields {
            // The value of the hundredth record that has the field: not always the first one seen.
            let value = try #require(records.filter { $0[field] != nil }.dropFirst(100).first?[field], "\(field)")
            try self.expectQuery(["--\(field)", value]) { $0[field] == value }
        }
    }

    @Test func globsAndRepeatedValues() throws {
        try self.expectQuery(["--host", "web-*"]) { $0["host"]?.hasPrefix("web-") == true }
        try self.expectQuery(["--app", "*d"]) { $0["app"]?.hasSuffix("d") == true }
        try self.expectQuery(["--user", "root", "--user", "alice"]) { ["root", "alice"].contains($0["user"] ?? "") }
        try self.expectQuery(["--user", "o\"brien"]) { $0["user"] == "o\"brien" }
    }

    @Test func severityThatOrWorseAndRanges() throws {
        let order = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"]
        func rank(_ record: ReferenceRecord) -> Int { order.firstIndex(of: record["severity"] ?? "") ?? 99 }
        try self.expectQuery(["--severity", "warning"]) { rank($0) <= 4 }
        try self.expectQuery(["--severity", "err..emerg"]) { rank($0) <= 3 }
        try self.expectQuery(["--severity", "notice..info"]) { (5...6).contains(rank($0)) }
    }

    @Test func combinationsAreAnded() throws {
        try self.expectQuery(["--user", "root", "--outcome", "failure"]) {
            $0["user"] == "root" && $0["outcome"] == "failure"
        }
        try self.expectQuery(["--app", "sshd", "--event", "login", "--outcome", "failure", "--severity", "info"]) {
            $0["app"] == "sshd" && $0["event"] == "login" && $0["outcome"] == "failure"
                && ["emerg", "alert", "crit", "err", "warning", "notice", "info"].contains($0["severity"] ?? "")
        }
    }

    @Test func textFilters() throws {
        try self.expectQuery(["--grep", "Accepted publickey"]) { $0.line.contains("Accepted publickey") }
        try self.expectQuery(["--grep", "Accepted", "--grep", "Failed"]) {
            $0.line.contains("Accepted") || $0.line.contains("Failed")
        }
        try self.expectQuery(["--grep", "root", "--outcome", "success"]) {
            $0.line.contains("root") && $0["outcome"] == "success"
        }
        try self.expectQuery(["--regex", "^Failed password for (invalid user )?[a-z]+ from"]) {
            ($0["msg"] ?? "").range(of: "^Failed password for (invalid user )?[a-z]+ from", options: .regularExpression)
                != nil
        }
        try self.expectQuery(["--regex", "quote \" back \\\\ done é"]) {
            $0["msg"]?.contains("quote \" back \\ done é") == true
        }
    }

    @Test func structuredDataParameters() throws {
        try self.expectQuery(["--sd", "audit@32473.user=root"]) {
            $0.structuredData("audit@32473", "user").contains("root")
        }
        try self.expectQuery(["--sd", "audit@32473.action=log*"]) {
            $0.structuredData("audit@32473", "action").contains { $0.hasPrefix("log") }
        }
    }

    @Test func timeRangeReadsOnlyTheMembersItNeeds() throws {
        let since = "2026-11-25T14:00:00Z"
        let until = "2026-11-25T15:00:00Z"
        try self.expectQuery(["--since", since, "--until", until]) {
            let received = $0["received"]!
            return received >= "2026-11-25T14:00:00.000000Z" && received < "2026-11-25T15:00:00.000000Z"
        }
        let result = try Tool.run([
            "activitylog",
            "query", "--dir", self.fixture.directory, "--since", since, "--until", until, "--stats", "--count",
        ])
        let stats = try #require(result.errors.split(separator: "\n").last.map(String.init))
        let all = try Tool.run(["activitylog", "query", "--dir", self.fixture.directory, "--stats", "--count"])
        let allStats = try #require(all.errors.split(separator: "\n").last.map(String.init))
        let inflated = try #require(Self.number("members inflated", in: stats))
        let totalMembers = try #require(Self.number("members inflated", in: allStats))
        #expect(inflated >= 1 && inflated <= 3, "\(stats)")
        #expect(try #require(Self.number("members skipped by header", in: stats)) > 0)
        #expect(try #require(Self.number("files opened", in: stats)) <= 2, "\(stats)")
        #expect(totalMembers > 20 * inflated, "\(allStats)")
    }

    @Test func dayWordsAndDates() throws {
        try self.expectQuery(["--since", "2026-11-27", "--until", "2026-11-28"]) {
            $0["received"]!.hasPrefix("2026-11-27")
        }
    }

    @Test func reverseLimitAndCounts() throws {
        let all = self.records
        let reversed = try Tool.run([
            "activitylog", "query", "--dir", self.fixture.directory, "--reverse", "--limit", "25",
        ])
        #expect(reversed.lines == Array(all.reversed().prefix(25).map(\.line)))
        let first = try Tool.run([
            "activitylog", "query", "--dir", self.fixture.directory, "--limit", "7", "--user", "root",
        ])
        #expect(first.lines == Array(all.filter { $0["user"] == "root" }.prefix(7).map(\.line)))
        let count = try Tool.run([
            "activitylog", "query", "--dir", self.fixture.directory, "--count", "--outcome", "failure",
        ])
        #expect(count.output == "\(all.filter { $0["outcome"] == "failure" }.count)\n")
        let byUser = try Tool.run([
            "activitylog",
            "query", "--dir", self.fixture.directory, "--count-by", "user", "--limit", "3",
        ])
        var tally: [String: Int] = [:]
        for record in all { tally[record["user"] ?? "-", default: 0] += 1 }
        let top = tally.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(3)
        #expect(byUser.lines.map { $0.split(separator: " ").map(String.init) } == top.map { ["\($0.value)", $0.key] })
    }

    @Test func nothingSelectedExitsOne() throws {
        let result = try Tool.run(["activitylog", "query", "--dir", self.fixture.directory, "--user", "nobody-at-all"])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
    }

    @Test func usageErrorsExitTwo() throws {
        for arguments in [["--severity", "loud"], ["--since", "someday"], ["--sd", "novalue"], ["--regex", "("]] {
            let result = try Tool.run(["activitylog", "query", "--dir", self.fixture.directory] + arguments)
            #expect(result.status == 2, "\(arguments)")
        }
    }

    @Test func tableAndLogfmtFormats() throws {
        let table = try Tool.run([
            "activitylog", "query", "--dir", self.fixture.directory, "--format", "table", "--limit", "3",
        ])
        let first = ReferenceRecord(self.fixture.lines[0])
        #expect(table.lines.count == 3)
        #expect(table.lines[0].hasPrefix(first["received"]!.prefix(19).replacingOccurrences(of: "T", with: " ")))
        #expect(!table.output.contains("\u{1B}["), "no colour when not on a terminal")
        let logfmt = try Tool.run([
            "activitylog",
            "query", "--dir", self.fixture.directory, "--format", "logfmt", "--limit", "1",
        ])
        #expect(logfmt.output.hasPrefix("time=\(first["time"]!) received=\(first["received"]!) "))
    }

    @Test func severalDirectoriesMergeByReceived() throws {
        let second = try ArchiveFixture.makeDirectory("second")
        defer { try? FileManager.default.removeItem(atPath: second) }
        try ArchiveFixture.write(
            days: 1,
            recordsPerDay: 300,
            startDay: ArchiveFixture.firstDay.adding(days: 1),
            into: second,
            seed: 9
        )
        let other = try Tool.zcat(ArchiveFixture.archiveFiles(in: second))
        let result = try Tool.run([
            "activitylog",
            "query", "--dir", self.fixture.directory, "--dir", second, "--since", "2026-11-24", "--until", "2026-11-25",
        ])
        let expected = (self.fixture.lines + other).map(ReferenceRecord.init).filter {
            $0["received"]!.hasPrefix("2026-11-24")
        }
        #expect(result.lines.count == expected.count)
        let received = result.lines.map { ReferenceRecord($0)["received"]! }
        #expect(received == received.sorted())
        #expect(Set(result.lines) == Set(expected.map(\.line)))
    }

    @Test func withoutLibdeflateZlibInflatesTheSameRecords() throws {
        let zlib = ["ACTIVITYLOG_LIBDEFLATE": "/nonexistent/libdeflate.so.0"]
        let arguments = ["query", "--dir", self.fixture.directory, "--outcome", "failure", "--since", "2026-11-26"]
        let withZlib = try Tool.run(["activitylog"] + arguments, environment: zlib)
        #expect(withZlib.status == 0, "\(withZlib.errors)")
        #expect(withZlib.output == (try Tool.run(["activitylog"] + arguments)).output)
        let verify = try Tool.run(["activitylog", "verify", "--dir", self.fixture.directory], environment: zlib)
        #expect(verify.status == 0, "\(verify.errors)")
    }

    /// The number after `name ` in a `--stats` line.
    static func number(_ name: String, in stats: String) -> Int? {
        guard let range = stats.range(of: "\(name) ") else { return nil }
        return Int(stats[range.upperBound...].prefix { $0.isNumber })
    }
}
