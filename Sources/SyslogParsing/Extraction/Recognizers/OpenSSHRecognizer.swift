import ActivityModel

/// OpenSSH's `sshd` (and `sshd-session`, OpenSSH 9.8+) authentication and session lines, as `auth.c` and
/// `auth2.c` write them:
///
/// ```
/// Accepted publickey for bob from 198.51.100.4 port 50000 ssh2: ED25519 SHA256:…   login success
/// Failed password for invalid user admin from 203.0.113.9 port 52144 ssh2          login failure
/// Invalid user admin from 203.0.113.9 port 52144                                    login failure
/// Invalid user admin from 203.0.113.9                                               login failure (older OpenSSH)
/// input_userauth_request: invalid user admin [preauth]                              login failure
/// Connection closed by authenticating user root 203.0.113.9 port 22 [preauth]       login failure
/// Disconnecting: Too many authentication failures for root [preauth]                login failure
/// Disconnecting: Too many authentication failures for root from 203.0.113.9 port 22 ssh2 [preauth]  (OpenSSH 6, 7)
/// error: maximum authentication attempts exceeded for root from 203.0.113.9 port 22 ssh2 [preauth]
/// User root from 203.0.113.9 not allowed because not listed in AllowUsers           login failure
/// User root not allowed because account is locked                                   login failure
/// error: PAM: Authentication failure for root from 203.0.113.9                      login failure (auth-pam.c)
/// fatal: Access denied for user bob by PAM account configuration [preauth]         login failure
/// ROOT LOGIN REFUSED FROM 203.0.113.9 port 22                                       login failure root
/// Disconnected from user bob 198.51.100.4 port 50000                                session-close
/// Connection closed by user bob 198.51.100.4 port 50000                             session-close (also reset)
/// Timeout, client not responding from user bob 198.51.100.4 port 50000             session-close
/// Close session: user bob from 198.51.100.4 port 50000 id 0                        session-close (LogLevel VERBOSE)
/// ```
///
/// The user name runs to the last ` from ` (or the address) before ` port `, so a name with spaces stays whole; an
/// empty name (`Invalid user  from …`, which sshd writes for a client that sent none) leaves the user absent, and
/// `UNKNOWN`, which sshd writes for an address it could not read (`sshd -i` on a pipe), the client.
/// OpenSSH before 3.9 wrote `illegal user` where later ones write `invalid user`.
enum OpenSSHRecognizer {
    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var cursor = parts.cursor
        guard !cursor.isAtEnd, Self.canStartRecognizedLine(parts.bytes[cursor.position]) else { return false }
        _ = cursor.skip("error: ") || cursor.skip("fatal: ")
        if cursor.skip("Accepted ") { return Self.authentication(&cursor, outcome: Word.success, into: &fields) }
        if cursor.skip("Failed ") { return Self.authentication(&cursor, outcome: Word.failure, into: &fields) }
        if cursor.skip("Partial ") { return Self.authentication(&cursor, outcome: nil, into: &fields) }
        if cursor.skip("Invalid user ") || cursor.skip("Illegal user ") {
            return Self.failedLoginFrom(&cursor, into: &fields)
        }
        if cursor.skip("input_userauth_request: invalid user ") || cursor.skip("input_userauth_request: illegal user ")
        {
            return Self.login(user: Self.beforePreauth(cursor), client: nil, outcome: Word.failure, into: &fields)
        }
        if cursor.skip("maximum authentication attempts exceeded for ") {
            Self.skipInvalidUser(&cursor)
            return Self.failedLoginFrom(&cursor, into: &fields)
        }
        if cursor.skip("Disconnecting: Too many authentication failures for ") {
            // OpenSSH 6 and 7 go on with ` from ADDRESS port N ssh2`, later ones stop at the user.
            Self.skipInvalidUser(&cursor)
            return Self.userAndAddress(
                &cursor,
                separator: " from ",
                event: Word.login,
                outcome: Word.failure,
                into: &fields
            )
                || Self.login(user: Self.beforePreauth(cursor), client: nil, outcome: Word.failure, into: &fields)
        }
        for prefix in Self.preauthenticationEnds where cursor.skip(prefix) {
            return Self.userAndAddress(&cursor, separator: " ", event: Word.login, outcome: Word.failure, into: &fields)
        }
        for prefix in Self.sessionEnds where cursor.skip(prefix) {
            return Self.userAndAddress(&cursor, separator: " ", event: Word.sessionClose, outcome: nil, into: &fields)
        }
        if cursor.skip("Close session: user ") {
            return Self.userAndAddress(
                &cursor,
                separator: " from ",
                event: Word.sessionClose,
                outcome: nil,
                into: &fields
            )
        }
        if cursor.skip("PAM: ") { return Self.pamFailure(&cursor, into: &fields) }
        if cursor.skip("Access denied for user "), let user = cursor.upTo(" by PAM account configuration") {
            // PAM's account stage refused an authenticated user (`fatal:`, auth-pam.c).
            return Self.login(user: user, client: nil, outcome: Word.failure, into: &fields)
        }
        if cursor.skip("ROOT LOGIN REFUSED FROM ") {
            // PermitRootLogin no: `ROOT LOGIN REFUSED FROM ADDRESS[ port N]`.
            fields.offer(.user, .word("root"))
            return Self.login(
                user: nil,
                client: Self.address(cursor.word(), cursor),
                outcome: Word.failure,
                into: &fields
            )
        }
        if cursor.skip("User "), let notAllowed = cursor.firstIndex(of: " not allowed because ", from: cursor.position)
        {
            // `User root from ADDRESS not allowed because not listed in AllowUsers`; without `from` when the account
            // itself is refused (`account is locked`, `shell /bin/false does not exist`).
            guard let from = cursor.lastIndex(of: " from ", before: notAllowed) else {
                return Self.login(
                    user: TextSpan(start: cursor.position, end: notAllowed),
                    client: nil,
                    outcome: Word.failure,
                    into: &fields
                )
            }
            return Self.login(
                user: TextSpan(start: cursor.position, end: from),
                client: Self.address(TextSpan(start: from + 6, end: notAllowed), cursor),
                outcome: Word.failure,
                into: &fields
            )
        }
        return false
    }

    /// Skips `invalid user ` (or `illegal user `, as OpenSSH before 3.9 wrote it) before a user name.
    private static func skipInvalidUser(_ cursor: inout TextCursor) {
        _ = cursor.skip("invalid user ") || cursor.skip("illegal user ")
    }

    /// `USER from ADDRESS port N…`, or `USER from ADDRESS` as older OpenSSH wrote it: a failed login.
    private static func failedLoginFrom(_ cursor: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        Self.userAndAddress(&cursor, separator: " from ", event: Word.login, outcome: Word.failure, into: &fields)
            || Self.userFromLastAddress(cursor, into: &fields)
    }

    /// `MESSAGE for [illegal user |invalid user ]USER from ADDRESS`, after `PAM: `: sshd's report of a PAM error
    /// (`auth-pam.c`), `MESSAGE` being PAM's own text (`Authentication failure`, `User not known to …`).
    private static func pamFailure(_ cursor: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        // PAM's text may hold ` for ` itself (`Have exhausted maximum number of retries for service`).
        guard let from = cursor.lastIndex(of: " from ", before: cursor.end),
            let user = cursor.lastIndex(of: " for ", before: from)
        else { return false }
        cursor.position = user + 5
        Self.skipInvalidUser(&cursor)
        return Self.userFromLastAddress(cursor, into: &fields)
    }

    /// `USER from ADDRESS` that ends the text (spaces after it aside), the address one word: a failed login.
    private static func userFromLastAddress(_ cursor: TextCursor, into fields: inout ActivityFields) -> Bool {
        guard let split = cursor.lastIndex(of: " from ", before: cursor.end), split >= cursor.position else {
            return false
        }
        let address = cursor.trimmed(TextSpan(start: split + 6, end: cursor.end))
        guard !address.isEmpty,
            ByteWords.firstIndex(of: ByteClass.space, in: cursor.bytes, from: address.start, to: address.end) == nil
        else { return false }
        return Self.login(
            user: TextSpan(start: cursor.position, end: split),
            client: Self.address(address, cursor),
            outcome: Word.failure,
            into: &fields
        )
    }

    /// Whether `byte` is the first byte of a line below: any other line is given up at once.
    @inline(__always)
    private static func canStartRecognizedLine(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A"), UInt8(ascii: "F"), UInt8(ascii: "P"), UInt8(ascii: "I"), UInt8(ascii: "i"),
            UInt8(ascii: "e"), UInt8(ascii: "f"), UInt8(ascii: "m"), UInt8(ascii: "D"), UInt8(ascii: "C"),
            UInt8(ascii: "U"), UInt8(ascii: "R"), UInt8(ascii: "T"):
            true
        default: false
        }
    }

    /// How sshd ends a connection that never authenticated: `PREFIX USER ADDRESS port N [preauth]`.
    private static let preauthenticationEnds: [StaticString] = [
        "Connection closed by authenticating user ", "Connection closed by invalid user ",
        "Disconnected from authenticating user ", "Disconnected from invalid user ",
        "Disconnecting authenticating user ", "Disconnecting invalid user ",
        "Connection reset by authenticating user ", "Connection reset by invalid user ",
        "Connection from authenticating user ", "Connection from invalid user ",
    ]

    /// How sshd ends an authenticated user's connection, `PREFIX USER ADDRESS port N` (`Connection from user … timed
    /// out`): packet.c's and serverloop.c's messages with sshpkt_fmt_connection_id's `user NAME`.
    private static let sessionEnds: [StaticString] = [
        "Disconnected from user ", "Connection closed by user ", "Connection reset by user ", "Connection from user ",
        "Timeout, client not responding from user ",
    ]

    /// `METHOD for [invalid user ]USER from ADDRESS port N ssh2…` after `Accepted `/`Failed `/`Partial `.
    private static func authentication(
        _ cursor: inout TextCursor,
        outcome: StaticString?,
        into fields: inout ActivityFields
    ) -> Bool {
        guard cursor.word() != nil, cursor.skip(" for ") else { return false }
        Self.skipInvalidUser(&cursor)
        return Self.userAndAddress(&cursor, separator: " from ", event: Word.login, outcome: outcome, into: &fields)
    }

    /// `USER SEPARATOR ADDRESS port N…`: the user runs to the last `separator` before the last ` port `.
    private static func userAndAddress(
        _ cursor: inout TextCursor,
        separator: StaticString,
        event: StaticString,
        outcome: StaticString?,
        into fields: inout ActivityFields
    ) -> Bool {
        guard let port = cursor.lastIndex(of: " port ", before: cursor.end),
            let split = cursor.lastIndex(of: separator, before: port), split >= cursor.position
        else { return false }
        fields.offer(.user, span: TextSpan(start: cursor.position, end: split))
        fields.offer(.event, .word(event))
        fields.offer(.resource, .word("sshd"))
        if let outcome { fields.offer(.outcome, .word(outcome)) }
        fields.offer(
            .client,
            span: Self.address(TextSpan(start: split + separator.utf8CodeUnitCount, end: port), cursor)
        )
        return true
    }

    /// `address`, unless it is sshd's `UNKNOWN`.
    static func address(_ address: TextSpan?, _ cursor: TextCursor) -> TextSpan? {
        guard let address, !cursor.equals(address, "UNKNOWN") else { return nil }
        return address
    }

    private static func login(
        user: TextSpan?,
        client: TextSpan?,
        outcome: StaticString,
        into fields: inout ActivityFields
    ) -> Bool {
        fields.offer(.user, span: user)
        fields.offer(.event, .word(Word.login))
        fields.offer(.resource, .word("sshd"))
        fields.offer(.outcome, .word(outcome))
        fields.offer(.client, span: client)
        return true
    }

    /// The rest of the text without a trailing ` [preauth]`.
    private static func beforePreauth(_ cursor: TextCursor) -> TextSpan? {
        let end = cursor.lastIndex(of: " [preauth]", before: cursor.end) ?? cursor.end
        let span = TextSpan(start: cursor.position, end: max(cursor.position, end))
        return span.isEmpty ? nil : span
    }
}
