import ActivityModel

/// Chooses the built-in recognizer for a message: by a fixed prefix of its text (PAM, Junos, Cisco, CEF) or by its
/// `app`. At most one recognizer runs per message, and each gives up at its first byte that does not fit, so a
/// message that is no activity costs a few comparisons.
enum ActivityRecognizers {
    /// Offers the fields of the message's recognizer. Returns whether the `key=value` stage must pass the message
    /// over: `true` when a recognizer read it (even to find it gives no field, as a logind `manager` session), but
    /// `false` after the CEF recognizer, whose extension is itself pairs.
    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var parts = parts
        parts.msg = Self.unwrappingRepetition(parts)
        // The prefix recognizers, each only when the first byte of its prefix is there.
        let first = parts.msg.isEmpty ? 0 : parts.bytes[parts.msg.start]
        let appFirst = parts.app.map { parts.bytes[$0.start] } ?? 0
        let appLast = parts.app.map { parts.bytes[$0.end - 1] } ?? 0
        if first == UInt8(ascii: "p") || first == UInt8(ascii: "P") || first == UInt8(ascii: "(")
            || appLast == UInt8(ascii: ")")
        {
            if PAMRecognizer.recognize(parts, into: &fields) { return true }
        }
        let msgidFirst = parts.msgid.map { parts.bytes[$0.start] } ?? 0
        if first == UInt8(ascii: "U") || first == UInt8(ascii: "S") || first == UInt8(ascii: "R")
            || msgidFirst == UInt8(ascii: "U") || msgidFirst == UInt8(ascii: "S") || msgidFirst == UInt8(ascii: "R")
        {
            if JunosRecognizer.recognize(parts, into: &fields) { return true }
        }
        // Cisco: the mnemonic as app, or in the text after a sequence number (`007439: `), a timestamp, an uptime or
        // an ASA's ` : ` after its host name; or anywhere near the start of a text whose header named no app (a
        // header the parser could not read, such as IOS XR's `RP/0/RP0/CPU0:Nov 18 …: ifmgr[427]: %PKT_INFRA-…`).
        if appFirst == UInt8(ascii: "%") || first == UInt8(ascii: "%") || first == UInt8(ascii: "*")
            || first == UInt8(ascii: ".") || first == UInt8(ascii: ":") || ByteClass.isDigit(first)
            || Self.startsWithMonth(parts) || parts.app == nil
        {
            if CiscoRecognizer.recognize(parts, into: &fields) { return true }
            // Junos's `explicit-priority` writes a mnemonic of the same shape: `%INTERACT-6-UI_COMMIT: …`.
            if appFirst == UInt8(ascii: "%") || first == UInt8(ascii: "%"),
                JunosRecognizer.recognize(parts, into: &fields)
            {
                return true
            }
        }
        if first == UInt8(ascii: "C") || (appFirst == UInt8(ascii: "C") && ByteClass.isDigit(first)),
            CEFRecognizer.recognize(parts, into: &fields)
        {
            // CEF's extension is a list of pairs: the `key=value` stage still reads it.
            return false
        }
        guard var app = parts.app else {
            // A product's name before `CEF:` (`ASM:CEF:0|…`), which the header did not take for a TAG.
            var text = parts.cursor
            if first &- UInt8(ascii: "A") < 26, first != UInt8(ascii: "C"), CEFRecognizer.skipProductPrefix(&text) {
                // As above: the extension is still read as pairs.
                _ = CEFRecognizer.recognize(parts, into: &fields)
                return false
            }
            // A netfilter line with no `kernel` TAG (UniFi's `[WAN_LOCAL-D-2147483647] DESCR="…" IN=eth8 …`).
            return (first == UInt8(ascii: "[") || first == UInt8(ascii: "I"))
                && NetfilterRecognizer.recognize(parts, into: &fields)
        }
        var programFirst = appFirst
        if appFirst == UInt8(ascii: "/") {
            app = Self.programName(app, parts.bytes)
            programFirst = app.isEmpty ? 0 : parts.bytes[app.start]
        }
        guard Self.canStartRecognizedApp(programFirst) else { return false }
        return Self.recognizeByApp(parts, app, into: &fields)
    }

    /// The last part of an app written as a path: FreeBSD's `/usr/sbin/cron`, old Debian's `/USR/SBIN/CRON`.
    private static func programName(_ app: TextSpan, _ bytes: UnsafeBufferPointer<UInt8>) -> TextSpan {
        let slash = ByteWords.lastIndex(of: UInt8(ascii: "/"), in: bytes, from: app.start, to: app.end) ?? app.start - 1
        return TextSpan(start: slash + 1, end: app.end)
    }

    /// Whether `byte` is the first byte of an app below: any other app is passed over with one test (a `switch`,
    /// which needs no set built at run time).
    @inline(__always)
    private static func canStartRecognizedApp(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "s"), UInt8(ascii: "l"), UInt8(ascii: "C"), UInt8(ascii: "c"), UInt8(ascii: "u"),
            UInt8(ascii: "g"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "k"), UInt8(ascii: "d"),
            UInt8(ascii: "i"), UInt8(ascii: "m"):
            true
        default: false
        }
    }

    /// The recognizer of the app named `app`, chosen by the name's length and then compared: a name costs one
    /// switch and a comparison or two.
    @inline(__always)
    private static func recognizeByApp(
        _ parts: MessageParts,
        _ app: TextSpan,
        into fields: inout ActivityFields
    )
        -> Bool
    {
        let name = TextCursor(parts.bytes, app)
        // Dovecot's login processes as their own TAG (`imap-login`), Postfix's SMTP server (`postfix/smtpd`).
        if app.count > 6, name.matches("-login", at: app.end - 6) {
            return DovecotRecognizer.recognize(parts, app: app, into: &fields)
        }
        if app.count >= 13, name.matches("postfix/", at: app.start), name.matches("/smtpd", at: app.end - 6) {
            return PostfixRecognizer.recognize(parts, into: &fields)
        }
        switch app.count {
        case 2:
            if name.equals(app, "su") { return SuRecognizer.recognize(parts, into: &fields) }
        case 4:
            if name.equals(app, "sshd") { return OpenSSHRecognizer.recognize(parts, into: &fields) }
            if name.equals(app, "sudo") { return SudoRecognizer.recognize(parts, into: &fields) }
            if name.equals(app, "CRON") || name.equals(app, "cron") {
                return CronRecognizer.recognize(parts, into: &fields)
            }
        case 5:
            if name.equals(app, "login") { return LoginRecognizer.recognize(parts, into: &fields) }
            if name.equals(app, "crond") || name.equals(app, "CROND") {
                return CronRecognizer.recognize(parts, into: &fields)
            }
        case 6:
            if name.equals(app, "passwd") { return AccountToolsRecognizer.recognize(parts, into: &fields) }
            if name.equals(app, "kernel") { return NetfilterRecognizer.recognize(parts, into: &fields) }
        case 7:
            if name.equals(app, "dovecot") { return DovecotRecognizer.recognize(parts, app: app, into: &fields) }
            if name.equals(app, "runuser") { return SuRecognizer.recognize(parts, into: &fields) }
            if name.equals(app, "useradd") || name.equals(app, "userdel") || name.equals(app, "usermod")
                || name.equals(app, "gpasswd")
            {
                return AccountToolsRecognizer.recognize(parts, into: &fields)
            }
        case 8:
            if name.equals(app, "groupadd") || name.equals(app, "groupdel") || name.equals(app, "groupmod")
                || name.equals(app, "chpasswd")
            {
                return AccountToolsRecognizer.recognize(parts, into: &fields)
            }
        case 11:
            if name.equals(app, "unix_chkpwd") { return PAMRecognizer.recognizeHelper(parts, into: &fields) }
        case 12:
            if name.equals(app, "sshd-session") { return OpenSSHRecognizer.recognize(parts, into: &fields) }
        case 14:
            if name.equals(app, "systemd-logind") { return LogindRecognizer.recognize(parts, into: &fields) }
        default:
            break
        }
        return false
    }

    /// Whether the text starts with a month's abbreviation and a space (`Mar `: a second Cisco timestamp), so that
    /// other text that starts with three letters (`New session …`) does not send the Cisco recognizer looking. The
    /// three bytes are one number, matched by a `switch` (no table to set up or walk).
    @inline(__always)
    private static func startsWithMonth(_ parts: MessageParts) -> Bool {
        let start = parts.msg.start
        guard parts.msg.count > 4, parts.bytes[start + 3] == ByteClass.space else { return false }
        let name =
            UInt32(parts.bytes[start]) << 16 | UInt32(parts.bytes[start + 1]) << 8 | UInt32(parts.bytes[start + 2])
        switch name {
        // Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec.
        case 0x4A_616E, 0x46_6562, 0x4D_6172, 0x41_7072, 0x4D_6179, 0x4A_756E, 0x4A_756C, 0x41_7567, 0x53_6570,
            0x4F_6374, 0x4E_6F76, 0x44_6563:
            return true
        default:
            return false
        }
    }

    /// The message inside rsyslog's `message repeated N times: [ MESSAGE]`, or the text itself.
    @inline(__always)
    private static func unwrappingRepetition(_ parts: MessageParts) -> TextSpan {
        var cursor = parts.cursor
        guard !cursor.isAtEnd, parts.bytes[cursor.position] == UInt8(ascii: "m"), cursor.skip("message repeated "),
            cursor.word() != nil, cursor.skip(" times: ["),
            cursor.end > cursor.position, parts.bytes[cursor.end - 1] == UInt8(ascii: "]")
        else { return parts.msg }
        _ = cursor.skip(" ")
        return TextSpan(start: cursor.position, end: max(cursor.position, cursor.end - 1))
    }
}
