import ActivityModel
import SyslogParsing
import Testing

struct RFC5424ParserTests {
    static let bom = "\u{FEFF}"

    /// RFC 5424 §6.5, examples 1–4, compared as whole JSON lines.
    @Test func rfc5424SectionSixFiveExamples() {
        let received = "2026-11-26T14:41:09.120000Z"
        let examples: [(String, String)] = [
            (
                "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \(Self.bom)'su root' failed for lonvick on /dev/pts/8",
                #"{"time":"2003-10-11T22:14:15.003000Z","received":"2026-11-26T14:41:09.120000Z","facility":"auth","severity":"crit","host":"mymachine.example.com","app":"su","msgid":"ID47","user":"lonvick","event":"su","resource":"root","outcome":"failure","msg":"'su root' failed for lonvick on /dev/pts/8","source":"192.0.2.7","transport":"udp","format":"rfc5424"}"#
            ),
            (
                "<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.",
                #"{"time":"2003-08-24T12:14:15.000003Z","received":"2026-11-26T14:41:09.120000Z","facility":"local4","severity":"notice","host":"192.0.2.1","app":"myproc","procid":"8710","msg":"%% It's time to make the do-nuts.","source":"192.0.2.7","transport":"udp","format":"rfc5424"}"#
            ),
            (
                "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] \(Self.bom)An application event log entry...",
                #"{"time":"2003-10-11T22:14:15.003000Z","received":"2026-11-26T14:41:09.120000Z","facility":"local4","severity":"notice","host":"mymachine.example.com","app":"evntslog","msgid":"ID47","sd":{"exampleSDID@32473":{"iut":"3","eventSource":"Application","eventID":"1011"}},"msg":"An application event log entry...","source":"192.0.2.7","transport":"udp","format":"rfc5424"}"#
            ),
            (
                "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"][examplePriority@32473 class=\"high\"]",
                #"{"time":"2003-10-11T22:14:15.003000Z","received":"2026-11-26T14:41:09.120000Z","facility":"local4","severity":"notice","host":"mymachine.example.com","app":"evntslog","msgid":"ID47","sd":{"exampleSDID@32473":{"iut":"3","eventSource":"Application","eventID":"1011"},"examplePriority@32473":{"class":"high"}},"source":"192.0.2.7","transport":"udp","format":"rfc5424"}"#
            ),
        ]
        for (message, expected) in examples {
            var parser = SyslogParser()
            let context = ReceptionContext(received: timestamp(received), source: "192.0.2.7", transport: .udp)
            let record = parser.parse(Array(message.utf8), context: context)
            #expect(JSONLineEncoder.line(record) == expected + "\n")
        }
    }

    static let cases: [ParserCase] = [
        // PRI and VERSION
        ParserCase("<0>1 - - - - - - boot", .rfc5424, .kern, .emerg, msg: "boot"),
        ParserCase("<191>1 - - - - - - x", .rfc5424, .local7, .debug, msg: "x"),
        ParserCase("<13>1 - - - - - -", .rfc5424),
        ParserCase("<13>1 - - - - - - ", .rfc5424),
        ParserCase("<13>2 - - - - - - v2", .rfc3164, msg: "2 - - - - - - v2"),
        ParserCase("<13>10 - - - - - - x", .rfc3164, msg: "10 - - - - - - x"),
        ParserCase(
            "<86>1 - host app 42 ID7 - text\r\n",
            .rfc5424,
            .authpriv,
            .info,
            host: "host",
            app: "app",
            procid: "42",
            msgid: "ID7",
            msg: "text"
        ),
        // TIMESTAMP
        ParserCase(
            "<13>1 2026-01-02T03:04:05Z h a - - -",
            .rfc5424,
            time: "2026-01-02T03:04:05.000000Z",
            host: "h",
            app: "a"
        ),
        ParserCase("<13>1 2026-01-02T03:04:05.1Z h - - - -", .rfc5424, time: "2026-01-02T03:04:05.100000Z", host: "h"),
        ParserCase(
            "<13>1 2026-01-02T03:04:05.123456789Z h - - - -",
            .rfc5424,
            time: "2026-01-02T03:04:05.123456Z",
            host: "h"
        ),
        ParserCase(
            "<13>1 2026-01-02T03:04:05.5+05:30 h - - - -",
            .rfc5424,
            time: "2026-01-01T21:34:05.500000Z",
            host: "h"
        ),
        ParserCase(
            "<13>1 2026-12-31T23:30:00-01:00 h - - - -",
            .rfc5424,
            time: "2027-01-01T00:30:00.000000Z",
            host: "h"
        ),
        ParserCase("<13>1 2026-01-02t03:04:05z h - - - -", .rfc5424, time: "2026-01-02T03:04:05.000000Z", host: "h"),
        ParserCase("<13>1 2016-12-31T23:59:60Z h - - - -", .rfc5424, time: "2017-01-01T00:00:00.000000Z", host: "h"),
        ParserCase("<13>1 2026-13-01T00:00:00Z h a - - - m", .rfc5424, host: "h", app: "a", msg: "m"),
        ParserCase("<13>1 2026-02-29T00:00:00Z h - - - -", .rfc5424, host: "h"),
        ParserCase("<13>1 2026-01-02T03:04:05 h - - - -", .rfc5424, host: "h"),
        ParserCase("<13>1 2026-01-02T03:04:05.Z h - - - -", .rfc5424, host: "h"),
        ParserCase("<13>1 2026-01-02 03:04:05Z h - - - -", .rfc5424, host: "03:04:05Z", app: "h", msg: "-"),
        ParserCase("<13>1 0000-01-01T00:00:00+00:01 h - - - -", .rfc5424, host: "h"),
        // Header fields
        ParserCase(
            "<13>1 - " + String(repeating: "h", count: 300) + " a - - -",
            .rfc5424,
            host: String(repeating: "h", count: 300),
            app: "a"
        ),
        ParserCase(
            "<13>1 - h " + String(repeating: "a", count: 60) + " - - -",
            .rfc5424,
            host: "h",
            app: String(repeating: "a", count: 60)
        ),
        ParserCase(
            "<13>1 - h a " + String(repeating: "9", count: 200) + " " + String(repeating: "M", count: 40) + " -",
            .rfc5424,
            host: "h",
            app: "a",
            procid: String(repeating: "9", count: 200),
            msgid: String(repeating: "M", count: 40)
        ),
        ParserCase(
            "<13>1 2026-01-02T03:04:05Z host app",
            .rfc5424,
            time: "2026-01-02T03:04:05.000000Z",
            host: "host",
            app: "app"
        ),
        ParserCase("<13>1 - - app - ID1 - m", .rfc5424, app: "app", msgid: "ID1", msg: "m"),
        ParserCase("<13>1 -  app - - - m", .rfc5424, app: "app", msg: "m"),
        // STRUCTURED-DATA
        ParserCase(#"<13>1 - - - - - [id p="a\"b\\c\]d"] m"#, .rfc5424, msg: "m", sd: #"{"id":{"p":"a\"b\\c]d"}}"#),
        ParserCase(#"<13>1 - - - - - [id p="a\nb"]"#, .rfc5424, sd: #"{"id":{"p":"a\\nb"}}"#),
        ParserCase(
            #"<13>1 - - - - - [id p="1" p="2" q="x" p="3"]"#,
            .rfc5424,
            sd: #"{"id":{"p":["1","2","3"],"q":"x"}}"#
        ),
        ParserCase(
            #"<13>1 - - - - - [a x="1"][b y="2"][c] tail"#,
            .rfc5424,
            msg: "tail",
            sd: #"{"a":{"x":"1"},"b":{"y":"2"},"c":{}}"#
        ),
        ParserCase(
            #"<13>1 - - - - - [a x="1"][b y="2"][a x="3" z="4"]"#,
            .rfc5424,
            sd: #"{"a":{"x":["1","3"],"z":"4"},"b":{"y":"2"}}"#
        ),
        ParserCase(
            #"<13>1 - - - - - [id p="has ] bracket and space"]"#,
            .rfc5424,
            sd: #"{"id":{"p":"has ] bracket and space"}}"#
        ),
        ParserCase(#"<13>1 - - - - - [id p=""]"#, .rfc5424, sd: #"{"id":{"p":""}}"#),
        ParserCase(#"<13>1 - - - - - [id  p="1"  q="2" ] m"#, .rfc5424, msg: "m", sd: #"{"id":{"p":"1","q":"2"}}"#),
        ParserCase(#"<13>1 - - - - - [id p="v""#, .rfc5424, msg: #"[id p="v""#),
        ParserCase(#"<13>1 - - - - - [id p="v"] [x] m"#, .rfc5424, msg: "[x] m", sd: #"{"id":{"p":"v"}}"#),
        ParserCase(#"<13>1 h - - - - [id p=v] m"#, .rfc5424, msg: "[id p=v] m"),
        ParserCase(#"<13>1 - - - - - [id p="v"]m"#, .rfc5424, msg: #"[id p="v"]m"#),
        ParserCase(#"<13>1 - - - - - [ p="v"] m"#, .rfc5424, msg: #"[ p="v"] m"#),
        ParserCase(#"<13>1 - - - - - [id p="unterminated] m"#, .rfc5424, msg: #"[id p="unterminated] m"#),
        ParserCase(#"<13>1 - - - - - [id p="v" q] m"#, .rfc5424, msg: #"[id p="v" q] m"#),
        ParserCase("<13>1 - - - - - -msg", .rfc5424, msg: "-msg"),
        ParserCase("<13>1 - - - - - plain text", .rfc5424, msg: "plain text"),
        ParserCase(#"<13>1 - - - - - [id@123 k="v\"] m"#, .rfc5424, msg: #"[id@123 k="v\"] m"#),
        // MSG
        ParserCase("<13>1 - - - - - - \(RFC5424ParserTests.bom)bom text", .rfc5424, msg: "bom text"),
        ParserCase("<13>1 - - - - - - \(RFC5424ParserTests.bom)", .rfc5424),
        ParserCase("<13>1 - - - - - - two  spaces  kept ", .rfc5424, msg: "two  spaces  kept "),
        ParserCase("<13>1 - - - - - - line1\nline2", .rfc5424, msg: "line1\nline2"),
        // Activity mapping
        ParserCase(
            #"<13>1 - - - - - [audit user="alice" action="login" path="/etc" result="ok"]"#,
            .rfc5424,
            sd: #"{"audit":{"user":"alice","action":"login","path":"/etc","result":"ok"}}"#,
            user: "alice",
            event: "login",
            resource: "/etc",
            outcome: "ok"
        ),
        ParserCase(
            #"<13>1 - - - - - [a uid="7"][b user="bob"]"#,
            .rfc5424,
            sd: #"{"a":{"uid":"7"},"b":{"user":"bob"}}"#,
            user: "bob"
        ),
        ParserCase(
            #"<13>1 - - - - - [a act="x" op="y"][b event="z"]"#,
            .rfc5424,
            sd: #"{"a":{"act":"x","op":"y"},"b":{"event":"z"}}"#,
            event: "z"
        ),
        ParserCase(
            #"<13>1 - - - - - [a User="no" status="s1" status="s2"]"#,
            .rfc5424,
            sd: #"{"a":{"User":"no","status":["s1","s2"]}}"#,
            outcome: "s1"
        ),
        ParserCase(
            #"<13>1 - - - - - [a file="f"][b target="t"]"#,
            .rfc5424,
            sd: #"{"a":{"file":"f"},"b":{"target":"t"}}"#,
            resource: "t"
        ),
        ParserCase(#"<13>1 - - - - - [a user="x\"y"]"#, .rfc5424, sd: #"{"a":{"user":"x\"y"}}"#, user: "x\"y"),
    ]

    @Test(arguments: Self.cases)
    func parses(_ row: ParserCase) throws {
        try row.verify()
    }

    @Test func invalidUTF8InMsgBecomesReplacementCharacter() throws {
        let row = ParserCase(bytes: Array("<13>1 - h - - - - a".utf8) + [0xFF, 0xC3] + Array("b".utf8), .rfc5424)
        let record = parseRecord(row.input)
        #expect(record.string(\.msg) == "a\u{FFFD}\u{FFFD}b")
        #expect(JSONLineEncoder.line(record).contains("\"msg\":\"a\u{FFFD}\u{FFFD}b\""))
    }
}
