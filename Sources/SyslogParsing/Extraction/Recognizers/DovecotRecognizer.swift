import ActivityModel

/// Dovecot's login processes (`imap-login`, `pop3-login`, `submission-login`, `managesieve-login`), under the
/// `dovecot` TAG with the process first, or under their own TAG (Dovecot's own log file):
///
/// ```
/// imap-login: Login: user=<bob>, method=PLAIN, rip=203.0.113.9, lip=10.0.0.1, mpid=1234, TLS      login success
/// imap-login: Disconnected (auth failed, 1 attempts in 6 secs): user=<bob>, method=PLAIN, rip=…   login failure
/// imap-login: Aborted login (auth failed, 1 attempts in 2 secs): user=<bob>, …                   login failure
/// imap-login: Login aborted: Connection closed (auth failed, 3 attempts in 15 secs) (auth_failed): user=<bob>, …
/// pop3-login: Info: Login: user=<bob>, …                                        (the log file writes the level)
/// imap-login: Disconnected (no auth attempts in 0 secs): user=<>, rip=…        no login tried: nothing
/// ```
///
/// A login process's line is read even when it says nothing: its `user=<>,` is no key=value pair.
///
/// The resource is the service (`imap`, `pop3`), the client `rip`; `user=<>` names no one.
enum DovecotRecognizer {
    static func recognize(_ parts: MessageParts, app: TextSpan, into fields: inout ActivityFields) -> Bool {
        var text = parts.cursor
        let service: TextSpan
        if TextCursor(parts.bytes, app).equals(app, "dovecot") {
            // `imap-login: …`: the process names the service.
            guard let process = text.upTo(": "), process.count > 6, text.matches("-login", at: process.end - 6) else {
                return false
            }
            service = TextSpan(start: process.start, end: process.end - 6)
        } else {
            service = TextSpan(start: app.start, end: app.end - 6)
        }
        _ = text.skip("Info: ")
        let outcome: StaticString
        if text.skip("Login: ") {
            outcome = Word.success
        } else if let failed = text.firstIndex(of: "(auth failed, ", from: text.position),
            let user = text.firstIndex(of: "user=<", from: text.position), failed < user
        {
            outcome = Word.failure
        } else {
            // A login process's other lines (`no auth attempts`, `Connection closed`) are read, and say nothing.
            return true
        }
        fields.offer(.user, span: text.value(of: "user=<", upTo: UInt8(ascii: ">")))
        fields.offer(.client, span: text.value(of: "rip=", upTo: UInt8(ascii: ",")))
        fields.offer(.event, .word(Word.login))
        fields.offer(.resource, span: service)
        fields.offer(.outcome, .word(outcome))
        return true
    }
}
