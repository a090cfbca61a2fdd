import ActivityDaemon
import ActivityIngest
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
            frame). The parser and encoder are the server's own. With --config, the file's extract rules, map-* \
            lists, rfc3164-timezone and max-message-size apply, so rules can be tried on sample lines first.
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
        help: ArgumentHelp(
            "Zone for RFC 3164 timestamps: UTC, local, +hh:mm, or a tz name (default: the --config file's, or local).",
            valueName: "zone"
        )
    )
    var rfc3164TimeZone: CivilTimeZone?

    @Option(
        help: ArgumentHelp(
            "Longest message kept; longer ones are truncated (bytes, or with k/m; default: the --config file's, or 64k).",
            valueName: "size"
        )
    )
    var maxMessageSize: ByteCountArgument?

    @Option(
        help: ArgumentHelp(
            "An activitylogd.conf whose extract rules, map-* lists, rfc3164-timezone and max-message-size apply.",
            valueName: "file"
        )
    )
    var config: String?

    func run() throws {
        var ingest = IngestConfiguration()
        if let path = self.config {
            do {
                ingest = try DaemonConfiguration.load(path: path).ingest
            } catch {
                StandardError.write("activitylog parse: \(error)\n")
                throw ExitCode(78)
            }
        }
        var parserConfiguration = ingest.parser
        if let zone = self.rfc3164TimeZone { parserConfiguration.rfc3164TimeZone = zone }
        var parser = SyslogParser(configuration: parserConfiguration)
        let decoder = SyslogFrameDecoder(
            configuration: SyslogFrameDecoder.Configuration(
                maxMessageSize: self.maxMessageSize?.bytes ?? ingest.maxMessageSize,
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
