import ActivityModel

/// `su` from util-linux and from shadow-utils, and util-linux's `runuser`, which logs as su does: the account
/// switched from is the user, the one switched to is the resource.
///
/// ```
/// (to root) alice on pts/0               success        util-linux
/// FAILED SU (to root) alice on pts/0     failure        (`FAILED RUNUSER (to …` from runuser)
/// Successful su for root by alice        success        shadow-utils
/// FAILED su for root by alice            failure
/// + pts/0 alice:root                     success        shadow-utils, older
/// - pts/0 alice:root                     failure        (`- ??? ???:root`: no user)
/// 'su root' failed for alice on /dev/pts/8  failure     BSD, RFC 3164's own example
/// ```
enum SuRecognizer {
    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var cursor = parts.cursor
        if cursor.skip("FAILED SU (to ") || cursor.skip("FAILED RUNUSER (to ") {
            return Self.utilLinux(&cursor, Word.failure, into: &fields)
        }
        if cursor.skip("(to ") { return Self.utilLinux(&cursor, Word.success, into: &fields) }
        if cursor.skip("Successful su for ") { return Self.shadow(&cursor, Word.success, into: &fields) }
        if cursor.skip("FAILED su for ") { return Self.shadow(&cursor, Word.failure, into: &fields) }
        if cursor.skip("'su "), let target = cursor.upTo("' failed for "),
            let on = cursor.lastIndex(of: " on ", before: cursor.end)
        {
            let user = TextSpan(start: cursor.position, end: on)
            return Self.offer(cursor, user: user, target: target, Word.failure, into: &fields)
        }
        let outcome = cursor.skip("+ ") ? Word.success : (cursor.skip("- ") ? Word.failure : nil)
        guard let outcome, cursor.word() != nil, cursor.skip(" "), let pair = cursor.word(), cursor.isAtEnd else {
            return false
        }
        var inside = TextCursor(cursor.bytes, pair)
        guard let from = inside.upTo(":"), !inside.isAtEnd else { return false }
        return Self.offer(cursor, user: from, target: inside.rest, outcome, into: &fields)
    }

    /// After `(to `: `TARGET) USER on TTY`.
    private static func utilLinux(
        _ cursor: inout TextCursor,
        _ outcome: StaticString,
        into fields: inout ActivityFields
    ) -> Bool {
        guard let target = cursor.upTo(") "), let on = cursor.lastIndex(of: " on ", before: cursor.end) else {
            return false
        }
        return Self.offer(
            cursor,
            user: TextSpan(start: cursor.position, end: on),
            target: target,
            outcome,
            into: &fields
        )
    }

    /// After `su for `: `TARGET by USER`.
    private static func shadow(
        _ cursor: inout TextCursor,
        _ outcome: StaticString,
        into fields: inout ActivityFields
    )
        -> Bool
    {
        guard let target = cursor.upTo(" by ") else { return false }
        return Self.offer(cursor, user: cursor.rest, target: target, outcome, into: &fields)
    }

    private static func offer(
        _ cursor: TextCursor,
        user: TextSpan,
        target: TextSpan,
        _ outcome: StaticString,
        into fields: inout ActivityFields
    ) -> Bool {
        guard !target.isEmpty else { return false }
        // shadow writes `???` for a caller it does not know, util-linux nothing.
        if !cursor.equals(user, "???") { fields.offer(.user, span: user) }
        fields.offer(.event, .word(Word.su))
        fields.offer(.resource, span: target)
        fields.offer(.outcome, .word(outcome))
        return true
    }
}
