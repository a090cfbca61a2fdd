import ActivityModel
import Foundation
import SyslogParsing
import Testing

/// The reception time most cases use: 2026-11-26T14:41:09.120000Z.
let defaultReceived = "2026-11-26T14:41:09.120000Z"

func timestamp(_ text: String) -> Timestamp {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { RFC3339TimestampParser.parse($0, in: 0..<$0.count) }!
}

/// Parses one message as the server would, with 3164 timestamps read in `zone`.
func parseRecord(
    _ message: [UInt8],
    received: String = defaultReceived,
    zone: CivilTimeZone = .utc,
    fields: ActivityFieldCandidates = .default
) -> ActivityRecord {
    var parser = SyslogParser(configuration: SyslogParserConfiguration(rfc3164TimeZone: zone, activityFields: fields))
    return parser.parse(message, context: ReceptionContext(received: timestamp(received)))
}

/// One row of a parser table: an input and every field the record must have (nil = key absent).
struct ParserCase: CustomTestStringConvertible, Sendable {
    var input: [UInt8]
    var received = defaultReceived
    var zone = CivilTimeZone.utc
    var format: SyslogFormat
    var facility = Facility.user
    var severity = Severity.notice
    var time: String?
    var host: String?
    var app: String?
    var procid: String?
    var msgid: String?
    var msg: String?
    /// Exact JSON of the `sd` value, or nil when `sd` must be absent.
    var sd: String?
    var user: String?
    var event: String?
    var resource: String?
    var outcome: String?
    var client: String?

    init(
        _ input: String,
        received: String = defaultReceived,
        zone: CivilTimeZone = .utc,
        _ format: SyslogFormat,
        _ facility: Facility = .user,
        _ severity: Severity = .notice,
        time: String? = nil,
        host: String? = nil,
        app: String? = nil,
        procid: String? = nil,
        msgid: String? = nil,
        msg: String? = nil,
        sd: String? = nil,
        user: String? = nil,
        event: String? = nil,
        resource: String? = nil,
        outcome: String? = nil,
        client: String? = nil
    ) {
        self.init(bytes: Array(input.utf8), received: received, zone: zone, format, facility, severity)
        (self.time, self.host, self.app, self.procid, self.msgid, self.msg) = (time, host, app, procid, msgid, msg)
        (self.sd, self.user, self.event, self.resource, self.outcome) = (sd, user, event, resource, outcome)
        self.client = client
    }

    init(
        bytes: [UInt8],
        received: String = defaultReceived,
        zone: CivilTimeZone = .utc,
        _ format: SyslogFormat,
        _ facility: Facility = .user,
        _ severity: Severity = .notice
    ) {
        self.input = bytes
        self.received = received
        self.zone = zone
        self.format = format
        self.facility = facility
        self.severity = severity
    }

    var testDescription: String { String(decoding: self.input.prefix(70), as: UTF8.self) }

    /// Checks every field of the parsed record against the row.
    func verify() throws {
        let record = parseRecord(self.input, received: self.received, zone: self.zone)
        #expect(record.format == self.format, "format")
        #expect(record.facility == self.facility, "facility")
        #expect(record.severity == self.severity, "severity")
        #expect(record.time.map(RFC3339Formatter.string) == self.time, "time")
        #expect(record.string(\.host) == self.host, "host")
        #expect(record.string(\.app) == self.app, "app")
        #expect(record.string(\.procid) == self.procid, "procid")
        #expect(record.string(\.msgid) == self.msgid, "msgid")
        #expect(record.string(\.msg) == self.msg, "msg")
        #expect(record.string(\.user) == self.user, "user")
        #expect(record.string(\.event) == self.event, "event")
        #expect(record.string(\.resource) == self.resource, "resource")
        #expect(record.string(\.outcome) == self.outcome, "outcome")
        #expect(record.string(\.client) == self.client, "client")
        let line = JSONLineEncoder.line(record)
        if let sd = self.sd {
            #expect(line.contains(",\"sd\":\(sd),"), "sd in \(line)")
        } else {
            #expect(!line.contains("\"sd\":"), "no sd in \(line)")
        }
        try expectOneValidJSONLine(Array(line.utf8))
    }
}

/// Asserts the record invariants of docs/design.md: one line, no raw control characters, valid UTF-8 JSON object.
func expectOneValidJSONLine(_ line: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(line.last == 0x0A, "ends with LF", sourceLocation: sourceLocation)
    #expect(
        line.dropLast().allSatisfy { $0 >= 0x20 && $0 != 0x7F },
        "no raw control byte",
        sourceLocation: sourceLocation
    )
    #expect(String(validating: line, as: UTF8.self) != nil, "valid UTF-8", sourceLocation: sourceLocation)
    let object = try JSONSerialization.jsonObject(with: Data(line.dropLast()))
    let dictionary = try #require(object as? [String: Any], sourceLocation: sourceLocation)
    #expect(dictionary["received"] is String, sourceLocation: sourceLocation)
    #expect(dictionary["format"] is String, sourceLocation: sourceLocation)
}
