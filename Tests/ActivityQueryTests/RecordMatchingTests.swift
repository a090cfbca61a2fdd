import ActivityModel
import Foundation
import Testing

@testable import ActivityQuery

/// The pieces of raw-byte matching: fields found by their key (never inside `sd`), escapes, globs, time words.
struct RecordMatchingTests {
    private func value(_ field: RecordField, in line: String) -> String? {
        Array(line.utf8).withUnsafeBytes { field.value(in: $0) }
    }

    private func matches(_ filter: RecordFilter, _ line: String, checkTime: Bool = true) -> Bool {
        Array(line.utf8).withUnsafeBytes { filter.matches($0, checkTime: checkTime) }
    }

    @Test func aFieldIsFoundByItsKeyAndNeverInsideStructuredData() {
        let line =
            #"{"received":"2026-11-23T01:00:00.000000Z","host":"h","sd":{"x@1":{"user":"mallory","msg":"m"}},"msg":"hi \"user\":\"eve\"","source":"192.0.2.1"}"#
        #expect(self.value(.user, in: line) == nil)
        #expect(self.value(.host, in: line) == "h")
        #expect(self.value(.msg, in: line) == #"hi "user":"eve""#)
        #expect(self.value(.source, in: line) == "192.0.2.1")
        var filter = RecordFilter()
        filter.require(.user, oneOf: [FieldPattern("mallory")])
        #expect(!self.matches(filter, line))
    }

    @Test func escapedValuesAreComparedUnescaped() {
        let line = #"{"received":"2026-11-23T01:00:00.000000Z","user":"o\"brien\u00e9\ud83d\ude00","msg":"tab\there"}"#
        #expect(self.value(.user, in: line) == "o\"brien\u{E9}\u{1F600}")
        #expect(self.value(.msg, in: line) == "tab\there")
        var filter = RecordFilter()
        filter.require(.user, oneOf: [FieldPattern("o\"brien*")])
        #expect(self.matches(filter, line))
    }

    @Test func globs() {
        func glob(_ pattern: String, _ value: String) -> Bool {
            Array(value.utf8).withUnsafeBytes { FieldPattern(pattern).matches($0) }
        }
        #expect(glob("web-*", "web-01"))
        #expect(glob("*", ""))
        #expect(glob("a*b*c", "a-b-c"))
        #expect(glob("a*b*c", "abc"))
        #expect(!glob("a*b*c", "acb"))
        #expect(!glob("ab*ba", "aba"))
        #expect(glob("*.example.net", "db-02.example.net"))
        #expect(!glob("root", "root2"))
        #expect(glob("root", "root"))
    }

    @Test func timeRangeIsSinceInclusiveUntilExclusive() {
        let day = CivilDate(year: 2026, month: 11, day: 23)
        let filter = RecordFilter(
            range: TimeRange(
                since: Timestamp(utc: day, hour: 14, minute: 0, second: 0),
                until: Timestamp(utc: day, hour: 15, minute: 0, second: 0)
            )
        )
        func line(_ received: String) -> String { #"{"received":"\#(received)","msg":"x"}"# }
        #expect(self.matches(filter, line("2026-11-23T14:00:00.000000Z")))
        #expect(self.matches(filter, line("2026-11-23T14:59:59.999999Z")))
        #expect(!self.matches(filter, line("2026-11-23T15:00:00.000000Z")))
        #expect(!self.matches(filter, line("2026-11-23T13:59:59.999999Z")))
        #expect(!self.matches(filter, #"{"msg":"no received"}"#))
        #expect(self.matches(filter, #"{"msg":"no received"}"#, checkTime: false))
    }

    @Test func timeWords() {
        let now = Timestamp(utc: CivilDate(year: 2026, month: 12, day: 7), hour: 10, minute: 30, second: 0)
        func parse(_ text: String) -> String? { TimeBound.parse(text, now: now).map(RFC3339Formatter.string) }
        #expect(parse("today") == "2026-12-07T00:00:00.000000Z")
        #expect(parse("yesterday") == "2026-12-06T00:00:00.000000Z")
        #expect(parse("2026-11-30") == "2026-11-30T00:00:00.000000Z")
        #expect(parse("15m") == "2026-12-07T10:15:00.000000Z")
        #expect(parse("2h") == "2026-12-07T08:30:00.000000Z")
        #expect(parse("7d") == "2026-11-30T10:30:00.000000Z")
        #expect(parse("2026-12-06T15:00:00+01:00") == "2026-12-06T14:00:00.000000Z")
        #expect(parse("soon") == nil)
        #expect(parse("2026-02-30") == nil)
    }

    @Test func structuredDataPatterns() {
        let line =
            #"{"received":"2026-11-23T01:00:00.000000Z","sd":{"origin@32473.x":{"ip":["192.0.2.1","192.0.2.2"]},"a@1":{"k":"v\"q"}}}"#
        func sd(_ text: String) -> Bool {
            var filter = RecordFilter()
            filter.structuredData = [StructuredDataPattern(text)!]
            return self.matches(filter, line, checkTime: false)
        }
        #expect(sd("origin@32473.x.ip=192.0.2.2"))
        #expect(sd("origin@32473.x.ip=*.1"))
        #expect(!sd("origin@32473.x.ip=192.0.2.3"))
        #expect(sd("a@1.k=v\"q"))
        #expect(!sd("a@1.ip=192.0.2.1"))
        #expect(StructuredDataPattern("novalue") == nil)
        #expect(StructuredDataPattern(".p=v") == nil)
    }

    @Test func countTableIsMostFirstThenByValue() {
        var table = CountTable(field: .user)
        for user in ["b", "a", "b", "c", "a", "b"] {
            Array(#"{"received":"x","user":"\#(user)"}"#.utf8).withUnsafeBytes { table.add($0) }
        }
        Array(#"{"received":"x"}"#.utf8).withUnsafeBytes { table.add($0) }
        #expect(table.rendered() == "3 b\n2 a\n1 -\n1 c\n")
        #expect(table.rendered(limit: 1) == "3 b\n")
    }
}
