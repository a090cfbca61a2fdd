import ActivityArchive
import ActivityModel
import SyslogParsing
import Testing

@testable import ActivityIngest

struct RecordChunkerTests {
    private static let context = ReceptionContext(
        received: Timestamp(microsecondsSinceEpoch: 1_795_000_000_000_000),
        source: "192.0.2.1",
        transport: .udp
    )

    private static func add(_ count: Int, to chunker: inout RecordChunker) {
        for number in 0..<count {
            let message = Array("<13>1 2026-11-26T14:41:09Z host app - m\(number) - message \(number)".utf8)
            message.withUnsafeBytes { chunker.add($0, truncated: false, context: Self.context) }
        }
    }

    @Test func aShortChunkIsHandedOverInAnAllocationOfItsOwnSize() {
        var chunker = RecordChunker(parser: SyslogParserConfiguration(rfc3164TimeZone: .utc), rotationTimeZone: .utc)
        Self.add(1, to: &chunker)
        let chunks = chunker.takeAll()
        #expect(chunks.count == 1)
        let lines = chunks[0].lines
        // One lone datagram must not pin a chunk-sized allocation while it waits in the queue.
        #expect(lines.capacity == lines.count, "\(lines.count) bytes in \(lines.capacity)")
    }

    @Test func fullChunksKeepTheirAllocationAndSplitAtTheTarget() {
        var chunker = RecordChunker(parser: SyslogParserConfiguration(rfc3164TimeZone: .utc), rotationTimeZone: .utc)
        Self.add(5000, to: &chunker)
        #expect(chunker.hasCompletedChunk)
        let chunks = chunker.takeAll()
        #expect(chunks.reduce(0) { $0 + $1.recordCount } == 5000)
        for chunk in chunks.dropLast() {
            #expect(chunk.lines.count >= RecordChunker.chunkTarget)
            #expect(chunk.lines.capacity == RecordChunker.chunkCapacity, "a full chunk never grows")
        }
    }
}

/// The chunker parses a batch at a time, with a batch its thread lends it: what two chunkers of one thread add must
/// never mix, a reload must not change what was added before it, and a batch's records still go to their own day.
struct RecordChunkerBatchTests {
    private static func context(day: Int = 0) -> ReceptionContext {
        ReceptionContext(
            received: Timestamp(microsecondsSinceEpoch: 1_795_000_000_000_000 + Int64(day) * 86_400_000_000),
            source: "192.0.2.1",
            transport: .tcp
        )
    }

    private static func add(_ text: String, to chunker: inout RecordChunker, day: Int = 0) {
        Array(text.utf8).withUnsafeBytes { chunker.add($0, truncated: false, context: Self.context(day: day)) }
    }

    private static func lines(_ chunks: [RecordChunk]) -> [String] {
        chunks.flatMap { chunk in
            chunk.lines.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }.split(separator: "\n").map(String.init)
        }
    }

    private static func chunker(rules: [ExtractionRule] = []) -> RecordChunker {
        RecordChunker(
            parser: SyslogParserConfiguration(rfc3164TimeZone: .utc, extractionRules: rules),
            rotationTimeZone: .utc
        )
    }

    @Test func chunkersTakingTurnsOnOneThreadKeepTheirOwnRecords() {
        var first = Self.chunker()
        var second = Self.chunker()
        Self.add("<13>first one", to: &first)
        Self.add("<13>first two", to: &first)
        Self.add("<13>second one", to: &second)
        Self.add("<13>first three", to: &first)
        let secondLines = Self.lines(second.takeAll())
        // The second chunker's batch went back to the thread; the first still holds its own.
        Self.add("<13>first four", to: &first)
        var third = Self.chunker()
        Self.add("<13>third one", to: &third)
        let firstLines = Self.lines(first.takeAll())
        #expect(firstLines.map { $0.contains(#""msg":"first "#) } == [true, true, true, true])
        #expect(firstLines.last?.contains("first four") == true)
        #expect(secondLines.count == 1)
        #expect(secondLines.first?.contains("second one") == true)
        #expect(Self.lines(third.takeAll()).map { $0.contains("third one") } == [true])
    }

    @Test func aReloadLeavesTheMessagesAddedBeforeItToTheOldRules() throws {
        let rule = try ExtractionRule(app: nil, pattern: "hello %user%", constants: [("event", "greeting")])
        var chunker = Self.chunker(rules: [rule])
        Self.add("<13>hello bob", to: &chunker)
        chunker.reconfigure(parser: SyslogParserConfiguration(rfc3164TimeZone: .utc))
        Self.add("<13>hello eve", to: &chunker)
        let lines = Self.lines(chunker.takeAll())
        #expect(lines.count == 2)
        #expect(lines.first?.contains(#""user":"bob","event":"greeting""#) == true)
        #expect(lines.last?.contains(#""user":"#) == false)
    }

    @Test func aBatchThatCrossesMidnightPutsEachRecordInItsDaysChunk() {
        var chunker = Self.chunker()
        Self.add("<13>before midnight", to: &chunker, day: 0)
        Self.add("<13>after midnight", to: &chunker, day: 1)
        Self.add("<13>also after", to: &chunker, day: 1)
        let chunks = chunker.takeAll()
        #expect(chunks.map(\.recordCount) == [1, 2])
        #expect(chunks.count == 2 && chunks[0].day != chunks[1].day)
        #expect(Self.lines([chunks[0]]).first?.contains("before midnight") == true)
    }

    @Test func aReadLongerThanABatchArrivesWholeAndInOrder() {
        var chunker = Self.chunker()
        let count = 3 * ParsedBatch.capacity + 5
        for number in 0..<count { Self.add("<13>message \(number)", to: &chunker) }
        let lines = Self.lines(chunker.takeAll())
        #expect(lines.count == count)
        #expect(lines.enumerated().allSatisfy { $0.element.contains(#""msg":"message \#($0.offset)""#) })
    }
}
