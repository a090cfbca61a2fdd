import ActivityModel
import SyslogParsing
import Testing

/// One line of a recognizer's table: a whole syslog message and the five activity fields it must give (nil: the
/// key must be absent).
struct ActivityCase: CustomTestStringConvertible, Sendable {
    var line: String
    var user: String?
    var event: String?
    var resource: String?
    var outcome: String?
    var client: String?

    init(
        _ line: String,
        user: String? = nil,
        event: String? = nil,
        resource: String? = nil,
        outcome: String? = nil,
        client: String? = nil
    ) {
        (self.line, self.user, self.event, self.resource, self.outcome, self.client) = (
            line, user, event, resource, outcome, client
        )
    }

    var testDescription: String { String(self.line.prefix(90)) }

    /// Parses the line and checks the five fields, and that the record is one valid JSON line.
    func verify(rules: [ExtractionRule] = []) throws {
        var parser = SyslogParser(
            configuration: SyslogParserConfiguration(rfc3164TimeZone: .utc, extractionRules: rules)
        )
        let record = parser.parse(
            Array(self.line.utf8),
            context: ReceptionContext(received: timestamp(defaultReceived))
        )
        #expect(record.string(\.user) == self.user, "user")
        #expect(record.string(\.event) == self.event, "event")
        #expect(record.string(\.resource) == self.resource, "resource")
        #expect(record.string(\.outcome) == self.outcome, "outcome")
        #expect(record.string(\.client) == self.client, "client")
        try expectOneValidJSONLine(Array(JSONLineEncoder.line(record).utf8))
    }
}

/// A BSD syslog line from `app` on host `web1` (PRI 38, auth.info), so the tables show only the text that matters.
func bsd(_ app: String, _ text: String) -> String { "<38>Dec  6 10:01:02 web1 \(app): \(text)" }
