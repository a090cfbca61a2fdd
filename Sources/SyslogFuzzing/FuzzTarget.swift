import ActivityModel
import NIOCore
import SyslogFraming
import SyslogParsing

/// The fuzz targets: each feeds arbitrary bytes to one stage and traps if an output invariant breaks.
///
/// Invariants checked on every record: exactly one line, no raw control byte, valid UTF-8, framed as a JSON object.
/// Frames must never exceed the maximum message size, and the framer must consume its input.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The RFC 5424 parser (input prefixed with `<13>1 `).
    case rfc5424
    /// The RFC 3164 parser (input prefixed with `<13>`).
    case rfc3164
    /// The TCP framer with octet-counting detection, then the parser chain.
    case octetFraming = "octet-framing"
    /// The LF-only framer of `activitylog parse`, then the parser chain.
    case lineFraming = "line-framing"

    private static let maxMessageSize = 2048

    /// Runs the target on one input.
    public func run(_ input: UnsafeRawBufferPointer) {
        switch self {
        case .rfc5424: Self.parseAndCheck(Array("<13>1 ".utf8) + Array(input))
        case .rfc3164: Self.parseAndCheck(Array("<13>".utf8) + Array(input))
        case .octetFraming: Self.frameAndCheck(input, octetCounting: true)
        case .lineFraming: Self.frameAndCheck(input, octetCounting: false)
        }
    }

    private static func parseAndCheck(_ message: [UInt8], truncated: Bool = false) {
        var parser = SyslogParser(configuration: SyslogParserConfiguration(rfc3164TimeZone: .utc))
        let record = parser.parse(
            message,
            truncated: truncated,
            context: ReceptionContext(received: Timestamp(secondsSinceEpoch: 1_795_700_000))
        )
        var output = LineBuffer()
        JSONLineEncoder.append(record, to: &output)
        output.withUnsafeBytes { line in
            precondition(
                line.count >= 2 && line.first == UInt8(ascii: "{") && line[line.count - 2] == UInt8(ascii: "}"),
                "not a JSON object"
            )
            precondition(line.last == 0x0A, "record does not end with a line feed")
            precondition(line.dropLast().allSatisfy { $0 >= 0x20 && $0 != 0x7F }, "raw control byte in a record")
            precondition(String(validating: line, as: UTF8.self) != nil, "record is not valid UTF-8")
        }
    }

    private static func frameAndCheck(_ input: UnsafeRawBufferPointer, octetCounting: Bool) {
        let decoder = SyslogFrameDecoder(
            configuration: SyslogFrameDecoder.Configuration(
                maxMessageSize: Self.maxMessageSize,
                detectsOctetCounting: octetCounting,
                lineTerminators: octetCounting ? .lineFeedOrNUL : .lineFeed
            )
        )
        let processor = NIOSingleStepByteToMessageProcessor(decoder)
        let check = { (frame: SyslogFrame) in
            // A terminator (at most CRLF) may ride along and does not count against the maximum.
            let length = frame.message.withUnsafeReadableBytes { SyslogFrame.lengthWithoutTerminator($0) }
            precondition(length <= Self.maxMessageSize, "frame longer than the maximum")
            precondition(frame.message.readableBytes <= Self.maxMessageSize + 2, "frame longer than the maximum + CRLF")
            Self.parseAndCheck(Array(frame.message.readableBytesView), truncated: frame.isTruncated)
        }
        // Feed in two reads split in the middle, so state carried across reads is exercised too.
        let middle = input.count / 2
        try! processor.process(buffer: ByteBuffer(bytes: input[0..<middle]), check)
        try! processor.process(buffer: ByteBuffer(bytes: input[middle...]), check)
        try! processor.finishProcessing(seenEOF: true, check)
        precondition(processor.unprocessedBytes == 0, "framer left bytes unconsumed at end of input")
    }
}
