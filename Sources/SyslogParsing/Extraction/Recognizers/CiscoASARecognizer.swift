import ActivityModel

/// Cisco ASA and Firepower Threat Defense messages (`%ASA-6-605005: …`, `%FTD-…`, `%PIX-…`), chosen by their
/// six-digit message ID, as the ASA syslog message guide writes them: logins, commands and VPN sessions here, flows
/// in ``CiscoASAFlows``.
///
/// ```
/// 605005 Login permitted from 10.1.1.1/52144 to inside:10.2.2.2/ssh for user "admin"           login success
/// 605004 Login denied from 10.1.1.1/52144 to outside:10.2.2.2/https for user "admin"           login failure
/// 611101 User authentication succeeded: IP address: 10.1.1.1, Uname: admin                     login success
/// 611102 User authentication failed: IP address: 10.1.1.1, Uname: admin                        login failure
/// 113004 AAA user authentication Successful : server = 10.0.0.7 : user = admin                 login success
/// 113012 AAA user authentication Successful : local database : user = admin                    login success
/// 113005 AAA user authentication Rejected : reason = … : server = 10.0.0.7 : user = admin : user IP = 10.1.1.1
/// 113015 AAA user authentication Rejected : reason = … : local database : user = admin : user IP = 10.1.1.1
/// 113005 AAA user authentication Rejected: reason = AAA failure: server = … : user = alice: user IP = 10.1.1.1
/// 113004 AAA user authentication Successful: server = 10.0.0.7, User = admin      (as Cisco's message guide has it)
/// 111008 User 'admin' executed the 'configure terminal' command.                               no event
/// 111010 User 'admin', running 'CLI' from IP 10.1.1.1, executed 'write memory'                 config-change
/// 716001 Group <Staff> User <bob> IP <203.0.113.9> WebVPN session started.                     session-open success
/// 113039 Group <Staff> User <bob> IP <203.0.113.9> AnyConnect parent session started.          session-open success
/// 716002 Group <Staff> User <bob> IP <203.0.113.9> WebVPN session terminated: User Requested.  session-close
/// 716002 Group Staff User bob IP 203.0.113.9 WebVPN session terminated: Idle timeout.         session-close
/// 113019 Group = Staff, Username = bob, IP = 203.0.113.9, Session disconnected. …              session-close
/// 411002 Line protocol on Interface inside, changed state to down                             link-down
/// ```
///
/// A login's resource is the service logged in to (`ssh`, `https`, `console`); a command's, the command. The ASA
/// writes `*****` for the name of a failed login unless told not to, and `0.0.0.0` or `None` for no address: those
/// fields are absent. AAA authorization and accounting lines give nothing.
enum CiscoASARecognizer {
    /// Reads the text after the mnemonic of the message with ID `id` (its digits, `kind` of `%ASA-6-605005`).
    static func recognize(
        _ text: inout TextCursor,
        id: TextSpan,
        into fields: inout ActivityFields
    ) -> Bool {
        // The message ID as a number, -1 when it is not six digits.
        let number = id.count == 6 ? ByteClass.decimal(text.bytes, at: id.start, count: 6) ?? -1 : -1
        switch number {
        case 605_004: return Self.managementLogin(&text, "Login denied from ", Word.failure, into: &fields)
        case 605_005: return Self.managementLogin(&text, "Login permitted from ", Word.success, into: &fields)
        case 611_101: return Self.userAuthentication(&text, "User authentication succeeded: ", Word.success, &fields)
        case 611_102: return Self.userAuthentication(&text, "User authentication failed: ", Word.failure, &fields)
        case 113_004, 113_012: return Self.aaa(&text, "AAA user authentication Successful", Word.success, &fields)
        case 113_005, 113_015: return Self.aaa(&text, "AAA user authentication Rejected", Word.failure, &fields)
        case 111_008: return Self.executed(&text, into: &fields)
        case 111_010: return Self.executedFrom(&text, into: &fields)
        case 716_001, 113_039: return Self.vpnSession(&text, opened: true, into: &fields)
        case 716_002: return Self.vpnSession(&text, opened: false, into: &fields)
        case 113_019: return Self.vpnDisconnected(&text, into: &fields)
        case 411_001, 411_002: return CiscoRecognizer.link(&text, into: &fields)
        default: return CiscoASAFlows.recognize(&text, id: number, into: &fields)
        }
    }

    /// `Login permitted|denied from SOURCE[/PORT] to INTERFACE:ADDRESS/SERVICE for user "NAME"`; the source is
    /// `serial` on the console, which names no client.
    private static func managementLogin(
        _ text: inout TextCursor,
        _ prefix: StaticString,
        _ outcome: StaticString,
        into fields: inout ActivityFields
    ) -> Bool {
        guard text.skip(prefix), let source = text.upTo(" to "), let target = text.upTo(" for user \"") else {
            return false
        }
        let end = text.lastIndex(of: "\"", before: text.end) ?? text.end
        Self.offerUser(TextSpan(start: text.position, end: end), text, into: &fields)
        if let slash = ByteWords.lastIndex(of: UInt8(ascii: "/"), in: text.bytes, from: source.start, to: source.end) {
            fields.offer(.client, span: TextSpan(start: source.start, end: slash))
        }
        let slash = ByteWords.lastIndex(of: UInt8(ascii: "/"), in: text.bytes, from: target.start, to: target.end)
        fields.offer(.resource, span: TextSpan(start: slash.map { $0 + 1 } ?? target.start, end: target.end))
        return Self.login(outcome, into: &fields)
    }

    /// `User authentication succeeded|failed: [IP address: ADDRESS, ]Uname: NAME` (the guide also shows
    /// `ADDRESS,, Uname`).
    private static func userAuthentication(
        _ text: inout TextCursor,
        _ prefix: StaticString,
        _ outcome: StaticString,
        _ fields: inout ActivityFields
    ) -> Bool {
        guard text.skip(prefix) else { return false }
        var address: TextSpan?
        if text.skip("IP address: ") {
            guard let value = text.upTo(" Uname: ") else { return false }
            address = text.dropping(UInt8(ascii: ","), from: text.dropping(UInt8(ascii: ","), from: value))
        } else {
            guard text.skip("Uname: ") else { return false }
        }
        Self.offerUser(text.rest, text, into: &fields)
        Self.offerClient(address, text, into: &fields)
        return Self.login(outcome, into: &fields)
    }

    /// `AAA user authentication Successful|Rejected : … : user = NAME[ : user IP = ADDRESS]` (9.x writes some colons
    /// with no space before them: `Rejected: reason = …: server = … : user = alice: user IP = …`; the message guide
    /// `…, User = NAME`); `server = ` is the AAA server, not the client.
    private static func aaa(
        _ text: inout TextCursor,
        _ prefix: StaticString,
        _ outcome: StaticString,
        _ fields: inout ActivityFields
    ) -> Bool {
        guard text.skip(prefix),
            let user = text.firstIndex(of: " user = ", from: text.position)
                ?? text.firstIndex(of: " User = ", from: text.position)
        else { return false }
        text.position = user + 8
        let name = text.upTo(byte: UInt8(ascii: ":"))
        Self.offerUser(text.trimmed(name), text, into: &fields)
        if let address = text.firstIndex(of: ": user IP = ", from: text.position) {
            var value = TextCursor(text.bytes, TextSpan(start: address + 12, end: text.end))
            Self.offerClient(text.trimmed(value.upTo(" : ") ?? value.rest), text, into: &fields)
        }
        return Self.login(outcome, into: &fields)
    }

    /// `User 'NAME' executed the 'COMMAND' command.`: any command but `show` (`enable`, `ping`, `configure
    /// terminal`), so the line says who ran what, not that anything changed: no event.
    private static func executed(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("User '"), let user = text.upTo("' executed the '"),
            let end = text.lastIndex(of: "' command", before: text.end)
        else { return false }
        fields.offer(.user, span: user)
        fields.offer(.resource, span: TextSpan(start: text.position, end: end))
        return true
    }

    /// `User 'NAME', running 'APPLICATION' from IP ADDRESS, executed 'COMMAND'`: a configuration change (from the
    /// console, `IP 0.0.0.0`).
    private static func executedFrom(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("User '"), let user = text.upTo("', running '"), text.upTo("' from IP ") != nil,
            let address = text.upTo(", executed '")
        else { return false }
        fields.offer(.user, span: user)
        Self.offerClient(address, text, into: &fields)
        let end = text.lastIndex(of: "'", before: text.end) ?? text.end
        fields.offer(.resource, span: TextSpan(start: text.position, end: max(text.position, end)))
        fields.offer(.event, .word(Word.configChange))
        return true
    }

    /// `Group <GROUP> User <NAME> IP <ADDRESS> … session started.|terminated…`, or the same without the brackets
    /// (`Group Staff User bob IP 203.0.113.9 …`, where a group's name holds no ` User `).
    private static func vpnSession(_ text: inout TextCursor, opened: Bool, into fields: inout ActivityFields) -> Bool {
        let user: TextSpan
        let address: TextSpan
        if text.skip("Group <") {
            guard text.upTo("> User <") != nil, let name = text.upTo("> IP <"), let ip = text.upTo(">") else {
                return false
            }
            (user, address) = (name, ip)
        } else {
            guard text.skip("Group "), text.upTo(" User ") != nil, let name = text.upTo(" IP "), let ip = text.word()
            else { return false }
            (user, address) = (name, ip)
        }
        fields.offer(.user, span: user)
        fields.offer(.client, span: address)
        fields.offer(.event, .word(opened ? Word.sessionOpen : Word.sessionClose))
        if opened { fields.offer(.outcome, .word(Word.success)) }
        return true
    }

    /// `Group = GROUP, Username = NAME, IP = ADDRESS, Session disconnected. Session Type: TYPE, …`; for a
    /// `LAN-to-LAN` tunnel the "user name" is the peer's address, no user.
    private static func vpnDisconnected(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("Group = "), text.upTo(", Username = ") != nil, let user = text.upTo(", IP = "),
            let address = text.upTo(", Session disconnected.")
        else { return false }
        text.skipSpaces()
        if !text.hasPrefix("Session Type: LAN-to-LAN") { fields.offer(.user, span: user) }
        fields.offer(.client, span: address)
        fields.offer(.event, .word(Word.sessionClose))
        return true
    }

    /// Offers the user unless the ASA hid it (`*****`, the default for a failed login's name).
    private static func offerUser(_ name: TextSpan, _ text: TextCursor, into fields: inout ActivityFields) {
        guard !(name.start..<name.end).allSatisfy({ text.bytes[$0] == UInt8(ascii: "*") }) else { return }
        fields.offer(.user, span: name)
    }

    /// Offers the client unless it is the ASA's placeholder for none: `0.0.0.0` (the console) or `None`.
    private static func offerClient(_ address: TextSpan?, _ text: TextCursor, into fields: inout ActivityFields) {
        guard let address, !text.equals(address, "0.0.0.0"), !text.equals(address, "None") else { return }
        fields.offer(.client, span: address)
    }

    /// Offers a login with `outcome`.
    private static func login(_ outcome: StaticString, into fields: inout ActivityFields) -> Bool {
        fields.offer(.event, .word(Word.login))
        fields.offer(.outcome, .word(outcome))
        return true
    }
}
