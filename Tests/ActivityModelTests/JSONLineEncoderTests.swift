import ActivityModel
import Foundation
import Testing

struct JSONLineEncoderTests {
    private let received = Timestamp(microsecondsSinceEpoch: 1_795_704_069_120_000)

    /// A record whose text is `text`, with spans located by the substrings given.
    private func record(
        _ text: String,
        _ configure: (inout ActivityRecord, (String) -> TextSpan) -> Void
    ) -> ActivityRecord {
        var record = ActivityRecord()
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { record.reset(message: $0, received: self.received) }
        let find = { (part: String) -> TextSpan in
            let range = text.range(of: part)!
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            return TextSpan(start: start, end: start + part.utf8.count)
        }
        configure(&record, find)
        return record
    }

    @Test func minimalRecordHasOnlyTheAlwaysPresentKeys() {
        let line = JSONLineEncoder.line(ActivityRecord(received: self.received))
        #expect(
            line
                == "{\"received\":\"2026-11-26T14:41:09.120000Z\",\"facility\":\"user\",\"severity\":\"notice\",\"format\":\"raw\"}\n"
        )
    }

    @Test func writesEveryKeyInDesignOrder() {
        let record = self.record("H A P M U E R O id n v w body") { record, find in
            record.time = Timestamp(microsecondsSinceEpoch: 1_065_910_455_003_000)
            record.facility = .auth
            record.severity = .crit
            record.host = find("H")
            record.app = find("A")
            record.procid = find("P")
            record.msgid = find("M")
            record.user = find("U")
            record.event = find("E")
            record.resource = find("R")
            record.outcome = find("O")
            record.structuredData.values = [find("v"), find("w")]
            record.structuredData.params = [StructuredData.Param(name: find("n"), values: 0..<2)]
            record.structuredData.elements = [StructuredData.Element(id: find("id"), params: 0..<1)]
            record.msg = find("body")
            record.setSource("10.0.0.5")
            record.transport = .tls
            record.format = .rfc5424
            record.truncated = true
        }
        let expected =
            "{\"time\":\"2003-10-11T22:14:15.003000Z\",\"received\":\"2026-11-26T14:41:09.120000Z\","
            + "\"facility\":\"auth\",\"severity\":\"crit\",\"host\":\"H\",\"app\":\"A\",\"procid\":\"P\",\"msgid\":\"M\","
            + "\"user\":\"U\",\"event\":\"E\",\"resource\":\"R\",\"outcome\":\"O\",\"sd\":{\"id\":{\"n\":[\"v\",\"w\"]}},"
            + "\"msg\":\"body\",\"source\":\"10.0.0.5\",\"transport\":\"tls\",\"format\":\"rfc5424\",\"truncated\":true}\n"
        #expect(JSONLineEncoder.line(record) == expected)
    }

    @Test func unescapesParamValuesAndEscapesForJSON() {
        let record = self.record(#"a\"b\\c\]d\x"#) { record, _ in
            record.msg = TextSpan(start: 0, end: #"a\"b\\c\]d\x"#.utf8.count, isEscapedParamValue: true)
        }
        #expect(JSONLineEncoder.line(record).contains(#""msg":"a\"b\\c]d\\x""#))
        #expect(record.string(\.msg) == #"a"b\c]d\x"#)
    }

    @Test func elementWithoutParamsIsAnEmptyObject() {
        let record = self.record("origin") { record, find in
            record.structuredData.elements = [StructuredData.Element(id: find("origin"), params: 0..<0)]
        }
        #expect(JSONLineEncoder.line(record).contains(#""sd":{"origin":{}}"#))
    }

    @Test func hostileTextStaysOneValidLine() throws {
        var bytes: [UInt8] = Array(0...255)
        bytes += [0xE2, 0x80, 0xA8, 0x0A, 0x0D, 0x22, 0x5C]
        var record = ActivityRecord(received: self.received)
        bytes.withUnsafeBytes { record.reset(message: $0, received: self.received) }
        record.msg = TextSpan(start: 0, end: bytes.count)
        record.host = TextSpan(start: 0, end: bytes.count)
        var buffer = LineBuffer()
        JSONLineEncoder.append(record, to: &buffer)
        let line = buffer.bytes
        #expect(line.last == 0x0A)
        #expect(line.dropLast().allSatisfy { $0 >= 0x20 && $0 != 0x7F })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(object["msg"] as? String == String(decoding: bytes, as: UTF8.self))
    }

    /// Short fields (4 to 16 plain bytes take a one-test path) meet a byte that needs escaping, or is not ASCII, at
    /// every position, at the start, middle and end of the record's text, and still decode to their text.
    @Test func shortFieldsWithASpecialByteAtEveryPositionDecodeToTheirText() throws {
        let specials: [[UInt8]] = [
            [0x22], [0x5C], [0x0A], [0x1F], [0x7F], [0x20], [0x7E], [0xFF], [0xC3, 0xA9], [0xE2, 0x80, 0xA8],
        ]
        var mismatches: [String] = []
        for length in 1..<20 {
            for position in 0..<length {
                for special in specials {
                    var field = [UInt8](repeating: UInt8(ascii: "u"), count: length)
                    field.replaceSubrange(position..<position + 1, with: special)
                    for (before, after) in [([UInt8](), [UInt8]()), (Array("a ".utf8), Array(" z".utf8))] {
                        let text = before + field + after
                        var record = ActivityRecord(received: self.received)
                        text.withUnsafeBytes { record.reset(message: $0, received: self.received) }
                        record.user = TextSpan(start: before.count, end: before.count + field.count)
                        var buffer = LineBuffer()
                        JSONLineEncoder.append(record, to: &buffer)
                        let object = try JSONSerialization.jsonObject(with: Data(buffer.bytes)) as? [String: Any]
                        if object?["user"] as? String != String(decoding: field, as: UTF8.self) {
                            mismatches.append("\(field): \(String(decoding: buffer.bytes, as: UTF8.self))")
                        }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// A word of the vocabulary is a span of the constant itself: written and read without being copied into the
    /// record's text.
    @Test func staticTextSpansAreWrittenFromTheConstant() {
        let record = self.record("sshd said something") { record, find in
            record.app = find("sshd")
            record.event = TextSpan(staticText: "session-open")
            record.outcome = TextSpan(staticText: "ok")
        }
        #expect(record.string(\.event) == "session-open")
        #expect(record.textCount == "sshd said something".utf8.count)
        #expect(JSONLineEncoder.line(record).contains(#""app":"sshd","event":"session-open","outcome":"ok""#))
        #expect(TextSpan(staticText: "x-y").isStaticText && TextSpan(staticText: "x-y").count == 3)
        #expect(!TextSpan(start: 3, end: 5).isStaticText)
    }

    @Test func lineBufferGrowsAndKeepsEarlierLines() {
        var buffer = LineBuffer(capacity: 16)
        for _ in 0..<1000 { JSONLineEncoder.append(ActivityRecord(received: self.received), to: &buffer) }
        let text = String(decoding: buffer.bytes, as: UTF8.self)
        #expect(text.split(separator: "\n").count == 1000)
        #expect(Set(text.split(separator: "\n")).count == 1)
        buffer.removeAll()
        #expect(buffer.isEmpty)
    }
}
