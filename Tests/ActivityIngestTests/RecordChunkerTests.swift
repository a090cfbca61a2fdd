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
