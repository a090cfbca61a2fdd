import ActivityModel

/// Cisco IOS messages, `%FACILITY-SEVERITY-MNEMONIC: text`, whether the parser left the mnemonic in `app` or at the
/// start of `msg` (after a second Cisco timestamp such as `*Mar  1 00:00:01.123: `, or the ` : ` an ASA writes after
/// its host name); `%ASA-…`, `%FTD-…`, `%PIX-…` and `%FWSM-…` go to ``CiscoASARecognizer``.
///
/// ```
/// %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: admin] [Source: 10.1.1.1] [localport: 22] at …   login success
/// %SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: admin] [Source: 10.1.1.1] … [Reason: …] at …       login failure
/// %SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.1.1.1)                            config-change
/// %SYS-5-CONFIG_I: Configured from console by vty2 (10.1.1.1)                                     no user named
/// 007439: 2y10w: %SYS-5-CONFIG_I: …                   after a sequence number and an uptime, as in msg
/// %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to down                              link-down
/// %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/1, changed state to up          link-up
/// %SSH-5-SSH2_USERAUTH: User 'admin' authentication for SSH2 Session from 10.1.1.1 (tty = 0) … Succeeded
/// %SYS-6-LOGOUT: User admin has exited tty session 2(10.1.1.1)                                     session-close
/// %SSH-5-SSH2_CLOSE: SSH2 Session from 10.1.1.1 (tty = 0) for user 'admin' using … closed         session-close
/// %SEC_LOGIN-SW1-5-LOGIN_SUCCESS: …                                 a switch stack's member, as its master
/// %PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged command:interface Gi0/1                           config-change
/// ```
enum CiscoRecognizer {
    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var text = parts.cursor
        let mnemonic: TextSpan
        if let app = parts.app, parts.bytes[app.start] == UInt8(ascii: "%") {
            mnemonic = app
        } else {
            Self.skipTimestamp(&text)
            guard text.hasPrefix("%"), let name = text.upTo(": ") else { return false }
            mnemonic = name
        }
        let name = TextCursor(parts.bytes, mnemonic)
        // %FACILITY-SEVERITY-MNEMONIC, or %FACILITY-SWITCH-SEVERITY-MNEMONIC from a switch stack's member: the
        // facility before the first `-`, the mnemonic after the last.
        guard let firstDash = name.firstIndex(of: "-", from: mnemonic.start),
            let lastDash = name.lastIndex(of: "-", before: mnemonic.end), lastDash > firstDash
        else { return false }
        let facility = TextSpan(start: mnemonic.start + 1, end: firstDash)
        let kind = TextSpan(start: lastDash + 1, end: mnemonic.end)
        if name.equals(facility, "ASA") || name.equals(facility, "FTD") || name.equals(facility, "PIX")
            || name.equals(facility, "FWSM")
        {
            return CiscoASARecognizer.recognize(&text, id: kind, into: &fields)
        }
        if name.equals(facility, "SEC_LOGIN") {
            if name.equals(kind, "LOGIN_SUCCESS") { return Self.login(&text, Word.success, into: &fields) }
            if name.equals(kind, "LOGIN_FAILED") { return Self.login(&text, Word.failure, into: &fields) }
            return false
        }
        if name.equals(kind, "UPDOWN") || name.equals(kind, "CHANGED") { return Self.link(&text, into: &fields) }
        if name.equals(facility, "SYS"), name.equals(kind, "CONFIG_I") { return Self.configured(&text, into: &fields) }
        if name.equals(facility, "SYS"), name.equals(kind, "LOGOUT") { return Self.logout(&text, into: &fields) }
        if name.equals(kind, "SSH2_USERAUTH") { return Self.sshAuthentication(&text, into: &fields) }
        if name.equals(kind, "SSH2_CLOSE") { return Self.sshClose(&text, into: &fields) }
        if name.equals(kind, "CFGLOG_LOGGEDCMD") { return Self.loggedCommand(&text, into: &fields) }
        return false
    }

    /// Skips what comes before the mnemonic: a sequence number, a timestamp (`[*.]Mmm dd [yyyy ]hh:mm:ss[.fff][ ZONE]`,
    /// or an uptime, `00:00:46`, `2y10w`), each with its `: `.
    private static func skipTimestamp(_ text: inout TextCursor) {
        guard !text.hasPrefix("%") else { return }
        // A timestamp is at most ~40 bytes: look no further, so other messages cost little.
        let window = TextCursor(text.bytes, TextSpan(start: text.position, end: min(text.end, text.position + 48)))
        // The mnemonic's `%` after `: `, or after `:` (an ASA's `HOST :%…`).
        guard let percent = window.firstIndex(of: "%", from: text.position), percent > text.position else { return }
        let colon = text.bytes[percent - 1] == ByteClass.space ? percent - 2 : percent - 1
        guard colon >= text.position, text.bytes[colon] == UInt8(ascii: ":") else { return }
        text.position = percent
    }

    /// `Login Success [user: NAME] [Source: ADDRESS] …`.
    private static func login(
        _ text: inout TextCursor,
        _ outcome: StaticString,
        into fields: inout ActivityFields
    )
        -> Bool
    {
        if let user = text.firstIndex(of: "[user: ", from: text.position) {
            var value = TextCursor(text.bytes, TextSpan(start: user + 7, end: text.end))
            fields.offer(.user, span: value.upTo("]"))
        }
        if let source = text.firstIndex(of: "[Source: ", from: text.position) {
            var value = TextCursor(text.bytes, TextSpan(start: source + 9, end: text.end))
            fields.offer(.client, span: value.upTo("]"))
        }
        fields.offer(.event, .word(Word.login))
        fields.offer(.outcome, .word(outcome))
        return true
    }

    /// `[SLOT: ][Line protocol on ]Interface NAME, changed state to up|down|administratively down`.
    private static func link(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        if !text.hasPrefix("Interface "), !text.hasPrefix("Line protocol on "),
            let slot = text.firstIndex(of: ": ", from: text.position),
            ByteWords.firstIndex(of: ByteClass.space, in: text.bytes, from: text.position, to: slot) == nil
        {
            // A line card's prefix: `SIP0/1: Interface …`.
            text.position = slot + 2
        }
        _ = text.skip("Line protocol on ")
        guard text.skip("Interface "), let interface = text.upTo(", changed state to ") else { return false }
        let isUp = text.hasPrefix("up")
        guard isUp || text.firstIndex(of: "down", from: text.position) != nil else { return false }
        fields.offer(.event, .word(isUp ? Word.linkUp : Word.linkDown))
        fields.offer(.resource, span: interface)
        return true
    }

    /// `Configured from SOURCE by USER[ on LINE][ (ADDRESS)]`.
    private static func configured(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("Configured from "), text.upTo(" by ") != nil else { return false }
        let userEnd = text.firstIndex(of: " on ", from: text.position) ?? text.firstIndex(of: " (", from: text.position)
        let user = TextSpan(start: text.position, end: userEnd ?? text.end)
        if !Self.isLine(text, user) { fields.offer(.user, span: user) }
        if let open = text.lastIndex(of: "(", before: text.end), text.matches(")", at: text.end - 1) {
            fields.offer(.client, span: TextSpan(start: open + 1, end: text.end - 1))
        }
        fields.offer(.event, .word(Word.configChange))
        return true
    }

    /// Whether `by NAME` names a line, `console` or `vtyN`, as when no user logged in (not a user `vtyadmin`).
    private static func isLine(_ text: TextCursor, _ name: TextSpan) -> Bool {
        guard !text.equals(name, "console") else { return true }
        guard name.count > 3, text.matches("vty", at: name.start) else { return false }
        return (name.start + 3..<name.end).allSatisfy { ByteClass.isDigit(text.bytes[$0]) }
    }

    /// `User NAME has exited tty session N(ADDRESS)`.
    private static func logout(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("User "), let user = text.upTo(" has exited") else { return false }
        fields.offer(.user, span: user)
        if let open = text.lastIndex(of: "(", before: text.end), text.matches(")", at: text.end - 1) {
            fields.offer(.client, span: TextSpan(start: open + 1, end: text.end - 1))
        }
        fields.offer(.event, .word(Word.sessionClose))
        return true
    }

    /// `User 'NAME' authentication for SSH2 Session from ADDRESS (tty = N) … Succeeded|Failed`.
    private static func sshAuthentication(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("User '"), let user = text.upTo("' authentication for SSH2 Session from ") else {
            return false
        }
        fields.offer(.user, span: user)
        fields.offer(.client, span: text.word())
        fields.offer(.event, .word(Word.login))
        if text.lastIndex(of: "Succeeded", before: text.end) != nil {
            fields.offer(.outcome, .word(Word.success))
        } else if text.lastIndex(of: "Failed", before: text.end) != nil {
            fields.offer(.outcome, .word(Word.failure))
        }
        return true
    }

    /// `SSH2 Session from ADDRESS (tty = N) for user 'NAME' using … closed`.
    private static func sshClose(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("SSH2 Session from "), let address = text.word(), text.upTo(" for user '") != nil,
            let user = text.upTo("'")
        else { return false }
        fields.offer(.user, span: user)
        fields.offer(.client, span: address)
        fields.offer(.event, .word(Word.sessionClose))
        return true
    }

    /// `User:NAME  logged command:COMMAND`.
    private static func loggedCommand(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("User:"), let user = text.upTo(" ") else { return false }
        fields.offer(.user, span: user)
        text.skipSpaces()
        guard text.skip("logged command:") else { return false }
        fields.offer(.resource, span: text.rest)
        fields.offer(.event, .word(Word.configChange))
        return true
    }
}
