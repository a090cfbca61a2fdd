import ActivityModel

/// Junos OS events, by their tag at the start of the text (`UI_LOGIN_EVENT: …`, BSD format), by MSGID (RFC 5424
/// format, where the text follows without the tag), or with `explicit-priority`'s `%FACILITY-SEVERITY-` before the
/// tag (`%INTERACT-6-UI_COMMIT: …`, in the text or as the TAG).
///
/// ```
/// UI_LOGIN_EVENT: User 'admin' login, class 'j-super-user' [1234], ssh-connection '10.0.0.9 51122 10.0.0.1 22', …
/// UI_AUTH_EVENT: Authenticated user 'admin' at permission level 'j-super-user'                  login success
/// SSHD_LOGIN_FAILED: Login failed for user 'admin' from host '10.0.0.9'                          login failure, sshd
/// UI_LOGOUT_EVENT: User 'admin' logout                                                           session-close
/// UI_COMMIT: User 'admin' requested 'commit' operation (comment: none)                           config-change
/// SNMP_TRAP_LINK_DOWN: ifIndex 502, ifAdminStatus up(1), ifOperStatus down(2), ifName xe-0/0/0   link-down
/// RT_FLOW_SESSION_CREATE: session created 10.0.0.5/41013->198.51.100.7/443 0x0 junos-https …     connection success
/// RT_FLOW_SESSION_CLOSE: session closed TCP FIN: 10.0.0.5/41013->198.51.100.7/443 0x0 …          connection success
/// RT_FLOW_SESSION_DENY: session denied 10.0.0.5/53211->198.51.100.7/22 0x0 junos-ssh 6(0) …      connection failure
/// ```
///
/// A flow's client is its source address, its resource the destination's `ADDRESS:PORT` (SRX writes its flows as
/// `SOURCE/PORT->DESTINATION/PORT`). Many SRX policies log only a session's close (`then permit log session-close`),
/// which is the record of a permitted flow, so it counts as one, as FortiGate's `action="close"` does.
enum JunosRecognizer {
    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var text = parts.cursor
        let tag: TextSpan
        if let msgid = parts.msgid, Self.isJunosTag(TextCursor(parts.bytes, msgid), msgid) {
            tag = msgid
            _ = text.skip(":")  // some senders repeat the tag in the text
        } else if let app = parts.app, let prioritized = Self.afterPriority(TextCursor(parts.bytes, app), app.start),
            Self.isJunosTag(TextCursor(parts.bytes, app), TextSpan(start: prioritized, end: app.end))
        {
            // `explicit-priority` with no process name, the parser having taken `%INTERACT-6-UI_COMMIT` for the TAG.
            tag = TextSpan(start: prioritized, end: app.end)
        } else {
            if let prioritized = Self.afterPriority(text, text.position) { text.position = prioritized }
            guard let word = Self.tagAtStart(&text) else { return false }
            tag = word
        }
        let name = TextCursor(parts.bytes, tag)
        text.skipSpaces()
        if name.equals(tag, "UI_LOGIN_EVENT") {
            guard text.skip("User '"), let user = text.upTo("' login") else { return false }
            fields.offer(.user, span: user)
            if let connection = text.firstIndex(of: "-connection '", from: text.position) {
                // `'ADDRESS PORT LOCAL-ADDRESS LOCAL-PORT'`, or `''` for a login with no connection.
                var inside = TextCursor(text.bytes, TextSpan(start: connection + 13, end: text.end))
                let quoted = inside.upTo(byte: UInt8(ascii: "'"))
                var address = TextCursor(text.bytes, quoted)
                fields.offer(.client, span: address.word())
            }
            return Self.finish(Word.login, Word.success, into: &fields)
        }
        if name.equals(tag, "UI_AUTH_EVENT") {
            guard text.skip("Authenticated user '") else { return false }
            fields.offer(.user, span: text.upTo("'"))
            return Self.finish(Word.login, Word.success, into: &fields)
        }
        if name.equals(tag, "SSHD_LOGIN_FAILED") || name.equals(tag, "UI_LOGIN_FAILED") {
            guard text.skip("Login failed for user '") else { return false }
            fields.offer(.user, span: text.upTo("'"))
            if text.skip(" from host '") { fields.offer(.client, span: text.upTo("'")) }
            if name.matches("SSHD_", at: tag.start) { fields.offer(.resource, .word("sshd")) }
            return Self.finish(Word.login, Word.failure, into: &fields)
        }
        if name.equals(tag, "UI_LOGOUT_EVENT") {
            guard text.skip("User '") else { return false }
            fields.offer(.user, span: text.upTo("'"))
            return Self.finish(Word.sessionClose, nil, into: &fields)
        }
        if name.equals(tag, "SNMP_TRAP_LINK_DOWN") || name.equals(tag, "SNMP_TRAP_LINK_UP") {
            guard let interface = text.firstIndex(of: "ifName ", from: text.position) else { return false }
            var value = TextCursor(text.bytes, TextSpan(start: interface + 7, end: text.end))
            fields.offer(.resource, span: value.word())
            let isUp = name.equals(tag, "SNMP_TRAP_LINK_UP")
            return Self.finish(isUp ? Word.linkUp : Word.linkDown, nil, into: &fields)
        }
        if name.matches("RT_FLOW_SESSION_", at: tag.start) { return Self.flow(&text, name, tag, into: &fields) }
        if name.equals(tag, "UI_COMMIT") {
            guard text.skip("User '") else { return false }
            fields.offer(.user, span: text.upTo("'"))
            return Self.finish(Word.configChange, nil, into: &fields)
        }
        return false
    }

    /// `session created|denied SOURCE/PORT->DESTINATION/PORT …` or `session closed REASON: SOURCE/PORT->…`, for
    /// `RT_FLOW_SESSION_CREATE`, `_DENY` and `_CLOSE` (and their logical systems' `…_LS`).
    private static func flow(
        _ text: inout TextCursor,
        _ name: TextCursor,
        _ tag: TextSpan,
        into fields: inout ActivityFields
    ) -> Bool {
        let kind = TextSpan(start: tag.start + 16, end: tag.end)
        let outcome: StaticString
        if name.equals(kind, "CREATE") || name.equals(kind, "CREATE_LS") {
            guard text.skip("session created ") else { return false }
            outcome = Word.success
        } else if name.equals(kind, "CLOSE") || name.equals(kind, "CLOSE_LS") {
            guard text.skip("session closed "), text.upTo(": ") != nil else { return false }
            outcome = Word.success
        } else if name.equals(kind, "DENY") || name.equals(kind, "DENY_LS") {
            guard text.skip("session denied ") else { return false }
            outcome = Word.failure
        } else {
            return false
        }
        let slash = UInt8(ascii: "/")
        guard let source = text.upTo("->"), let destination = text.word(),
            let sourceSlash = ByteWords.lastIndex(of: slash, in: text.bytes, from: source.start, to: source.end),
            sourceSlash > source.start,
            let port = ByteWords.lastIndex(of: slash, in: text.bytes, from: destination.start, to: destination.end),
            port > destination.start, port + 1 < destination.end
        else { return false }
        fields.offer(.client, span: TextSpan(start: source.start, end: sourceSlash))
        fields.offer(
            .resource,
            .endpoint(
                TextSpan(start: destination.start, end: port),
                port: TextSpan(start: port + 1, end: destination.end)
            )
        )
        return Self.finish(Word.connection, outcome, into: &fields)
    }

    private static func finish(
        _ event: StaticString,
        _ outcome: StaticString?,
        into fields: inout ActivityFields
    )
        -> Bool
    {
        fields.offer(.event, .word(event))
        if let outcome { fields.offer(.outcome, .word(outcome)) }
        return true
    }

    /// `UI_…`, `SSHD_…`, `SNMP_TRAP_LINK_…` or `RT_FLOW_SESSION_…`, all upper-case letters, digits and `_`.
    private static func isJunosTag(_ cursor: TextCursor, _ span: TextSpan) -> Bool {
        guard Self.startsJunosTag(cursor, at: span.start) else { return false }
        for index in span.start..<span.end {
            let byte = cursor.bytes[index]
            guard byte &- UInt8(ascii: "A") < 26 || ByteClass.isDigit(byte) || byte == UInt8(ascii: "_") else {
                return false
            }
        }
        return true
    }

    /// Whether a tag the recognizer reads starts at `index`.
    private static func startsJunosTag(_ cursor: TextCursor, at index: Int) -> Bool {
        cursor.matches("UI_", at: index) || cursor.matches("SSHD_", at: index)
            || cursor.matches("SNMP_TRAP_LINK_", at: index) || cursor.matches("RT_FLOW_SESSION_", at: index)
    }

    /// Where the tag starts after the `%FACILITY-SEVERITY-` that `explicit-priority` writes before it
    /// (`%INTERACT-6-UI_COMMIT`, `%AUTH-3-SSHD_LOGIN_FAILED`), if that is at `index`.
    private static func afterPriority(_ cursor: TextCursor, _ index: Int) -> Int? {
        guard cursor.matches("%", at: index) else { return nil }
        var position = index + 1
        while position < cursor.end, cursor.bytes[position] &- UInt8(ascii: "A") < 26 { position += 1 }
        guard position > index + 1, position + 3 <= cursor.end, cursor.bytes[position] == UInt8(ascii: "-"),
            ByteClass.isDigit(cursor.bytes[position + 1]), cursor.bytes[position + 2] == UInt8(ascii: "-")
        else { return nil }
        return position + 3
    }

    /// A Junos tag and its `: ` at the start of the text.
    private static func tagAtStart(_ text: inout TextCursor) -> TextSpan? {
        guard Self.startsJunosTag(text, at: text.position) else { return nil }
        let start = text.position
        guard let tag = text.upTo(": "), Self.isJunosTag(text, tag) else {
            text.position = start
            return nil
        }
        return tag
    }
}
