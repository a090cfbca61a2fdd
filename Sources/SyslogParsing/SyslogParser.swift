import ActivityModel

/// How messages are parsed: the zone for legacy timestamps, the activity-mapping candidates and the operator's
/// extraction rules.
public struct SyslogParserConfiguration: Sendable {
    /// The zone in which RFC 3164 timestamps (which carry none) are read. Default: the server's local zone.
    public var rfc3164TimeZone: CivilTimeZone
    /// SD-PARAM names for the activity fields.
    public var activityFields: ActivityFieldCandidates
    /// `extract` rules, tried in order before every other source of activity fields.
    public var extractionRules: [ExtractionRule]
    /// Whether the text is read for activity fields at all (rules, recognizers, key=value); off only to measure
    /// what extraction costs. The SD mapping always applies.
    public var extractsActivity: Bool

    /// Creates a configuration.
    public init(
        rfc3164TimeZone: CivilTimeZone = .local,
        activityFields: ActivityFieldCandidates = .default,
        extractionRules: [ExtractionRule] = [],
        extractsActivity: Bool = true
    ) {
        self.rfc3164TimeZone = rfc3164TimeZone
        self.activityFields = activityFields
        self.extractionRules = extractionRules
        self.extractsActivity = extractsActivity
    }
}

/// Turns one syslog message into an ``ActivityRecord``: RFC 5424, else RFC 3164, else raw. Never fails.
///
/// "Not mine" is a normal result: a message without `<PRI>1 ` goes to the RFC 3164 parser; one without a PRI that
/// starts with an RFC 3164 or RFC 3339 timestamp (a line forwarded from a file) goes there too, with facility `user`
/// and severity `notice`; any other becomes a `raw` record (the same facility and severity, the whole text in `msg`).
/// Before parsing, one trailing terminator is stripped: a LF or NUL, then a CR (so `…\n`, `…\r\n`, `…\0` and `…\r`
/// all end cleanly). Then the activity fields are extracted (``ActivityExtractor``).
///
/// A parser keeps scratch space and a zone-offset cache, so it is a value each thread (event loop, CLI) owns and
/// reuses; parsing into the same ``ActivityRecord`` again and again allocates nothing once warmed up. A server parses
/// a ``ParsedBatch`` at a time, which runs the extraction of the whole batch as a phase of its own.
public struct SyslogParser {
    private var legacyParser: RFC3164Parser
    private let mapper: ActivityMapper
    private var structuredData = RawStructuredData()
    private var extractor: ActivityExtractor?

    /// Creates a parser.
    public init(configuration: SyslogParserConfiguration = SyslogParserConfiguration()) {
        self.legacyParser = RFC3164Parser(zone: configuration.rfc3164TimeZone)
        self.mapper = ActivityMapper(configuration.activityFields)
        self.extractor = configuration.extractsActivity ? ActivityExtractor(rules: configuration.extractionRules) : nil
    }

    /// Parses `message` into `record`, replacing everything the record held.
    ///
    /// - Parameters:
    ///   - message: The message bytes, without framing.
    ///   - truncated: Whether framing cut the message at the maximum message size.
    ///   - context: When, from whom and how the message arrived.
    ///   - record: The record to fill; reuse one to avoid allocation.
    public mutating func parse(
        _ message: UnsafeRawBufferPointer,
        truncated: Bool,
        context: ReceptionContext,
        into record: inout ActivityRecord
    ) {
        self.parseWithoutActivity(message, truncated: truncated, context: context, into: &record)
        self.extractor?.extract(into: &record)
    }

    /// Parses `message` into the next record of `batch`, all but the activity fields that ``finish(_:)`` extracts
    /// from the text: the first phase of batch parsing (``ParsedBatch``). The batch must not be full.
    public mutating func parse(
        _ message: UnsafeRawBufferPointer,
        truncated: Bool,
        context: ReceptionContext,
        into batch: inout ParsedBatch
    ) {
        batch.parseNext { self.parseWithoutActivity(message, truncated: truncated, context: context, into: &$0) }
    }

    /// Extracts the activity fields of the records of `batch` parsed since the last call, which makes them finished
    /// (``ParsedBatch/forEachFinished(_:)``): the second phase of batch parsing.
    public mutating func finish(_ batch: inout ParsedBatch) {
        batch.finishEach { self.extractor?.extract(into: &$0) }
    }

    /// Everything ``parse(_:truncated:context:into:)`` does but extract the activity fields.
    private mutating func parseWithoutActivity(
        _ message: UnsafeRawBufferPointer,
        truncated: Bool,
        context: ReceptionContext,
        into record: inout ActivityRecord
    ) {
        let all = message.assumingMemoryBound(to: UInt8.self)
        let bytes = UnsafeBufferPointer(rebasing: all[0..<MessageTerminator.length(of: message)])
        record.reset(message: UnsafeRawBufferPointer(bytes), received: context.received)
        record.truncated = truncated
        record.transport = context.transport
        if let priority = PriorityParser.parse(bytes) {
            record.facility = priority.facility
            record.severity = priority.severity
            if RFC5424Parser.accepts(bytes, at: priority.end) {
                RFC5424Parser.parse(
                    bytes,
                    from: priority.end + 2,
                    into: &record,
                    structuredData: &self.structuredData,
                    mapper: self.mapper
                )
            } else {
                self.legacyParser.parse(bytes, from: priority.end, into: &record)
            }
        } else if RFC3164Parser.startsWithTimestamp(bytes) {
            self.legacyParser.parse(bytes, from: 0, into: &record)
        } else {
            record.msg = bytes.isEmpty ? nil : TextSpan(start: 0, end: bytes.count)
        }
        if let source = context.source { record.setSource(source) }
    }

    /// Convenience for tests and tools: parses a byte array into a new record.
    public mutating func parse(_ message: [UInt8], truncated: Bool = false, context: ReceptionContext) -> ActivityRecord
    {
        var record = ActivityRecord()
        message.withUnsafeBytes { self.parse($0, truncated: truncated, context: context, into: &record) }
        return record
    }

}
