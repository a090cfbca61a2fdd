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
/// ```
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
        if name.equals(tag, "UI_COMMIT") {
            guard text.skip("User '") else { return false }
            fields.offer(.user, span: text.upTo("'"))
            return Self.finish(Word.configChange, nil, into: &fields)
        }
        return false
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

    /// `UI_…`, `SSHD_…` or `SNMP_TRAP_LINK_…`, all upper-case letters, digits and `_`.
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
            || cursor.matches("SNMP_TRAP_LINK_", at: index)
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
