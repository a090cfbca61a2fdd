import ActivityModel

/// `sudo`'s log lines (`logging.c`): `USER : [REASON ; ]TTY=… ; PWD=… ; USER=… ; COMMAND=…`.
///
/// ```
/// alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id               sudo success, /usr/bin/id
/// alice : 3 incorrect password attempts ; TTY=pts/0 ; … ; COMMAND=/usr/bin/id        sudo failure
/// alice : user NOT in sudoers ; TTY=pts/0 ; …                                          sudo failure
/// alice : TTY=pts/0 ; … ; COMMAND=/usr/bin/sleep 9 ; EXIT=0                           sudo success, /usr/bin/sleep 9
/// alice : (command continued) …                                                        nothing: a long line's rest
/// ```
///
/// A line whose first item after the user is `TTY=` (or another `NAME=`) ran the command; any other first item is a
/// reason it did not. The command is everything after `COMMAND=`.
enum SudoRecognizer {
    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var cursor = parts.cursor
        guard let user = cursor.upTo(" : "), !user.isEmpty else { return false }
        // The rest of a line too long for one syslog message: no activity of its own.
        guard !cursor.hasPrefix("(command continued)") else { return true }
        let firstItemEnd = cursor.firstIndex(of: " ; ", from: cursor.position) ?? cursor.end
        let firstItem = TextSpan(start: cursor.position, end: firstItemEnd)
        let ran = Self.isSetting(cursor, firstItem)
        if !ran && firstItemEnd == cursor.end { return false }
        fields.offer(.user, span: user)
        fields.offer(.event, .word(Word.sudo))
        fields.offer(.outcome, .word(ran ? Word.success : Word.failure))
        if let command = cursor.firstIndex(of: "COMMAND=", from: cursor.position) {
            // sudo's `log_exit_status` adds ` ; SIGNAL=…` and ` ; EXIT=…` after the command.
            let end =
                cursor.firstIndex(of: " ; SIGNAL=", from: command) ?? cursor.firstIndex(of: " ; EXIT=", from: command)
                ?? cursor.end
            fields.offer(.resource, span: TextSpan(start: command + 8, end: end))
        }
        return true
    }

    /// `TTY=pts/0`, `PWD=/`, …: an upper-case name and `=`.
    private static func isSetting(_ cursor: TextCursor, _ item: TextSpan) -> Bool {
        var index = item.start
        while index < item.end, cursor.bytes[index] &- UInt8(ascii: "A") < 26 { index += 1 }
        return index > item.start && index < item.end && cursor.bytes[index] == UInt8(ascii: "=")
    }
}
