import ActivityModel

/// The flows of Cisco ASA and FTD messages (``CiscoASARecognizer``): a connection the ASA built, or a packet an
/// access list denied. The client is the side that opened the flow; the resource is the other side's
/// `ADDRESS:PORT` (the address alone for ICMP).
///
/// ```
/// 302013 Built inbound TCP connection 7 for outside:203.0.113.9/4444 (203.0.113.9/4444) to inside:10.0.0.5/22 (…)
/// 302015 Built outbound UDP connection 8 for outside:8.8.8.8/53 (8.8.8.8/53) to inside:10.0.0.5/5353 (…)
/// 302020 Built inbound ICMP connection for faddr 203.0.113.9/1 gaddr 198.51.100.5/0 laddr 10.0.0.5/0 type 8 code 0
/// 106023 Deny tcp src outside:203.0.113.9/4444 dst inside:10.0.0.5/22 by access-group "outside_in" [0x0, 0x0]
/// 106014 Deny inbound icmp src outside:203.0.113.9 dst inside:10.0.0.5 (type 8, code 0)
/// 106010 Deny inbound protocol 47 src outside:203.0.113.9 dst inside:10.0.0.5
/// 106100 access-list outside_in denied tcp outside/203.0.113.9(4444) -> inside/10.0.0.5(22) hit-cnt 1 first hit …
/// 106001 Inbound TCP connection denied from 203.0.113.9/4444 to 10.0.0.5/22 flags SYN  on interface outside
/// 106006 Deny inbound UDP from 203.0.113.9/4444 to 10.0.0.5/53 on interface outside
/// 106015 Deny TCP (no connection) from 203.0.113.9/4444 to 10.0.0.5/80 flags RST  on interface outside
/// 710003 TCP access denied by ACL from 203.0.113.9/4444 to outside:10.0.0.5/22
/// 106011 Deny inbound (No xlate) tcp src outside:203.0.113.9/4444 dst outside:198.51.100.5/80
/// 313001 Denied ICMP type=8, code=0 from 203.0.113.9 on interface outside                 (to the device: no resource)
/// 430003 DeviceUUID: …, AccessControlRuleAction: Allow, SrcIP: 203.0.113.9, DstIP: 10.0.0.5, SrcPort: 4444,
///        DstPort: 22, Protocol: tcp, …                                      (FTD's connection events, 430002 too)
/// ```
///
/// `inbound` flows are opened from the `for` side (ICMP: `faddr`), `outbound` ones from the `to` side (ICMP: `laddr`).
/// An ICMP flow's numbers after `/` are its sequence number and type, not ports. A connection built is a success, a
/// packet denied a failure; the teardown of a connection gives nothing more.
enum CiscoASAFlows {
    static func recognize(_ text: inout TextCursor, id: Int, into fields: inout ActivityFields) -> Bool {
        switch id {
        case 302_013, 302_015: return Self.built(&text, into: &fields)
        case 302_020: return Self.builtICMP(&text, into: &fields)
        case 106_023, 106_014, 106_010, 106_011: return Self.deniedByAccessGroup(&text, into: &fields)
        case 313_001:
            guard text.skip("Denied ICMP "), text.upTo(" from ") != nil, let source = text.word() else { return false }
            fields.offer(.event, .word(Word.connection))
            fields.offer(.client, span: source)
            fields.offer(.outcome, .word(Word.failure))
            return true
        case 430_002, 430_003: return Self.firepowerConnection(&text, into: &fields)
        case 106_100: return Self.accessList(&text, into: &fields)
        case 106_001: return Self.denied(&text, "Inbound TCP connection denied from ", into: &fields)
        case 106_006, 106_007: return Self.denied(&text, "Deny inbound UDP from ", into: &fields)
        case 106_015: return Self.denied(&text, "Deny TCP (no connection) from ", into: &fields)
        case 710_003: return Self.deniedByACL(&text, into: &fields)
        default: return false
        }
    }

    /// `Built inbound|outbound TCP|UDP connection ID for IF:ADDRESS/PORT (MAPPED/PORT)[ (USER)] to IF:ADDRESS/PORT …`.
    private static func built(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("Built ") else { return false }
        let inbound = text.skip("inbound ")
        // An endpoint runs to the ` (` of its mapped address: an interface name may hold spaces (`NP Identity Ifc`).
        guard inbound || text.skip("outbound "), text.upTo(" connection ") != nil, text.upTo(" for ") != nil,
            let forSide = text.upTo(" to ")
        else { return false }
        var first = TextCursor(text.bytes, forSide)
        let target = text.upTo(" (") ?? text.trimmed(text.rest)
        let source = first.upTo(" (") ?? forSide
        return Self.flow(
            inbound ? source : target,
            inbound ? target : source,
            text.bytes,
            interfaces: (Self.colon, Self.colon),
            Word.success,
            &fields
        )
    }

    /// `Built inbound|outbound ICMP connection for faddr ADDRESS/SEQ[(USER)] gaddr ADDRESS/TYPE laddr ADDRESS/TYPE[(USER)]
    /// …`: the foreign and the local host, without the numbers after their `/`.
    private static func builtICMP(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("Built ") else { return false }
        let inbound = text.skip("inbound ")
        guard inbound || text.skip("outbound "), text.skip("ICMP connection for faddr "), let foreign = text.word(),
            text.upTo(" laddr ") != nil, let local = text.word()
        else { return false }
        func host(_ span: TextSpan) -> TextSpan {
            let end = ByteWords.firstIndex(of: UInt8(ascii: "/"), in: text.bytes, from: span.start, to: span.end)
            return TextSpan(start: span.start, end: end ?? span.end)
        }
        let (source, target) = inbound ? (host(foreign), host(local)) : (host(local), host(foreign))
        return Self.flow(source, target, text.bytes, interfaces: (nil, nil), Word.success, &fields)
    }

    /// FTD's connection event, `NAME: VALUE` pairs separated by `, `: `AccessControlRuleAction` (`Allow`, `Trust`,
    /// `Fastpath`: success; `Block…`, `Interactive Block…`: failure), `SrcIP`, `DstIP`, `DstPort`.
    private static func firepowerConnection(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard let source = Self.field("SrcIP: ", text), let destination = Self.field("DstIP: ", text) else {
            return false
        }
        fields.offer(.event, .word(Word.connection))
        fields.offer(.client, span: source)
        // An ICMP flow's `DstPort` is its code, not a port.
        let protocolName = Self.field("Protocol: ", text)
        let isICMP = protocolName.map { Self.namesICMP($0, text.bytes) } ?? false
        if !isICMP, let port = Self.field("DstPort: ", text) {
            fields.offer(.resource, .endpoint(destination, port: port))
        } else {
            fields.offer(.resource, span: destination)
        }
        if let action = Self.field("AccessControlRuleAction: ", text) {
            let value = TextCursor(text.bytes, action)
            if value.equals(action, "Allow") || value.equals(action, "Trust") || value.equals(action, "Fastpath") {
                fields.offer(.outcome, .word(Word.success))
            } else if value.matches("Block", at: action.start) || value.matches("Interactive Block", at: action.start) {
                fields.offer(.outcome, .word(Word.failure))
            }
        }
        return true
    }

    /// Whether a protocol's name holds `icmp` in any case (`icmp`, `ICMP`, `ipv6-icmp`).
    private static func namesICMP(_ name: TextSpan, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count >= 4 else { return false }
        return (name.start...(name.end - 4)).contains { start in
            KeyValueMapping.keyEquals(TextSpan(start: start, end: start + 4), "icmp", bytes)
        }
    }

    /// The value of FTD's `NAME: VALUE` (to the next `,` or the end) after `, ` or at the start of the text.
    private static func field(_ name: StaticString, _ text: TextCursor) -> TextSpan? {
        text.value(of: name, upTo: UInt8(ascii: ","))
    }

    /// `Deny PROTOCOL src IF:ADDRESS[/PORT][(USER[, SGT])] dst IF:ADDRESS[/PORT][(USER[, SGT])] by access-group "ACL"
    /// …` (106023), `Deny inbound icmp|protocol N src … dst …` (106014, 106010): the identity firewall's
    /// `(LOCAL\bob, 9999:sgt)` holds a space, so the source runs to ` dst `.
    private static func deniedByAccessGroup(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        // The destination runs to ` by ` (an interface name may hold spaces), without ICMP's ` (type 8, code 0)`.
        guard text.skip("Deny "), text.upTo(" src ") != nil, let source = text.upTo(" dst ") else { return false }
        let destination = text.upTo(" by ") ?? text.trimmed(text.rest)
        var inDestination = TextCursor(text.bytes, destination)
        let target = inDestination.upTo(" (") ?? destination
        return Self.flow(source, target, text.bytes, interfaces: (Self.colon, Self.colon), Word.failure, &fields)
    }

    /// `access-list ACL permitted|denied PROTOCOL IF/ADDRESS(PORT)[ (USER)] -> IF/ADDRESS(PORT) …`; `est-allowed`
    /// (denied, but let through for an established flow) is neither.
    private static func accessList(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.skip("access-list "), text.word() != nil, text.skip(" ") else { return false }
        let permitted = text.skip("permitted ")
        guard permitted || text.skip("denied "), text.word() != nil, text.skip(" "), let source = text.word(),
            text.upTo(" -> ") != nil, let target = text.word()
        else { return false }
        let outcome = permitted ? Word.success : Word.failure
        return Self.flow(source, target, text.bytes, interfaces: (Self.slash, Self.slash), outcome, &fields)
    }

    /// `PREFIX ADDRESS/PORT to ADDRESS/PORT …`.
    private static func denied(
        _ text: inout TextCursor,
        _ prefix: StaticString,
        into fields: inout ActivityFields
    ) -> Bool {
        guard text.skip(prefix), let source = text.word(), text.skip(" to "), let target = text.word() else {
            return false
        }
        return Self.flow(source, target, text.bytes, interfaces: (nil, nil), Word.failure, &fields)
    }

    /// `TCP|UDP access denied by ACL from ADDRESS/PORT to IF:ADDRESS/PORT`.
    private static func deniedByACL(_ text: inout TextCursor, into fields: inout ActivityFields) -> Bool {
        guard text.word() != nil, text.skip(" access denied by ACL from "), let source = text.word(),
            text.skip(" to "), let target = text.word()
        else { return false }
        return Self.flow(source, target, text.bytes, interfaces: (nil, Self.colon), Word.failure, &fields)
    }

    /// An endpoint `[INTERFACE<separator>]ADDRESS[/PORT|(PORT)][(USER)]`: its address and port.
    private static func endpoint(
        _ span: TextSpan,
        _ bytes: UnsafeBufferPointer<UInt8>,
        interface separator: UInt8?
    ) -> (address: TextSpan, port: TextSpan?) {
        var start = span.start
        if let separator, let found = ByteWords.firstIndex(of: separator, in: bytes, from: start, to: span.end) {
            start = found + 1
            // `outside: 204.16.208.49/58940`, as PIX's documentation writes it.
            while start < span.end, bytes[start] == ByteClass.space { start += 1 }
        }
        // `ADDRESS(PORT)`, `ADDRESS/PORT(USER)`, `ADDRESS/PORT` or `ADDRESS`; a port is digits (`10.0.0.5(type 8,
        // code 0)` is ICMP's type, glued on).
        let open = ByteWords.firstIndex(of: UInt8(ascii: "("), in: bytes, from: start, to: span.end)
        if let slash = ByteWords.firstIndex(of: UInt8(ascii: "/"), in: bytes, from: start, to: open ?? span.end) {
            return (
                TextSpan(start: start, end: slash),
                Self.digits(TextSpan(start: slash + 1, end: open ?? span.end), bytes)
            )
        }
        guard let open else { return (TextSpan(start: start, end: span.end), nil) }
        let close = ByteWords.firstIndex(of: UInt8(ascii: ")"), in: bytes, from: open, to: span.end) ?? span.end
        return (TextSpan(start: start, end: open), Self.digits(TextSpan(start: open + 1, end: close), bytes))
    }

    /// `span` if it is a run of digits.
    private static func digits(_ span: TextSpan, _ bytes: UnsafeBufferPointer<UInt8>) -> TextSpan? {
        guard !span.isEmpty, (span.start..<span.end).allSatisfy({ ByteClass.isDigit(bytes[$0]) }) else { return nil }
        return span
    }

    private static var colon: UInt8 { UInt8(ascii: ":") }
    private static var slash: UInt8 { UInt8(ascii: "/") }

    /// Offers the flow from `source` to `target`, endpoints whose interface name ends at the separators given (IOS's
    /// access-list logging too, ``CiscoRecognizer``).
    static func flow(
        _ source: TextSpan,
        _ target: TextSpan,
        _ bytes: UnsafeBufferPointer<UInt8>,
        interfaces: (source: UInt8?, target: UInt8?),
        _ outcome: StaticString,
        _ fields: inout ActivityFields
    ) -> Bool {
        let from = Self.endpoint(source, bytes, interface: interfaces.source)
        let to = Self.endpoint(target, bytes, interface: interfaces.target)
        guard !from.address.isEmpty, !to.address.isEmpty else { return false }
        fields.offer(.event, .word(Word.connection))
        fields.offer(.client, span: from.address)
        if let port = to.port, !port.isEmpty {
            fields.offer(.resource, .endpoint(to.address, port: port))
        } else {
            fields.offer(.resource, span: to.address)
        }
        fields.offer(.outcome, .word(outcome))
        return true
    }
}
