import ActivityArchive
import ActivityModel
import Foundation
import Testing
import ToolRunning

struct GzipMemberTests {
    @Test func standardToolsReadAFileOfManyMembers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("activity-2026-11-26.jsonl.gz")
        var file = Data()
        // Every level of both engines, interleaved: members are independent, whichever engine wrote them.
        for batch in 0..<20 {
            let engine = CompressionEngine.allCases[batch % 2]
            file.append(contentsOf: try member(50, start: batch * 50, level: 1 + batch % 9, engine: engine))
        }
        try file.write(to: URL(fileURLWithPath: path))
        #expect(try Tool.run(["gzip", "-t", path]).status == 0)
        let text = try Tool.run(["zcat", path])
        #expect(text.status == 0)
        #expect(Data(text.output.utf8) == Data(jsonLines(1000)))
    }

    @Test(arguments: CompressionEngine.allCases)
    func everyEngineRoundTripsEveryLevel(engine: CompressionEngine) throws {
        let inflater = try Inflater()
        for level in CompressionEngine.levels {
            let bytes = try member(400, level: level, engine: engine)
            #expect(try bytes.withUnsafeBytes { try GzipMember.decode($0, inflater: inflater) } == jsonLines(400))
            #expect(bytes[8] == (level == 9 ? 2 : level == 1 ? 4 : 0), "XFL of level \(level)")
        }
    }

    @Test func crc32IsGzipsCRC() {
        // The check value of CRC-32/ISO-HDLC, and continuing a CRC equals one pass over the whole.
        let digits = Array("123456789".utf8)
        #expect(digits.withUnsafeBytes { crc32($0) } == 0xCBF4_3926)
        let split = digits[4...].withUnsafeBytes { tail in
            digits[..<4].withUnsafeBytes { crc32(tail, continuing: crc32($0)) }
        }
        #expect(split == 0xCBF4_3926)
    }

    @Test func headerDescribesTheMember() throws {
        let bytes = try member(7, start: 100)
        let extra = try #require(bytes.withUnsafeBytes { GzipMember.readHeader($0) })
        #expect(extra.memberLength == bytes.count)
        #expect(extra.recordCount == 7)
        #expect(extra.uncompressedLength == jsonLines(7, start: 100).count)
        #expect(extra.firstReceived == Timestamp(microsecondsSinceEpoch: 100))
        #expect(extra.lastReceived == Timestamp(microsecondsSinceEpoch: 106))
        // The extra subfield sits where RFC 1952 puts it: FLG.FEXTRA, XLEN, SI1 SI2 LEN.
        #expect(Array(bytes[0..<4]) == [0x1F, 0x8B, 0x08, 0x04])
        #expect(Array(bytes[4..<10]) == [0, 0, 0, 0, 0, 3], "MTIME 0, XFL 0 at level 6, OS Unix")
        #expect(Array(bytes[10..<16]) == [36, 0, UInt8(ascii: "A"), UInt8(ascii: "L"), 32, 0])
    }

    @Test func decodeReturnsTheLinesAndRejectsCorruption() throws {
        var bytes = try member(30)
        let inflater = try Inflater()
        #expect(try bytes.withUnsafeBytes { try GzipMember.decode($0, inflater: inflater) } == jsonLines(30))
        bytes[bytes.count - 6] ^= 0xFF  // CRC32
        #expect(throws: ArchiveFormatError.checksumMismatch) {
            try bytes.withUnsafeBytes { try GzipMember.decode($0, inflater: inflater) }
        }
        var body = try member(30)
        body[GzipMember.headerLength + 3] ^= 0x55
        #expect(throws: (any Error).self) { try body.withUnsafeBytes { try GzipMember.decode($0, inflater: inflater) } }
    }

    @Test func readHeaderRejectsForeignGzipAndShortInput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let plain = directory.file("plain")
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: plain))
        try Tool.run(["gzip", "-k", plain])
        let foreign = try [UInt8](Data(contentsOf: URL(fileURLWithPath: plain + ".gz")))
        #expect(foreign.withUnsafeBytes { GzipMember.readHeader($0) } == nil)
        let ours = try member(3)
        for length in 0..<GzipMember.headerLength {
            #expect(ours.prefix(length).withUnsafeBytes { GzipMember.readHeader(UnsafeRawBufferPointer($0)) } == nil)
        }
    }

    @Test func emptyBatchIsAValidMember() throws {
        let compressor = try CompressionEngine.libdeflate.makeCompressor(level: 6)
        let encoded = try [UInt8]().withUnsafeBytes {
            try GzipMember.encode(
                lines: $0,
                recordCount: 0,
                firstReceived: .init(microsecondsSinceEpoch: 0),
                lastReceived: .init(microsecondsSinceEpoch: 0),
                compressor: compressor
            )
        }
        #expect(try encoded.bytes.withUnsafeBytes { try GzipMember.decode($0, inflater: Inflater()) } == [])
    }
}
