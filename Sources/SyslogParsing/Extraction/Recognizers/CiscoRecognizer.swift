import ActivityModel

/// Cisco IOS messages, `%FACILITY-SEVERITY-MNEMONIC: text`, whether the parser left the mnemonic in `app` or at the
/// start of `msg` (after a second Cisco timestamp such as `*Mar  1 00:00:01.123: `, or the ` : ` an ASA writes after
/// its host name); `%ASA-…`, `%FTD-…`, `%PIX-…` and `%FWSM-…` go to ``CiscoASARecognizer``.
///
/// ```
/// %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: admin] [Source: 10.1.1.1] [localport: 22] at …   login success
/// %SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: admin] [Source: 10.1.1.1] … [Reason: …] at …       login failure
/// %SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.1.1.1)                            config-change
/// %SYS-5-CONFIG_I: Configured from console by vty2 (10.1.1.1)                                     no user named
/// %MGBL-SYS-5-CONFIG_I : Configured from console by cisco on vty2 (10.1.1.1)                      IOS XR, config-change
/// %DMI-5-CONFIG_I: R0/0: dmiauthd: Configured from NETCONF/RESTCONF by admin, transaction-id 9351  IOS XE, config-change
/// %VSHD-5-VSHD_SYSLOG_CONFIG_I: Configured from vty by admin on 10.1.1.1@pts/3                    NX-OS, config-change
/// %SYS-5-CONFIG_P: Configured programmatically by process PnP Agent Discovery from console as vty0 config-change
/// 007439: 2y10w: %SYS-5-CONFIG_I: …                   after a sequence number and an uptime, as in msg
/// %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to down                              link-down
/// %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/1, changed state to up          link-up
/// %PKT_INFRA-LINK-3-UPDOWN : Interface GigabitEthernet0/0/0/1, changed state to Down              IOS XR, link-down
/// %ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1/1 is down (Link failure)                   NX-OS, link-down
/// %ETHPORT-5-IF_UP: Interface Ethernet1/1 is up in mode access                                     NX-OS, link-up
/// %PORT-5-IF_DOWN_LINK_FAILURE: %$VSAN 10%$ Interface fc1/5 is down (Link failure loss of signal)  MDS, link-down
/// %AUTHPRIV-3-SYSTEM_MSG: pam_aaa:Authentication failed from 10.1.1.1 - dcos_sshd[14361]         NX-OS, login failure
/// %AUTHPRIV-3-SYSTEM_MSG: pam_aaa:Authentication failed for user admin from 10.1.1.1              NX-OS, login failure
/// %SSH-5-SSH2_USERAUTH: User 'admin' authentication for SSH2 Session from 10.1.1.1 (tty = 0) … Succeeded
/// %SYS-6-LOGOUT: User admin has exited tty session 2(10.1.1.1)                                     session-close
/// %SSH-5-SSH2_CLOSE: SSH2 Session from 10.1.1.1 (tty = 0) for user 'admin' using … closed         session-close
/// %SEC_LOGIN-SW1-5-LOGIN_SUCCESS: …                                 a switch stack's member, as its master
/// %PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged command:interface Gi0/1                           config-change
/// %SEC-6-IPACCESSLOGP: list ACL-IN denied tcp 10.1.1.1(52870) -> 10.2.2.2(22), 1 packet          connection failure
/// %SEC-6-IPACCESSLOGS: list 10 permitted 10.1.1.1 1 packet                                         connection success
/// %SECURITY-SSHD-6-INFO_SUCCESS : Successfully authenticated user 'bob' from '10.1.1.1' on 'vty0'(…)  IOS XR, login
/// %SECURITY-LOGIN-4-AUTHEN_FAILED : Failed authentication attempt by user 'bob' from '10.1.1.1' on 'vty4'
/// %SECURITY-SSHD-6-INFO_USER_LOGOUT : User 'bob' from '10.1.1.1' logged out on 'vty0'           IOS XR, session-close
/// %MGBL-CONFIG-6-DB_COMMIT : Configuration committed by user 'bob'. Use 'show configuration …'    IOS XR, config-change
/// ```
enum CiscoRecognizer {
    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var text = parts.cursor
        let mnemonic: TextSpan
        if let app = parts.app, parts.bytes[app.start] == UInt8(ascii: "%") {
            mnemonic = app
        } else {
            Self.skipTimestamp(&text, headerless: parts.app == nil)
            guard text.hasPrefix("%"), let name = text.upTo(": ") else { return false }
            // IOS XR writes `%PKT_INFRA-LINK-3-UPDOWN : Interface …`.
            mnemonic = text.dropping(ByteClass.space, from: name)
        }
        let name = TextCursor(parts.bytes, mnemonic)
        // %FACILITY-SEVERITY-MNEMONIC, or %FACILITY-SWITCH-SEVERITY-MNEMONIC from a switch stack's member: the
        // facility before the first `-`, the mnemonic after the last.
        guard let firstDash = name.firstIndex(of: "-", from: mnemonic.start),
            let lastDash = name.lastIndex(of: "-", before: mnemonic.end), lastDash > firstDash
        else { return false }
        let facility = TextSpan(start: mnemonic.start + 1, end: firstDash)
        let kind = TextSpan(start: lastDash + 1, end: mnemonic.end)
        if name.equals(facility, "ASA") || name.equals(facility, "FTD") || name.equals(facility, "PIX")
            || name.equals(facility, "FWSM")
        {
            return CiscoASARecognizer.recognize(&text, id: kind, into: &fields)
        }
        if name.equals(facility, "SEC_LOGIN") {
            if name.equals(kind, "LOGIN_SUCCESS") { return Self.login(&text, Word.success, into: &fields) }
            if name.equals(kind, "LOGIN_FAILED") { return Self.login(&text, Word.failure, into: &fields) }
            return false
        }
        if name.equals(kind, "UPDOWN") || name.equals(kind, "CHANGED") { return Self.link(&text, into: &fields) }
        if name.equals(facility, "ETHPORT") || name.equals(facility, "PORT") {
            return Self.nexusLink(&text, name, kind, into: &fields)
        }
        // NX-OS relays its PAM and AAA messages: `pam_unix(…)` lines went to the PAM recognizer first.
        if name.equals(facility, "AUTHPRIV"), name.equals(kind, "SYSTEM_MSG") {
            return Self.nexusAuthentication(&text, into: &fields)
        }
        // IOS `%SYS-5-CONFIG_I`, IOS XR `%MGBL-SYS-5-CONFIG_I`, IOS XE `%DMI-5-CONFIG_I`, NX-OS
        // `%VSHD-5-VSHD_SYSLOG_CONFIG_I`.
        if name.equals(kind, "CONFIG_I") || name.equals(kind, "VSHD_SYSLOG_CONFIG_I") {
            return Self.configured(&text, into: &fields)
        }
        if name.equals(facility, "SYS"), name.equals(kind, "CONFIG_P") {
            return Self.configuredByProcess(&text, into: &fields)
        }
        if name.equals(facility, "SYS"), name.equals(kind, "LOGOUT") { return Self.logout(&text, into: &fields) }
        if name.equals(kind, "SSH2_USERAUTH") { return Self.sshAuthentication(&text, into: &fields) }
        if name.equals(kind, "SSH2_CLOSE") { return Self.sshClose(&text, into: &fields) }
        if name.equals(kind, "CFGLOG_LOGGEDCMD") { return Self.loggedCommand(&text, into: &fields) }
        if let form = Self.accessLogForm(name, kind) { return Self.accessList(&text, form, into: &fields) }
        if name.equals(facility, "SECURITY") {
            let isSSH = name.matches("SSHD-", at: firstDash + 1)
            return Self.iosXRAuthentication(&text, name, kind, isSSH: isSSH, into: &fields)
        }
        if name.equals(kind, "DB_COMMIT") {
            guard text.skip("Configuration committed by user '"), let user = text.upTo("'") else { return false }
            fields.offer(.user, span: user)
            fields.offer(.event, .word(Word.configChange))
            return true
        }
        return false
    }

    /// Skips what comes before the mnemonic: a sequence number, a timestamp (`[*.]Mmm dd [yyyy ]hh:mm:ss[.fff][ ZONE]`,
    /// or an uptime, `00:00:46`, `2y10w`), each with its `: `. In a `headerless` text (no app: the parser read no
    /// header) the whole header is there, so the mnemonic is looked for further, and after a space too (`HOST %FTD-…`,
    /// `2019 Jan 21 15:47:11 nxos2 %VSHD-…`).
    private static func skipTimestamp(_ text: inout TextCursor, headerless: Bool) {
        guard !text.hasPrefix("%") else { return }
        // A timestamp is at most ~40 bytes, a whole header ~110: look no further, so other messages cost little.
        let limit = min(text.end, text.position + (headerless ? 112 : 48))
        let window = TextCursor(text.bytes, TextSpan(start: text.position, end: limit))
        // The mnemonic's `%` after `: `, or after `:` (an ASA's `HOST :%…`).
        guard let percent = window.firstIndex(of: "%", from: text.position), percent > text.position else { return }
        let before = text.bytes[percent - 1]
        guard !(headerless && before == ByteClass.space) else {
            text.position = percent
            return
        }
        let colon = before == ByteClass.space ? percent - 2 : percent - 1
        guard colon >= text.position, text.bytes[colon] == UInt8(ascii: ":") else { return }
        text.position = percent
    }

    /// `Login Success [user: NAME] [Source: ADDRESS] …`.
    private static func login(
        _ text: inout TextCursor,
        _ outcome: StaticString,
        into fields: inout ActivityFields
    )
        -> Bool
    {
        if let user = text.firstIndex(of: "[user: ", from: text.position) {
            var value = TextCursor(text.bytes, TextSpan(start: user + 7, end: text.end))
            fields.offer(.user, span: value.upTo("]"))
        }
        if let source = text.firstIndex(of: "[Source: ", from: text.position) {
            var value = TextCursor(text.bytes, TextSpan(start: source + 9, end: text.end))
            fields.offer(.client, span: value.upTo("]"))
        }
        fields.offer(.event, .word(Word.login))
        fields.offer(.outcome, .word(outcome))
        return true
    }

    /// `[SLOT: ][Line protocol on ]Interface NAME, changed state to up|down|administratively down` (the ASA's
    /// 411001/411002 too).
    static func link(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        if !text.hasPrefix("Interface "), !text.hasPrefix("Line protocol on "),
            let slot = text.firstIndex(of: ": ", from: text.position),
            ByteWords.firstIndex(of: ByteClass.space, in: text.bytes, from: text.position, to: slot) == nil
        {
            // A line card's prefix: `SIP0/1: Interface …`.
            text.position = slot + 2
        }
        _ = text.skip("Line protocol on ")
        guard text.skip("Interface "), let interface = text.upTo(", changed state to ") else { return false }
        // IOS XR capitalizes the state: `Up`, `Down`, `Administratively Down`.
        let isUp = text.hasPrefix("up") || text.hasPrefix("Up")
        guard
            isUp || text.firstIndex(of: "down", from: text.position) != nil
                || text.firstIndex(of: "Down", from: text.position) != nil
        else { return false }
        fields.offer(.event, .word(isUp ? Word.linkUp : Word.linkDown))
        fields.offer(.resource, span: interface)
        return true
    }

    /// NX-OS: `%ETHPORT-5-IF_UP: Interface Ethernet1/1 is up in mode access`, `%ETHPORT-5-IF_DOWN_LINK_FAILURE:
    /// Interface Ethernet1/1 is down (Link failure)` (and the other `IF_DOWN_…` reasons); MDS's `%PORT-…` the same
    /// after its VSAN, `%$VSAN 10%$ Interface fc1/5 is down (…)`.
    private static func nexusLink(
        _ text: inout TextCursor,
        _ name: TextCursor,
        _ kind: TextSpan,
        into fields: inout ActivityFields
    ) -> Bool {
        let isUp = name.equals(kind, "IF_UP")
        guard isUp || (kind.count >= 7 && name.matches("IF_DOWN", at: kind.start)) else { return false }
        if text.skip("%$"), text.upTo("%$ ") == nil { return false }
        guard text.skip("Interface "),
            let interface = text.upTo(isUp ? " is up" : " is down")
        else { return false }
        fields.offer(.event, .word(isUp ? Word.linkUp : Word.linkDown))
        fields.offer(.resource, span: interface)
        return true
    }

    /// `Configured from SOURCE by USER[ on LINE][ (ADDRESS)]`, or `by USER, transaction-id N` (IOS XE's DMI, after
    /// its `R0/0: dmiauthd: `).
    private static func configured(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard let configured = text.firstIndex(of: "Configured from ", from: text.position) else { return false }
        text.position = configured + 16
        guard text.upTo(" by ") != nil else { return false }
        let userEnd =
            text.firstIndex(of: " on ", from: text.position) ?? text.firstIndex(of: " (", from: text.position)
            ?? text.firstIndex(of: ", ", from: text.position)
        let user = TextSpan(start: text.position, end: userEnd ?? text.end)
        if !Self.isLine(text, user) { fields.offer(.user, span: user) }
        fields.offer(.client, span: Self.closingAddress(text) ?? Self.terminalAddress(text, after: userEnd))
        fields.offer(.event, .word(Word.configChange))
        return true
    }

    /// `Configured programmatically by process NAME from SOURCE as USER|LINE[ on LINE]`: a process changed the
    /// configuration (PnP, DHCP autoinstall, NETCONF) for a user or, `as vty0`, a line.
    private static func configuredByProcess(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("Configured programmatically by process "), text.upTo(" from ") != nil,
            text.upTo(" as ") != nil
        else { return false }
        let user = text.upTo(" on ") ?? text.rest
        if !user.isEmpty, !Self.isLine(text, user) { fields.offer(.user, span: user) }
        fields.offer(.event, .word(Word.configChange))
        return true
    }

    /// NX-OS's `on ADDRESS@TERMINAL` (`on 10.1.1.1@pts/3`, maybe with `(message repeated 1 time)` after it): the
    /// address.
    private static func terminalAddress(_ text: TextCursor, after userEnd: Int?) -> TextSpan? {
        guard let userEnd, text.matches(" on ", at: userEnd) else { return nil }
        var after = TextCursor(text.bytes, TextSpan(start: userEnd + 4, end: text.end))
        guard let terminal = after.word(),
            let at = ByteWords.firstIndex(
                of: UInt8(ascii: "@"),
                in: text.bytes,
                from: terminal.start,
                to: terminal.end
            ),
            at > terminal.start
        else { return nil }
        return TextSpan(start: terminal.start, end: at)
    }

    /// NX-OS `%AUTHPRIV-N-SYSTEM_MSG`: `[pam_aaa:]Authentication failed [for user NAME ]from ADDRESS[ - PROGRAM[PID]]`,
    /// a failed login to PROGRAM (`dcos_sshd`, `login`); `from console` names a line, not a client.
    private static func nexusAuthentication(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        _ = text.skip("pam_aaa:")
        guard text.skip("Authentication failed ") else { return false }
        if text.skip("for user ") {
            guard let user = text.upTo(" ") else { return false }
            fields.offer(.user, span: user)
        }
        guard text.skip("from "), let client = text.word() else { return false }
        if !text.equals(client, "console") { fields.offer(.client, span: client) }
        if text.skip(" - "), let program = text.word() {
            let bracket = ByteWords.firstIndex(
                of: UInt8(ascii: "["),
                in: text.bytes,
                from: program.start,
                to: program.end
            )
            fields.offer(.resource, span: TextSpan(start: program.start, end: bracket ?? program.end))
        }
        fields.offer(.event, .word(Word.login))
        fields.offer(.outcome, .word(Word.failure))
        return true
    }

    /// The `(ADDRESS)` that ends the text, one word (not a remark such as `(Q1 2009 C U)`).
    private static func closingAddress(_ text: TextCursor) -> TextSpan? {
        guard text.end > text.position, text.matches(")", at: text.end - 1),
            let open = text.lastIndex(of: "(", before: text.end),
            ByteWords.firstIndex(of: ByteClass.space, in: text.bytes, from: open, to: text.end) == nil
        else { return nil }
        return TextSpan(start: open + 1, end: text.end - 1)
    }

    /// Whether `by NAME` names a line, `console` or `vtyN`, as when no user logged in (not a user `vtyadmin`).
    private static func isLine(_ text: TextCursor, _ name: TextSpan) -> Bool {
        guard !text.equals(name, "console") else { return true }
        guard name.count > 3, text.matches("vty", at: name.start) else { return false }
        return (name.start + 3..<name.end).allSatisfy { ByteClass.isDigit(text.bytes[$0]) }
    }

    /// `User NAME has exited tty session N(ADDRESS)`.
    private static func logout(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("User "), let user = text.upTo(" has exited") else { return false }
        fields.offer(.user, span: user)
        fields.offer(.client, span: Self.closingAddress(text))
        fields.offer(.event, .word(Word.sessionClose))
        return true
    }

    /// `User 'NAME' authentication for SSH2 Session from ADDRESS (tty = N) … Succeeded|Failed`.
    private static func sshAuthentication(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("User '"), let user = text.upTo("' authentication for SSH2 Session from ") else {
            return false
        }
        fields.offer(.user, span: user)
        fields.offer(.client, span: text.word())
        fields.offer(.event, .word(Word.login))
        if text.lastIndex(of: "Succeeded", before: text.end) != nil {
            fields.offer(.outcome, .word(Word.success))
        } else if text.lastIndex(of: "Failed", before: text.end) != nil {
            fields.offer(.outcome, .word(Word.failure))
        }
        return true
    }

    /// `SSH2 Session from ADDRESS (tty = N) for user 'NAME' using … closed`.
    private static func sshClose(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("SSH2 Session from "), let address = text.word(), text.upTo(" for user '") != nil,
            let user = text.upTo("'")
        else { return false }
        fields.offer(.user, span: user)
        fields.offer(.client, span: address)
        fields.offer(.event, .word(Word.sessionClose))
        return true
    }

    /// The form of an access list's log line by its mnemonic: `IPACCESSLOGP` (ports), `…DP` (ICMP), `…NP` (another
    /// protocol), `…S` (a standard list: the source alone); IOS XE's `%FMANFP-6-IPACCESSLOGP` and IPv6's
    /// `%IPV6_ACL-6-ACCESSLOGP` alike.
    private enum AccessLogForm {
        case flow, source
    }

    private static func accessLogForm(_ name: TextCursor, _ kind: TextSpan) -> AccessLogForm? {
        var mnemonic = kind
        if name.matches("IP", at: mnemonic.start) { mnemonic.start += 2 }
        guard mnemonic.count >= 10, name.matches("ACCESSLOG", at: mnemonic.start) else { return nil }
        let form = TextSpan(start: mnemonic.start + 9, end: mnemonic.end)
        if name.equals(form, "P") || name.equals(form, "DP") || name.equals(form, "NP") { return .flow }
        return name.equals(form, "S") ? .source : nil
    }

    /// `[…: ]list NAME permitted|denied PROTOCOL SOURCE[(PORT)] [(INTERFACE …)] -> DESTINATION[(PORT)][ (TYPE/CODE)], N
    /// packet[s]`, or a standard list's `list NAME permitted|denied SOURCE N packet[s]`.
    private static func accessList(
        _ text: inout TextCursor,
        _ form: AccessLogForm,
        into fields: inout ActivityFields
    ) -> Bool {
        // IOS XE's data plane writes its own prefix first (`SIP0: fman_fp_image: list …`).
        guard let list = text.firstIndex(of: "list ", from: text.position) else { return false }
        text.position = list + 5
        guard text.word() != nil, text.skip(" ") else { return false }
        let permitted = text.skip("permitted ")
        guard permitted || text.skip("denied ") else { return false }
        let outcome = permitted ? Word.success : Word.failure
        guard form == .flow else {
            guard let source = text.word() else { return false }
            fields.offer(.event, .word(Word.connection))
            fields.offer(.client, span: source)
            fields.offer(.outcome, .word(outcome))
            return true
        }
        guard text.word() != nil, text.skip(" "), let before = text.upTo(" -> "), let target = text.word() else {
            return false
        }
        var sourceWord = TextCursor(text.bytes, before)
        let destination = text.dropping(UInt8(ascii: ","), from: target)
        guard let source = sourceWord.word(), text.bytes[destination.start] != UInt8(ascii: ",") else { return false }
        return CiscoASAFlows.flow(source, destination, text.bytes, interfaces: (nil, nil), outcome, &fields)
    }

    /// IOS XR's `%SECURITY-SSHD-…` and `%SECURITY-LOGIN-…`: `Successfully authenticated user 'NAME' from 'SOURCE' on
    /// 'LINE'…` (`INFO_SUCCESS`, `AUTHEN_SUCCESS`), `Failed authentication attempt by user 'NAME' from 'SOURCE' …`
    /// (`INFO_FAILURE`, `AUTHEN_FAILED`), `User 'NAME' from 'SOURCE' logged out on 'LINE'` (`INFO_USER_LOGOUT`); a
    /// source `console` is a line, not a client.
    private static func iosXRAuthentication(
        _ text: inout TextCursor,
        _ name: TextCursor,
        _ kind: TextSpan,
        isSSH: Bool,
        into fields: inout ActivityFields
    ) -> Bool {
        let event: StaticString
        var outcome: StaticString?
        if name.equals(kind, "INFO_SUCCESS") || name.equals(kind, "AUTHEN_SUCCESS") {
            guard text.skip("Successfully authenticated user '") else { return false }
            (event, outcome) = (Word.login, Word.success)
        } else if name.equals(kind, "INFO_FAILURE") || name.equals(kind, "AUTHEN_FAILED") {
            guard text.skip("Failed authentication attempt by user '") else { return false }
            (event, outcome) = (Word.login, Word.failure)
        } else if name.equals(kind, "INFO_USER_LOGOUT") {
            guard text.skip("User '") else { return false }
            event = Word.sessionClose
        } else {
            return false
        }
        guard let user = text.upTo("' from '"), let source = text.upTo("'") else { return false }
        fields.offer(.user, span: user)
        if !Self.isLine(text, source) { fields.offer(.client, span: source) }
        fields.offer(.event, .word(event))
        if isSSH { fields.offer(.resource, .word("sshd")) }
        if let outcome { fields.offer(.outcome, .word(outcome)) }
        return true
    }

    /// `User:NAME  logged command:COMMAND`.
    private static func loggedCommand(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("User:"), let user = text.upTo(" ") else { return false }
        // `User:console` or `User:vty0` when no one logged in, as `Configured … by console` names a line.
        if !Self.isLine(text, user) { fields.offer(.user, span: user) }
        text.skipSpaces()
        guard text.skip("logged command:") else { return false }
        fields.offer(.resource, span: text.rest)
        fields.offer(.event, .word(Word.configChange))
        return true
    }
}
