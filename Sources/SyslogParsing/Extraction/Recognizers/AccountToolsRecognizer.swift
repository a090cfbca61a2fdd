import ActivityModel

/// shadow-utils' account tools: `useradd`, `userdel`, `usermod`, `groupadd`, `groupdel`, `groupmod`, `passwd`,
/// `chpasswd`, `gpasswd`. The account or group is the resource; `by 'NAME'` names the user who did it. These lines
/// report what was done and say nothing of an outcome, so none is given, but for `failed adding user`.
///
/// ```
/// new user: name=bob, UID=1001, GID=1001, home=/home/bob, shell=/bin/bash   user-add bob
/// delete user 'bob'                                                          user-delete bob
/// change user 'bob' shell from '/bin/sh' to '/bin/bash'                      user-change bob
/// change user 'bob' password                                                 password-change bob (usermod -p)
/// add 'bob' to group 'sudo'                                                  user-change bob
/// new group: name=dev, GID=1002                                              group-add dev
/// group 'dev' removed                                                        group-delete dev
/// password for 'bob' changed by 'root'                                       password-change bob, by root
/// user bob added by root to group sudo                                       user-change bob, by root (gpasswd)
/// user bob removed by root from group sudo                                   user-change bob, by root
/// ```
enum AccountToolsRecognizer {
    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var cursor = parts.cursor
        if cursor.skip("new user: name=") {
            return Self.offer(Word.userAdd, nil, cursor.upTo(byte: UInt8(ascii: ",")), into: &fields)
        }
        if cursor.skip("new group: name=") || cursor.skip("group added to /etc/group: name=") {
            return Self.offer(Word.groupAdd, nil, cursor.upTo(byte: UInt8(ascii: ",")), into: &fields)
        }
        if cursor.skip("failed adding user '") {
            return Self.offer(Word.userAdd, Word.failure, cursor.upTo("'"), into: &fields)
        }
        if cursor.skip("delete user '") {
            return Self.offer(Word.userDelete, nil, cursor.upTo("'"), into: &fields)
        }
        if cursor.skip("removed group '") || cursor.skip("group '") {
            let name = cursor.upTo("'")
            guard cursor.skip(" removed") || cursor.skip(" owned by ") else { return false }
            return Self.offer(Word.groupDelete, nil, name, into: &fields)
        }
        if cursor.skip("user "), let name = cursor.upTo(" added by ") ?? cursor.upTo(" removed by ") {
            guard let actor = cursor.upTo(" "), cursor.hasPrefix("to group ") || cursor.hasPrefix("from group ") else {
                return false
            }
            fields.offer(.user, span: actor)
            return Self.offer(Word.userChange, nil, name, into: &fields)
        }
        var password = cursor
        if password.skip("change user '"), let name = password.upTo("'"), password.equals(password.rest, " password") {
            // `usermod -p` (`lock user 'bob' password` is `-L`, a change of the account).
            return Self.offer(Word.passwordChange, nil, name, into: &fields)
        }
        for prefix in Self.userChanges where cursor.skip(prefix) {
            return Self.offer(Word.userChange, nil, cursor.upTo("'"), into: &fields)
        }
        if cursor.skip("password for '"), let name = cursor.upTo("' changed") {
            if cursor.skip(" by '") { fields.offer(.user, span: cursor.upTo("'")) }
            return Self.offer(Word.passwordChange, nil, name, into: &fields)
        }
        if cursor.skip("password changed for ") {
            var name = cursor.word()
            if let quoted = name, cursor.bytes[quoted.start] == UInt8(ascii: "'") {
                var inside = TextCursor(cursor.bytes, TextSpan(start: quoted.start + 1, end: quoted.end))
                name = inside.upTo("'")
            }
            return Self.offer(Word.passwordChange, nil, name, into: &fields)
        }
        return false
    }

    /// Lines of `usermod`, `useradd` and `userdel` that change an account: the name follows in quotes.
    private static let userChanges: [StaticString] = [
        "change user '", "add '", "delete '", "lock user '", "unlock user '", "change user name '",
    ]

    private static func offer(
        _ event: StaticString,
        _ outcome: StaticString?,
        _ name: TextSpan?,
        into fields: inout ActivityFields
    ) -> Bool {
        guard let name, !name.isEmpty else { return false }
        fields.offer(.event, .word(event))
        if let outcome { fields.offer(.outcome, .word(outcome)) }
        fields.offer(.resource, span: name)
        return true
    }
}
