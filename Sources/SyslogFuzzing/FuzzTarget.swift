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
    /// The activity recognizers and key=value reader: the input is the text of a message whose app (chosen by the
    /// input's first byte) selects a recognizer.
    case activity
    /// The `extract` rule matcher: the input's first line is a pattern (a rule that does not compile is skipped), the
    /// rest the message text. The time per input is bounded by libFuzzer's `-timeout`.
    case extractRules = "extract-rules"
    /// The PROXY protocol header parser (v1 and v2): whatever the bytes, it decides within its maximum length, and a
    /// header is parsed the same from its exact bytes, and found incomplete in every shorter prefix.
    case proxyHeader = "proxy-header"

    private static let maxMessageSize = 2048

    /// Runs the target on one input.
    public func run(_ input: UnsafeRawBufferPointer) {
        switch self {
        case .rfc5424: Self.parseAndCheck(Array("<13>1 ".utf8) + Array(input))
        case .rfc3164: Self.parseAndCheck(Array("<13>".utf8) + Array(input))
        case .octetFraming: Self.frameAndCheck(input, octetCounting: true)
        case .lineFraming: Self.frameAndCheck(input, octetCounting: false)
        case .activity: Self.recognizeAndCheck(input)
        case .extractRules: Self.matchAndCheck(input)
        case .proxyHeader: Self.parseProxyHeaderAndCheck(input)
        }
    }

    /// The apps whose recognizers the `activity` target reaches, and a few that select none.
    private static let apps = [
        "sshd", "sshd-session", "sudo", "su", "login", "systemd-logind", "CRON", "useradd", "passwd", "mgd",
        "%SEC_LOGIN-5-LOGIN_SUCCESS", "%LINK-3-UPDOWN", "%SYS-5-CONFIG_I", "sshd(pam_unix)", "audit", "app",
        "gpasswd", "/usr/sbin/cron", "CEF", "CROND", "%ASA-6-605005", "%ASA-6-113005", "%ASA-5-111010",
        "%ASA-6-716001", "%ASA-4-106023", "%ASA-6-302013", "%FTD-6-106100", "kernel", "RT_FLOW", "unix_chkpwd",
        "%SEC-6-IPACCESSLOGP", "%AUTHPRIV-3-SYSTEM_MSG", "%SECURITY-SSHD-6-INFO_SUCCESS", "%ASA-6-302020",
        "%FTD-6-430003", "%PORT-5-IF_UP", "%MGBL-CONFIG-6-DB_COMMIT", "dovecot", "imap-login", "postfix/smtpd",
    ]

    private static func recognizeAndCheck(_ input: UnsafeRawBufferPointer) {
        guard let first = input.first else { return }
        let app = Self.apps[Int(first) % Self.apps.count]
        let text = Array(input.dropFirst())
        Self.parseAndCheck(Array("<13>Dec  6 10:01:02 host \(app)[1]: ".utf8) + text)
        Self.parseAndCheck(Array("<13>1 2026-12-06T10:01:02Z host \(app) 1 UI_LOGIN_EVENT - ".utf8) + text)
        Self.parseAndCheck(text)
    }

    private static func matchAndCheck(_ input: UnsafeRawBufferPointer) {
        let bytes = Array(input)
        let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let pattern = String(decoding: bytes[..<newline], as: UTF8.self)
        guard let rule = try? ExtractionRule(app: nil, pattern: pattern, constants: [(field: "event", value: "x")])
        else {
            return
        }
        let text = Array(bytes[min(newline + 1, bytes.count)...])
        Self.parseAndCheck(Array("<13>Dec  6 10:01:02 host app: ".utf8) + text, rules: [rule])
    }

    private static func parseProxyHeaderAndCheck(_ input: UnsafeRawBufferPointer) {
        let parse = ProxyProtocolHeader.parse(input)
        switch parse {
        case .incomplete:
            precondition(input.count < ProxyProtocolHeader.maximumLength, "waits for more than the maximum length")
        case .missing, .malformed:
            break
        case .header(let header, let length):
            precondition(length > 0 && length <= input.count, "header length outside the input")
            precondition(length <= ProxyProtocolHeader.maximumLength, "header longer than the maximum")
            precondition(header.version == .v2 || length <= ProxyProtocolHeader.maximumV1Length, "v1 line too long")
            precondition((header.source == nil) == (header.destination == nil), "one address without the other")
            for endpoint in [header.source, header.destination].compactMap({ $0 }) {
                precondition([4, 16].contains(endpoint.address.count), "address neither IPv4 nor IPv6")
                precondition((0...65_535).contains(endpoint.port), "port out of range")
            }
            let exact = UnsafeRawBufferPointer(rebasing: input[..<length])
            precondition(ProxyProtocolHeader.parse(exact) == parse, "the header's own bytes parse differently")
            for cut in Set([0, 1, length / 2, length - 1]) where cut < length {
                let prefix = UnsafeRawBufferPointer(rebasing: input[..<cut])
                precondition(ProxyProtocolHeader.parse(prefix) == .incomplete, "a header's prefix is not incomplete")
            }
        }
    }

    private static func parseAndCheck(_ message: [UInt8], truncated: Bool = false, rules: [ExtractionRule] = []) {
        var parser = SyslogParser(
            configuration: SyslogParserConfiguration(rfc3164TimeZone: .utc, extractionRules: rules)
        )
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
