import ActivityModel

/// The closed vocabulary of the recognizers' `event` and `outcome` values.
enum Word {
    static let login: StaticString = "login"
    static let sessionOpen: StaticString = "session-open"
    static let sessionClose: StaticString = "session-close"
    static let sudo: StaticString = "sudo"
    static let su: StaticString = "su"
    static let userAdd: StaticString = "user-add"
    static let userDelete: StaticString = "user-delete"
    static let userChange: StaticString = "user-change"
    static let passwordChange: StaticString = "password-change"
    static let groupAdd: StaticString = "group-add"
    static let groupDelete: StaticString = "group-delete"
    static let configChange: StaticString = "config-change"
    static let linkUp: StaticString = "link-up"
    static let linkDown: StaticString = "link-down"
    static let connection: StaticString = "connection"
    static let jobStart: StaticString = "job-start"
    static let success: StaticString = "success"
    static let failure: StaticString = "failure"
}

/// What the operator's rules and the recognizers read: the record's bytes and where its parts are.
struct MessageParts {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The text to read (the MSG, or the message inside `message repeated N times: [ … ]`), from its first word.
    var msg: TextSpan
    /// APP-NAME or TAG.
    let app: TextSpan?
    /// MSGID (RFC 5424).
    let msgid: TextSpan?

    /// The parts of a record, its MSG `msg` read from its first word. A relay that rewrites a BSD line as RFC 5424
    /// keeps the space after the tag's colon in the MSG (rsyslog's `RSYSLOG_SyslogProtocol23Format` writes
    /// `- -  Failed password …`), and `sudo` indents its lines: the leading spaces are no part of what they say.
    init(bytes: UnsafeBufferPointer<UInt8>, msg: TextSpan, app: TextSpan?, msgid: TextSpan?) {
        var text = TextCursor(bytes, msg)
        text.skipSpaces()
        self.bytes = bytes
        self.msg = text.rest
        self.app = app
        self.msgid = msgid
    }

    /// A cursor over the text.
    var cursor: TextCursor { TextCursor(self.bytes, self.msg) }
}
