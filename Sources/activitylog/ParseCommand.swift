import ActivityModel
import ArgumentParser
import NIOCore
import SyslogFraming
import SyslogParsing

/// `activitylog parse`: raw syslog messages on stdin, one activity record (JSON line) per message on stdout.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read syslog messages from stdin and print their activity records as JSON lines.",
        discussion: """
            Messages are LF-separated (a trailing CR or NUL is stripped), or with --framing octet RFC 6587 \
            octet-counted as activitylogd's TCP listener reads them (LEN SP MSG, with line framing detected per \
            frame). The parser and encoder are the server's own.
            """
    )

    @Option(help: "How messages are separated: lf (one per line) or octet (RFC 6587, as on TCP).")
    var framing: InputFraming = .lf

    @Option(
        help: ArgumentHelp("Reception time for every record (RFC 3339); default: when it is read.", valueName: "time")
    )
    var received: ReceivedTime?

    @Option(help: ArgumentHelp("Sender address for every record (an IPv4 or IPv6 address).", valueName: "ip"))
    var source: IPAddressArgument?

    @Option(help: "Transport for every record: udp, tcp or tls.")
    var transport: Transport?

    @Option(
        name: .customLong("rfc3164-timezone"),
        help: ArgumentHelp("Zone for RFC 3164 timestamps: UTC, local, +hh:mm, or a tz name.", valueName: "zone")
    )
    var rfc3164TimeZone: CivilTimeZone = .local

    @Option(
        help: ArgumentHelp("Longest message kept; longer ones are truncated (bytes, or with k/m).", valueName: "size")
    )
    var maxMessageSize: ByteCountArgument = ByteCountArgument(bytes: 65_536)

    func run() throws {
        var parser = SyslogParser(configuration: SyslogParserConfiguration(rfc3164TimeZone: self.rfc3164TimeZone))
        let decoder = SyslogFrameDecoder(
            configuration: SyslogFrameDecoder.Configuration(
                maxMessageSize: self.maxMessageSize.bytes,
                detectsOctetCounting: self.framing == .octet,
                lineTerminators: .lineFeed
            )
        )
        let processor = NIOSingleStepByteToMessageProcessor(decoder, maximumBufferSize: nil)
        var record = ActivityRecord()
        var output = StandardOutput()
        var context = ReceptionContext(
            received: self.received?.timestamp ?? .now(),
            source: self.source?.text,
            transport: self.transport
        )
        let handleFrame = { (frame: SyslogFrame) in
            frame.message.withUnsafeReadableBytes { bytes in
                parser.parse(bytes, truncated: frame.isTruncated, context: context, into: &record)
            }
            output.append(record)
        }
        var input = StandardInput()
        while var chunk = try input.read() {
            if self.received == nil { context.received = .now() }
            try processor.process(buffer: chunk, handleFrame)
            chunk.clear()
            try output.flushIfFull()
        }
        try processor.finishProcessing(seenEOF: true, handleFrame)
        try output.flush()
    }
}

/// The `--framing` values of `activitylog parse`.
enum InputFraming: String, ExpressibleByArgument, CaseIterable {
    case lf
    case octet
}

extension Transport: ExpressibleByArgument {}

extension CivilTimeZone: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(name: argument)
    }
}
