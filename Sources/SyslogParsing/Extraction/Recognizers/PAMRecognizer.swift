import ActivityModel

/// Linux-PAM module lines, from any program: `pam_unix(SERVICE:TYPE): …` and the other `pam_*` modules in the
/// same form, the old `SERVICE(pam_unix)` app style, and the application's own `PAM N more authentication
/// failures; …`. The service is the resource.
///
/// ```
/// pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9  user=root
/// pam_unix(sshd:auth): check pass; user unknown
/// pam_unix(sshd:account): account bob has expired (account expired)                login failure bob
/// pam_unix(sshd:session): session opened for user bob(uid=1000) by (uid=0)
/// pam_unix(sshd:session): session closed for user bob
/// pam_unix(passwd:chauthtok): password changed for bob     (password-change, resource bob: no user stated)
/// pam_sss(sshd:auth): received for user bob: 7 (Authentication failure)    (0 (Success) is a success)
/// PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9  user=root
/// PAM 1 more authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9  user=root
/// pam_faillock(sshd:auth): Consecutive login failures for user bob account temporarily locked
/// pam_access(sshd:account): access denied for user `bob' from `203.0.113.9'
/// pam_listfile(vsftpd:auth): Refused user root for service vsftpd                  login failure root
/// pam_tally2(sudo:auth): user bob (4001) tally 6, deny 5                           login failure bob (locked out)
/// (pam_unix) authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=…  user=root   (Linux-PAM 0.99)
/// pam_unix: authentication failure; logname= uid=0 euid=0 tty=ftp ruser= rhost=…               (older still)
/// 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=…  user=root      (app sshd(pam_unix))
/// password check failed for user (bob)     (app unix_chkpwd, pam_unix's helper: login failure, no service named)
/// ```
enum PAMRecognizer {
    /// Whether the message is PAM's: a `pam_` module prefix (`pam_unix: ` too), a `SERVICE(pam_…)` app, `(pam_…) `, or
    /// `PAM N more`.
    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var cursor = parts.cursor
        var service: TextSpan?
        if cursor.hasPrefix("pam_") {
            guard let module = cursor.word(), cursor.skip(" ") else { return false }
            if cursor.bytes[module.end - 1] == UInt8(ascii: ":"),
                ByteWords.firstIndex(of: UInt8(ascii: "("), in: cursor.bytes, from: module.start, to: module.end) == nil
            {
                // Old Linux-PAM: `pam_unix: TEXT`, the service being the app.
                service = parts.app
            } else {
                // pam_MODULE(SERVICE:TYPE): TEXT
                cursor.position = module.start
                guard let open = cursor.firstIndex(of: "(", from: cursor.position),
                    let close = cursor.firstIndex(of: "): ", from: open)
                else { return false }
                let colon = cursor.firstIndex(of: ":", from: open + 1).map { min($0, close) } ?? close
                service = TextSpan(start: open + 1, end: colon)
                cursor.position = close + 3
            }
        } else if let app = parts.app, parts.bytes[app.end - 1] == UInt8(ascii: ")"),
            let open = TextCursor(parts.bytes, app).firstIndex(of: "(pam_", from: app.start)
        {
            service = TextSpan(start: app.start, end: open)
        } else if cursor.skip("(pam_"), cursor.upTo(") ") != nil {
            // Linux-PAM 0.99: `(pam_unix) authentication failure; …`, the service being the app.
            service = parts.app
        } else if cursor.skip("PAM "), Self.skipMoreFailures(&cursor) {
            service = parts.app
        } else {
            return false
        }
        return Self.text(&cursor, service: service, into: &fields)
    }

    /// pam_unix's password helper, `unix_chkpwd` (its own app): `password check failed for user (NAME)`.
    static func recognizeHelper(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var cursor = parts.cursor
        guard cursor.skip("password check failed for user ("), let user = cursor.upTo(")") else { return false }
        fields.offer(.user, span: user)
        return Self.finish(Word.login, Word.failure, nil, into: &fields)
    }

    private static func text(_ cursor: inout TextCursor, service: TextSpan?, into fields: inout ActivityFields) -> Bool
    {
        // The old app style writes pam_unix's count without the application's `PAM ` before it.
        _ = Self.skipMoreFailures(&cursor)
        if cursor.hasPrefix("authentication failure") || cursor.hasPrefix("; logname=") {
            let (user, host) = Self.userAndRemoteHost(cursor)
            fields.offer(.user, span: user)
            // sshd gives PAM `UNKNOWN` for an address it could not read.
            fields.offer(.client, span: OpenSSHRecognizer.address(host, cursor))
            return Self.finish(Word.login, Word.failure, service, into: &fields)
        }
        if cursor.skip("check pass; user unknown") {
            return Self.finish(Word.login, Word.failure, service, into: &fields)
        }
        if cursor.skip("account "), let user = cursor.upTo(" has expired (") {
            // pam_unix's account stage: the account's expiry date is past, so the login is refused.
            fields.offer(.user, span: user)
            return Self.finish(Word.login, Word.failure, service, into: &fields)
        }
        if cursor.skip("Consecutive login failures for user "), let user = cursor.upTo(" account temporarily locked") {
            // pam_faillock
            fields.offer(.user, span: user)
            return Self.finish(Word.login, Word.failure, service, into: &fields)
        }
        if cursor.skip("access denied for user `"), let user = cursor.upTo("' from `") {
            // pam_access: `access denied for user `bob' from `203.0.113.9'`; `from` is the remote host, else the
            // terminal, else the service, and only a host is a client.
            fields.offer(.user, span: user)
            if let from = cursor.upTo("'"), !LoginRecognizer.isTerminal(cursor, from),
                !Self.sameText(from, service, cursor)
            {
                fields.offer(.client, span: from)
            }
            return Self.finish(Word.login, Word.failure, service, into: &fields)
        }
        var tally = cursor
        if tally.skip("user "), let user = tally.upTo(" ("), tally.upTo(") tally ") != nil, tally.upTo(", deny ") != nil
        {
            // pam_tally2 (and pam_tally): the failure count passed `deny`, so the login is refused.
            fields.offer(.user, span: user)
            return Self.finish(Word.login, Word.failure, service, into: &fields)
        }
        if cursor.skip("Refused user "), let user = cursor.upTo(" for service ") {
            // pam_listfile: the user is on the service's deny list (or not on its allow list).
            fields.offer(.user, span: user)
            return Self.finish(Word.login, Word.failure, service, into: &fields)
        }
        if cursor.skip("auth could not identify password for [") {
            fields.offer(.user, span: cursor.upTo("]"))
            return Self.finish(Word.login, Word.failure, service, into: &fields)
        }
        if cursor.skip("received for user "), let user = cursor.upTo(": ") {
            // pam_sss: `N (TEXT)`, N being PAM's return code, and only 0 (`Success`) a success.
            fields.offer(.user, span: user)
            let succeeded = cursor.skip("0 (")
            return Self.finish(Word.login, succeeded ? Word.success : Word.failure, service, into: &fields)
        }
        if cursor.skip("session opened for user ") {
            fields.offer(.user, span: Self.userName(&cursor))
            return Self.finish(Word.sessionOpen, Word.success, service, into: &fields)
        }
        if cursor.skip("session closed for user ") {
            fields.offer(.user, span: Self.userName(&cursor))
            return Self.finish(Word.sessionClose, nil, service, into: &fields)
        }
        if cursor.skip("password changed for ") {
            // The account whose password changed is the resource, as for the account tools; who changed it (the
            // account itself, or root with `passwd bob` or `chpasswd`) the line does not say.
            fields.offer(.event, .word(Word.passwordChange))
            fields.offer(.resource, span: cursor.word())
            return true
        }
        return false
    }

    /// Consumes pam_unix's `N more authentication failure` and the `s` after more than one (`%d more
    /// authentication failure%s`), leaving the `; logname=…` that follows.
    private static func skipMoreFailures(_ cursor: inout TextCursor) -> Bool {
        let start = cursor.position
        guard !cursor.isAtEnd, ByteClass.isDigit(cursor.bytes[cursor.position]), cursor.word() != nil,
            cursor.skip(" more authentication failure")
        else {
            cursor.position = start
            return false
        }
        _ = cursor.skip("s")
        return true
    }

    /// Whether two spans of the text hold the same bytes (pam_access's `from` and the service).
    private static func sameText(_ first: TextSpan, _ second: TextSpan?, _ cursor: TextCursor) -> Bool {
        guard let second, first.count == second.count, let base = cursor.bytes.baseAddress else { return false }
        return TextCursor.equal(base + first.start, base + second.start, count: first.count)
    }

    private static func finish(
        _ event: StaticString,
        _ outcome: StaticString?,
        _ service: TextSpan?,
        into fields: inout ActivityFields
    ) -> Bool {
        fields.offer(.event, .word(event))
        if let outcome { fields.offer(.outcome, .word(outcome)) }
        fields.offer(.resource, span: service)
        return true
    }

    /// A user name as PAM writes it after `for user `: up to `(uid=…)`, a space or the end.
    private static func userName(_ cursor: inout TextCursor) -> TextSpan? {
        let start = cursor.position
        while cursor.position < cursor.end, cursor.bytes[cursor.position] != ByteClass.space,
            !cursor.matches("(uid=", at: cursor.position)
        {
            cursor.position += 1
        }
        let span = TextSpan(start: start, end: cursor.position)
        return span.isEmpty ? nil : span
    }

    /// The values of the first ` user=VALUE` and the first ` rhost=VALUE` (words; empty means absent) in the rest of
    /// the text, found in one pass over its `=` signs. A name must start a word: `user=` is not the end of `ruser=`.
    private static func userAndRemoteHost(_ cursor: TextCursor) -> (user: TextSpan?, host: TextSpan?) {
        var user: TextSpan?
        var host: TextSpan?
        var foundUser = false
        var foundHost = false
        var index = cursor.position
        while !(foundUser && foundHost),
            let equals = ByteWords.firstIndex(of: UInt8(ascii: "="), in: cursor.bytes, from: index, to: cursor.end)
        {
            if !foundUser, Self.isName("user=", endingAt: equals, cursor) {
                (user, foundUser) = (Self.value(after: equals, cursor), true)
            } else if !foundHost, Self.isName("rhost=", endingAt: equals, cursor) {
                (host, foundHost) = (Self.value(after: equals, cursor), true)
            }
            index = equals + 1
        }
        return (user, host)
    }

    /// Whether `name` (ending with `=`) ends at `equals` and starts the rest of the text or a word.
    @inline(__always)
    private static func isName(_ name: StaticString, endingAt equals: Int, _ cursor: TextCursor) -> Bool {
        let start = equals + 1 - name.utf8CodeUnitCount
        return start >= cursor.position && (start == cursor.position || cursor.bytes[start - 1] == ByteClass.space)
            && cursor.matches(name, at: start)
    }

    /// The word after `equals`, `nil` when empty.
    @inline(__always)
    private static func value(after equals: Int, _ cursor: TextCursor) -> TextSpan? {
        var value = TextCursor(cursor.bytes, TextSpan(start: equals + 1, end: cursor.end))
        return value.word()
    }
}
