import ActivityModel

/// `login` from util-linux and from shadow-utils. The resource is `login`; `FROM` is a client only when it names a
/// host, not a terminal.
///
/// ```
/// ROOT LOGIN ON tty2                                             success root
/// LOGIN ON pts/1 BY bob FROM host.example                        success bob, client host.example
/// FAILED LOGIN 1 FROM tty1 FOR bob, Authentication failure      failure bob
/// ROOT LOGIN  on '/dev/tty1' from 'host'                        success root (shadow)
/// 'bob' logged in  on 'pts/0' from 'host'                        success bob, client host (shadow)
/// FAILED LOGIN (1) on '/dev/pts/1' from 'host' FOR 'bob', Authentication failure
/// TOO MANY LOGIN TRIES (5) on '/dev/tty1' FOR 'bob'             failure bob
/// FAILED LOGIN (1) on 'pts/0' FOR `UNKNOWN', User not known …   failure, no user (older shadow)
/// ```
///
/// A user name of blanks, shadow's `UNKNOWN` and util-linux's `(unknown)` (written for a name that has no account,
/// which may be a password typed at the wrong prompt), leave the user absent; `FROM (null)` and `<unknown>` name no
/// host, nor does a terminal (`tty1`, `pts/0`, `hvc0`: util-linux writes the terminal when there is no host).
enum LoginRecognizer {
    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var cursor = parts.cursor
        if cursor.skip("ROOT LOGIN ") {
            fields.offer(.user, .word("root"))
            Self.host(cursor, into: &fields)
            return Self.finish(Word.success, into: &fields)
        }
        var quoted = cursor
        if quoted.skip("'"), let user = quoted.upTo("' logged in") {
            // shadow's `'%s' logged in %s`, the host after ` on 'TTY'`.
            fields.offer(.user, span: user)
            Self.host(quoted, into: &fields)
            return Self.finish(Word.success, into: &fields)
        }
        if cursor.skip("LOGIN ON "), cursor.word() != nil, cursor.skip(" BY ") {
            fields.offer(.user, span: cursor.word())
            Self.host(cursor, into: &fields)
            return Self.finish(Word.success, into: &fields)
        }
        if cursor.skip("FAILED LOGIN ") || cursor.skip("TOO MANY LOGIN TRIES ") {
            var user: TextSpan?
            if let quoted = cursor.firstIndex(of: " FOR '", from: cursor.position)
                ?? cursor.firstIndex(of: " FOR `", from: cursor.position)
            {
                var rest = TextCursor(cursor.bytes, TextSpan(start: quoted + 6, end: cursor.end))
                user = rest.upTo("'")
            } else if let plain = cursor.firstIndex(of: " FOR ", from: cursor.position) {
                var rest = TextCursor(cursor.bytes, TextSpan(start: plain + 5, end: cursor.end))
                user = rest.upTo(",") ?? rest.word()
            }
            if let user, !Self.namesNoOne(cursor, user) { fields.offer(.user, span: user) }
            Self.host(cursor, into: &fields)
            return Self.finish(Word.failure, into: &fields)
        }
        return false
    }

    private static func finish(_ outcome: StaticString, into fields: inout ActivityFields) -> Bool {
        fields.offer(.event, .word(Word.login))
        fields.offer(.resource, .word("login"))
        fields.offer(.outcome, .word(outcome))
        return true
    }

    /// The host after `FROM HOST` or `from 'HOST'`, unless it is a terminal (`tty1`, `pts/0`, `/dev/…`, `console`).
    private static func host(_ cursor: TextCursor, into fields: inout ActivityFields) {
        var host: TextSpan?
        if let quoted = cursor.firstIndex(of: " from '", from: cursor.position) {
            var rest = TextCursor(cursor.bytes, TextSpan(start: quoted + 7, end: cursor.end))
            host = rest.upTo("'")
        } else if let plain = cursor.firstIndex(of: " FROM ", from: cursor.position) {
            var rest = TextCursor(cursor.bytes, TextSpan(start: plain + 6, end: cursor.end))
            host = rest.word().map { cursor.dropping(UInt8(ascii: ","), from: $0) }
        }
        guard let host, !Self.isTerminal(cursor, host), !cursor.equals(host, "(null)"),
            !cursor.equals(host, "<unknown>")
        else { return }
        fields.offer(.client, span: host)
    }

    /// Whether a user name is only blanks, or shadow's `UNKNOWN`.
    private static func namesNoOne(_ cursor: TextCursor, _ name: TextSpan) -> Bool {
        var rest = TextCursor(cursor.bytes, name)
        rest.skipSpaces()
        return rest.isAtEnd || cursor.equals(name, "UNKNOWN") || cursor.equals(name, "(unknown)")
    }

    /// Whether `span` names a terminal, not a host: `tty1`, `ttyS0`, `pts/0`, `/dev/…`, `console`, and the
    /// hypervisors' consoles `hvc0` and `xvc0`.
    static func isTerminal(_ cursor: TextCursor, _ span: TextSpan) -> Bool {
        cursor.matches("tty", at: span.start) || cursor.matches("pts/", at: span.start)
            || cursor.matches("/dev/", at: span.start) || cursor.equals(span, "console")
            || cursor.matches("hvc", at: span.start) || cursor.matches("xvc", at: span.start)
    }
}
