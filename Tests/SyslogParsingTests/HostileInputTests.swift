import ActivityModel
import SyslogCorpus
import SyslogParsing
import Testing

/// Property tests: whatever bytes arrive, the parser never crashes and the encoder writes exactly one valid JSON line.
struct HostileInputTests {
    static let seeds: [[UInt8]] = {
        var corpus = SyslogCorpus(seed: 7, mix: SyslogCorpus.Mix(rfc5424WithSD: 1, rfc5424WithoutSD: 1, rfc3164: 1))
        var messages: [[UInt8]] = (0..<30).map { number in
            var bytes: [UInt8] = []
            corpus.appendMessage(number: number, to: &bytes)
            return bytes
        }
        messages += RFC5424ParserTests.cases.map(\.input) + RFC3164ParserTests.cases.map(\.input)
        return messages
    }()

    private static let insertions: [[UInt8]] = [
        [0x0A], [0x0D, 0x0A], [0x22], [0x5C], [0x00], [0x5D], [0x5B], [0x3D], [0x20], [0xFF], [0xC3],
        [0xED, 0xA0, 0x80],
        [0xE2, 0x80, 0xA8], [0xEF, 0xBB, 0xBF], [0x7F], [0x1B, 0x5B, 0x33, 0x31, 0x6D],
    ]

    private func check(_ message: [UInt8], using parser: inout SyslogParser, record: inout ActivityRecord) throws {
        message.withUnsafeBytes {
            parser.parse(
                $0,
                truncated: false,
                context: ReceptionContext(received: timestamp(defaultReceived)),
                into: &record
            )
        }
        var buffer = LineBuffer()
        JSONLineEncoder.append(record, to: &buffer)
        try expectOneValidJSONLine(buffer.bytes)
        #expect(buffer.bytes.filter { $0 == 0x0A }.count == 1)
    }

    @Test func randomBytes() throws {
        var random = SystemRandomNumberGenerator()
        var parser = SyslogParser()
        var record = ActivityRecord()
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<300, using: &random)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            if Bool.random(using: &random), !bytes.isEmpty {
                bytes.replaceSubrange(0..<min(4, bytes.count), with: Array("<13>".utf8))
            }
            try self.check(bytes, using: &parser, record: &record)
        }
    }

    @Test func mutatedValidMessages() throws {
        var random = SystemRandomNumberGenerator()
        var parser = SyslogParser()
        var record = ActivityRecord()
        for seed in Self.seeds where !seed.isEmpty {
            for _ in 0..<60 {
                var bytes = seed
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let position = Int.random(in: 0...bytes.count, using: &random)
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: bytes = Array(bytes.prefix(position))
                    case 1 where position < bytes.count:
                        bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
                    case 2: bytes.insert(contentsOf: Self.insertions.randomElement(using: &random)!, at: position)
                    default: if position < bytes.count { bytes.remove(at: position) }
                    }
                }
                try self.check(bytes, using: &parser, record: &record)
            }
            // Every truncation point of every seed.
            for length in 0...seed.count { try self.check(Array(seed.prefix(length)), using: &parser, record: &record) }
        }
    }
}
