import ActivityModel
import SyslogCorpus
import SyslogParsing
import Testing

/// Batch parsing (``ParsedBatch``) must give every record exactly as parsing one message at a time does: the
/// extraction phase must reach each record once, after its message was parsed, whatever the batch's state.
struct ParsedBatchTests {
    private static let context = ReceptionContext(
        received: timestamp(defaultReceived),
        source: "192.0.2.7",
        transport: .tcp
    )

    private static func configuration() throws -> SyslogParserConfiguration {
        SyslogParserConfiguration(
            rfc3164TimeZone: .utc,
            extractionRules: [
                try ExtractionRule(app: "shop", pattern: "order %resource% placed", constants: [("event", "order")])
            ]
        )
    }

    /// The corpus the benchmark reads (every recognized kind, SD, RFC 3164) and lines whose values are made, not
    /// spans of the message: a rule's constant, a FortiGate flow's `DST:PORT`, an unescaped CEF value.
    private static func messages() -> [[UInt8]] {
        var corpus = SyslogCorpus(seed: 7, mix: .extractionBenchmark)
        let text = corpus.lines(count: 300)
        var messages = text.split(separator: UInt8(ascii: "\n")).map { Array($0) }
        messages += [
            "<13>Dec  6 10:01:02 web1 shop[5]: order 42 placed",
            "<134>CEF:0|Vendor|Product|1|7|login|5|suser=a\\=b act=logon outcome=success src=10.0.0.1",
            "<189>type=\"traffic\" subtype=\"forward\" srcip=10.1.2.3 dstip=8.8.8.8 dstport=53 action=\"deny\"",
            "no header at all",
            "",
        ].map { Array($0.utf8) }
        return messages
    }

    private static func oneAtATime(_ messages: [[UInt8]]) throws -> [(line: String, textCount: Int)] {
        var parser = SyslogParser(configuration: try Self.configuration())
        var record = ActivityRecord()
        return messages.map { message in
            message.withUnsafeBytes { parser.parse($0, truncated: false, context: Self.context, into: &record) }
            return (JSONLineEncoder.line(record), record.textCount)
        }
    }

    @Test func batchesGiveTheRecordsThatParsingOneMessageAtATimeGives() throws {
        let messages = Self.messages()
        #expect(messages.count > 3 * ParsedBatch.capacity)
        let expected = try Self.oneAtATime(messages)
        var parser = SyslogParser(configuration: try Self.configuration())
        var batch = ParsedBatch()
        var lines: [(line: String, textCount: Int)] = []
        func finish() {
            parser.finish(&batch)
            batch.forEachFinished { lines.append((JSONLineEncoder.line($0), $0.textCount)) }
            batch.removeAll()
        }
        for message in messages {
            message.withUnsafeBytes { parser.parse($0, truncated: false, context: Self.context, into: &batch) }
            if batch.isFull { finish() }
        }
        finish()
        #expect(lines.count == expected.count)
        for (got, want) in zip(lines, expected) {
            #expect(got.line == want.line)
            // A record extracted twice would hold its made values twice.
            #expect(got.textCount == want.textCount)
        }
        #expect(lines.contains { $0.line.contains(#""resource":"8.8.8.8:53""#) })
        #expect(lines.contains { $0.line.contains(#""user":"a=b""#) })
        #expect(lines.contains { $0.line.contains(#""event":"order""#) })
    }

    @Test func finishExtractsOnlyWhatWasParsedSinceTheLastFinish() throws {
        let messages = Self.messages().suffix(5).map { $0 }
        let expected = try Self.oneAtATime(messages)
        var parser = SyslogParser(configuration: try Self.configuration())
        var batch = ParsedBatch()
        for (number, message) in messages.enumerated() {
            message.withUnsafeBytes { parser.parse($0, truncated: false, context: Self.context, into: &batch) }
            if number == 0 || number == 2 { parser.finish(&batch) }
        }
        var finished: [(line: String, textCount: Int)] = []
        batch.forEachFinished { finished.append((JSONLineEncoder.line($0), $0.textCount)) }
        #expect(finished.count == 3, "the last two messages are not finished yet")
        parser.finish(&batch)
        finished = []
        batch.forEachFinished { finished.append((JSONLineEncoder.line($0), $0.textCount)) }
        #expect(finished.map(\.line) == expected.map(\.line))
        #expect(finished.map(\.textCount) == expected.map(\.textCount))
    }

    @Test func aBatchIsFullAtItsCapacityAndEmptyAfterRemoveAll() {
        var parser = SyslogParser()
        var batch = ParsedBatch()
        for number in 0..<ParsedBatch.capacity {
            #expect(!batch.isFull)
            Array("<13>message \(number)".utf8).withUnsafeBytes {
                parser.parse($0, truncated: false, context: Self.context, into: &batch)
            }
        }
        #expect(batch.isFull)
        #expect(batch.count == ParsedBatch.capacity)
        parser.finish(&batch)
        batch.removeAll()
        #expect(batch.count == 0)
        var visited = 0
        batch.forEachFinished { _ in visited += 1 }
        #expect(visited == 0)
    }

    @Test func aRecordThatHeldAHugeMessageGivesItsStorageUpWhenTheBatchIsEmptied() {
        var parser = SyslogParser()
        var batch = ParsedBatch()
        let huge = Array(("<13>" + String(repeating: "x", count: 4 * ParsedBatch.largestKeptText)).utf8)
        let medium = Array(("<13>" + String(repeating: "y", count: ParsedBatch.largestKeptText / 4)).utf8)
        for message in [huge, medium] {
            message.withUnsafeBytes { parser.parse($0, truncated: false, context: Self.context, into: &batch) }
        }
        parser.finish(&batch)
        var capacities: [Int] = []
        batch.forEachFinished { capacities.append($0.textCapacity) }
        #expect(capacities[0] > 4 * ParsedBatch.largestKeptText)
        batch.removeAll()
        for _ in 0..<2 {
            Array("<13>short".utf8).withUnsafeBytes {
                parser.parse($0, truncated: false, context: Self.context, into: &batch)
            }
        }
        parser.finish(&batch)
        capacities = []
        batch.forEachFinished { capacities.append($0.textCapacity) }
        // The first record starts again small; the second keeps the room the medium message needed.
        #expect(capacities[0] <= ParsedBatch.largestKeptText)
        #expect(capacities[1] >= ParsedBatch.largestKeptText / 4)
    }
}
