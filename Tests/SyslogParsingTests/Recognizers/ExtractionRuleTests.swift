import ActivityModel
import SyslogParsing
import Testing

/// Operator `extract` rules: whole-message patterns, placeholders, constants, app narrowing, precedence, and a bound
/// on the work per message.
struct ExtractionRuleTests {
    private static func rule(
        _ pattern: String,
        app: String? = nil,
        _ constants: [(String, String)] = []
    ) -> ExtractionRule {
        try! ExtractionRule(app: app, pattern: pattern, constants: constants.map { (field: $0.0, value: $0.1) })
    }

    static let shop = Self.rule(
        "order %resource% placed by %user%",
        app: "shop",
        [("event", "order-placed"), ("outcome", "success")]
    )
    static let vpn = Self.rule("VPN: user %user% from %client% %outcome%", [("event", "login")])
    static let skip = Self.rule("%-%] denied %resource% to %user%")

    static let cases: [ActivityCase] = [
        ActivityCase(
            "<14>Dec  6 10:00:00 h shop[1]: order 42 placed by alice",
            user: "alice",
            event: "order-placed",
            resource: "42",
            outcome: "success"
        ),
        ActivityCase("<14>Dec  6 10:00:00 h other[1]: order 42 placed by alice"),
        // The shortest text up to the next literal (here a space) and no backtracking: "bob" is the user, then
        // "smith" is not "from", so the rule does not match.
        ActivityCase("<14>Dec  6 10:00:00 h vpnd: VPN: user bob smith from 198.51.100.7 rejected"),
        ActivityCase(
            "<14>Dec  6 10:00:00 h vpnd: VPN:   user  carol  from 198.51.100.8 ok",
            user: "carol",
            event: "login",
            outcome: "ok",
            client: "198.51.100.8"
        ),
        ActivityCase("<14>Dec  6 10:00:00 h vpnd: VPN: user carol from 198.51.100.8"),
        ActivityCase(
            "<14>Dec  6 10:00:00 h vpnd: VPN: user carol from 198.51.100.8 ok trailing",
            user: "carol",
            event: "login",
            outcome: "ok trailing",
            client: "198.51.100.8"
        ),
        ActivityCase(
            "<14>Dec  6 10:00:00 h proxy: 10:00:00 [x] denied http://a/b to dave",
            user: "dave",
            resource: "http://a/b"
        ),
        // A rule wins over the built-in recognizer, field by field; the recognizer fills the rest.
        ActivityCase(
            "<38>Dec  6 10:01:02 web1 sshd[1]: Failed password for root from 203.0.113.9 port 22 ssh2",
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "denied",
            client: "203.0.113.9"
        ),
    ]

    @Test(arguments: Self.cases)
    func rulesComeFirst(_ row: ActivityCase) throws {
        try row.verify(rules: [
            Self.shop, Self.vpn, Self.skip, Self.rule("Failed %-% for %user% from %-%", [("outcome", "denied")]),
        ])
    }

    /// The same rule narrowed to sshd still wins over the recognizer; narrowed to another app it does not apply.
    @Test func aRuleNarrowedToAnAppAppliesOnlyToIt() throws {
        let line = "<38>Dec  6 10:01:02 web1 sshd[1]: Failed password for root from 203.0.113.9 port 22 ssh2"
        for (app, outcome) in [("sshd", "denied"), ("vpnd", "failure")] {
            let rule = Self.rule("Failed %-% for %user% from %-%", app: app, [("outcome", "denied")])
            let row = ActivityCase(
                line,
                user: "root",
                event: "login",
                resource: "sshd",
                outcome: outcome,
                client: "203.0.113.9"
            )
            try row.verify(rules: [rule])
        }
    }

    @Test func theFirstMatchingRuleWins() throws {
        let row = ActivityCase("<14>Dec  6 10:00:00 h app: a b", user: "a", event: "first")
        try row.verify(rules: [Self.rule("%user% b", [("event", "first")]), Self.rule("%event% b", [("user", "x")])])
    }

    /// A relay may keep a space before the text (rsyslog rewriting a BSD line as RFC 5424), and sudo indents its
    /// lines: the text is matched from its first word, and spaces that start the pattern match nothing.
    @Test func theTextIsMatchedFromItsFirstWord() throws {
        let relayed = ActivityCase(
            "<14>1 2026-12-06T10:00:00Z h vpnd - - -  VPN: user carol from 198.51.100.8 ok",
            user: "carol",
            event: "login",
            outcome: "ok",
            client: "198.51.100.8"
        )
        try relayed.verify(rules: [Self.vpn])
        let indented = ActivityCase("<14>Dec  6 10:00:00 h sudo:    alice : ran it", user: "alice", event: "ran")
        try indented.verify(rules: [Self.rule("%user% : ran it", [("event", "ran")])])
        try indented.verify(rules: [Self.rule("  %user% : ran it", [("event", "ran")])])
    }

    @Test func percentPercentIsALiteralPercent() throws {
        let row = ActivityCase("<14>Dec  6 10:00:00 h app: 100% by eve", user: "eve")
        try row.verify(rules: [Self.rule("100%% by %user%")])
    }

    @Test(arguments: [
        ("%usr%", "%usr%"), ("a %user", "a %user"), ("%user%%event%", "%event%"), ("", ""), ("   ", ""),
        ("%%user%", "%user%"),
    ])
    func badPatternsAreRefused(pattern: String, value: String) {
        #expect(throws: ExtractionRule.Problem.self) { try ExtractionRule(app: nil, pattern: pattern, constants: []) }
    }

    @Test func constantsNameRealFieldsAndHaveValues() {
        #expect(throws: ExtractionRule.Problem.self) {
            try ExtractionRule(app: nil, pattern: "x", constants: [(field: "host", value: "y")])
        }
        #expect(throws: ExtractionRule.Problem.self) {
            try ExtractionRule(app: nil, pattern: "x", constants: [(field: "user", value: "")])
        }
    }

    /// Forty placeholders against 64 KiB that almost matches: without backtracking the work stays linear in the
    /// tokens, so this takes milliseconds, not the age of the universe. (About a second for ten messages in a debug
    /// build; the bound is wide because the whole suite runs in parallel on a loaded machine, and a quadratic
    /// matcher would still take minutes.)
    @Test func manyPlaceholdersCannotMakeMatchingExplode() throws {
        let pattern = (0..<40).map { _ in "%-%a" }.joined() + "%user%b"
        let rule = try ExtractionRule(app: nil, pattern: pattern, constants: [])
        let message = "<14>Dec  6 10:00:00 h app: " + String(repeating: "a", count: 65_000)
        var parser = SyslogParser(
            configuration: SyslogParserConfiguration(rfc3164TimeZone: .utc, extractionRules: [rule])
        )
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<10 {
                let record = parser.parse(
                    Array(message.utf8),
                    context: ReceptionContext(received: timestamp(defaultReceived))
                )
                #expect(record.user == nil)
            }
        }
        #expect(elapsed < .seconds(30), "10 messages took \(elapsed)")
    }
}
