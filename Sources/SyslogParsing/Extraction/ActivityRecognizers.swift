import ActivityModel

/// Chooses the built-in recognizer for a message: by a fixed prefix of its text (PAM, Junos, Cisco, CEF) or by its
/// `app`. At most one recognizer runs per message, and each gives up at its first byte that does not fit, so a
/// message that is no activity costs a few comparisons.
enum ActivityRecognizers {
    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) {
        var parts = parts
        parts.msg = Self.unwrappingRepetition(parts)
        if PAMRecognizer.recognize(parts, into: &fields) { return }
        if JunosRecognizer.recognize(parts, into: &fields) { return }
        if CiscoRecognizer.recognize(parts, into: &fields) { return }
        if CEFRecognizer.recognize(parts, into: &fields) { return }
        guard let app = parts.app else { return }
        let name = TextCursor(parts.bytes, app)
        if name.equals(app, "sshd") || name.equals(app, "sshd-session") {
            _ = OpenSSHRecognizer.recognize(parts, into: &fields)
        } else if name.equals(app, "sudo") {
            _ = SudoRecognizer.recognize(parts, into: &fields)
        } else if name.equals(app, "su") {
            _ = SuRecognizer.recognize(parts, into: &fields)
        } else if name.equals(app, "login") {
            _ = LoginRecognizer.recognize(parts, into: &fields)
        } else if name.equals(app, "systemd-logind") {
            _ = LogindRecognizer.recognize(parts, into: &fields)
        } else if name.equals(app, "CRON") || name.equals(app, "cron") || name.equals(app, "crond") {
            _ = CronRecognizer.recognize(parts, into: &fields)
        } else if Self.accountTools.contains(where: { name.equals(app, $0) }) {
            _ = AccountToolsRecognizer.recognize(parts, into: &fields)
        }
    }

    private static let accountTools: [StaticString] = [
        "useradd", "userdel", "usermod", "groupadd", "groupdel", "groupmod", "passwd", "chpasswd", "gpasswd",
    ]

    /// The message inside rsyslog's `message repeated N times: [ MESSAGE]`, or the text itself.
    private static func unwrappingRepetition(_ parts: MessageParts) -> TextSpan {
        var cursor = parts.cursor
        guard cursor.skip("message repeated "), cursor.word() != nil, cursor.skip(" times: ["),
            cursor.end > cursor.position, parts.bytes[cursor.end - 1] == UInt8(ascii: "]")
        else { return parts.msg }
        _ = cursor.skip(" ")
        return TextSpan(start: cursor.position, end: max(cursor.position, cursor.end - 1))
    }
}
