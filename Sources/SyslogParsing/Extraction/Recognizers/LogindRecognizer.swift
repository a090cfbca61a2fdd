import ActivityModel

/// `systemd-logind`'s session lines.
///
/// ```
/// New session 12 of user bob.                      session-open success bob
/// New session '3' of user 'bob' with class 'user' and type 'tty'.   session-open success bob (systemd 256+)
/// New session '4' of user 'bob' with class 'manager' and type 'unspecified'.   none: bob's service manager
/// Removed session 12.                              session-close
/// Session 12 logged out. Waiting for processes to exit.   session-close
/// ```
enum LogindRecognizer {
    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var cursor = parts.cursor
        if cursor.skip("New session "), cursor.word() != nil, cursor.skip(" of user ") {
            if cursor.skip("'") {
                // The session systemd opens for the user's own service manager is no login.
                guard let name = cursor.upTo("'"), !cursor.hasPrefix(" with class 'manager") else { return false }
                fields.offer(.user, span: name)
            } else {
                guard let name = cursor.word() else { return false }
                fields.offer(.user, span: cursor.dropping(UInt8(ascii: "."), from: name))
            }
            fields.offer(.event, .word(Word.sessionOpen))
            fields.offer(.outcome, .word(Word.success))
            return true
        }
        if cursor.skip("Removed session ")
            || (cursor.skip("Session ") && cursor.word() != nil && cursor.skip(" logged out."))
        {
            fields.offer(.event, .word(Word.sessionClose))
            return true
        }
        return false
    }
}
