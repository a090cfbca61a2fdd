import ActivityModel

/// FortiGate (FortiOS) logs: `key=value` pairs with `type=` and `subtype=`.
///
/// ```
/// type="event" subtype="system" … user="admin" ui="https(10.0.0.5)" action="login" status="success"   login
/// type="event" subtype="system" … user="admin" ui="ssh(10.0.0.5)" action="logout" …                    session-close
/// type="event" subtype="system" … user="admin" ui="GUI(10.0.0.5)" action="Edit" cfgpath="system.interface" …
/// type="event" subtype="vpn" … action="ssl-login-fail" tunneltype="ssl-web" remip=203.0.113.9 user="bob" …  login failure
/// type="event" subtype="vpn" … action="tunnel-up" tunneltype="ssl-tunnel" remip=203.0.113.9 user="bob" …  session-open
/// type="traffic" subtype="forward" … srcip=10.1.2.3 … dstip=8.8.8.8 dstport=53 … action="deny"       connection
/// ```
///
/// A flow's resource is `DSTIP:DSTPORT`; its outcome is `success` for `accept`, `close` and `timeout`, `failure` for
/// `deny`, `block` and `dropped`. An administrator's client is the address in `ui="…(ADDRESS)"`, a VPN user's the
/// remote address, `remip`; a VPN tunnel going down is a session-close.
enum FortiGateRecognizer {
    /// The keys FortiGate lines are read by; ``KeyValuePairs`` keeps the value of the first pair of each (in any
    /// case).
    enum Key: Int, CaseIterable {
        case type, subtype, srcip, dstip, dstport, action, cfgpath, ui, remip, dst, dstPort

        var name: StaticString {
            switch self {
            case .type: "type"
            case .subtype: "subtype"
            case .srcip: "srcip"
            case .dstip: "dstip"
            case .dstport: "dstport"
            case .action: "action"
            case .cfgpath: "cfgpath"
            case .ui: "ui"
            case .remip: "remip"
            case .dst: "dst"
            case .dstPort: "dst_port"
            }
        }
    }

    static func recognize(
        _ pairs: KeyValuePairs,
        _ bytes: UnsafeBufferPointer<UInt8>,
        into fields: inout ActivityFields
    ) -> Bool {
        guard let type = pairs.value(of: .type), pairs.value(of: .subtype) != nil else { return false }
        let value = TextCursor(bytes, type)
        if value.equals(type, "traffic") {
            Self.flow(pairs, bytes, into: &fields)
            return true
        }
        guard value.equals(type, "event") else { return false }
        Self.administration(pairs, bytes, into: &fields)
        return true
    }

    private static func flow(
        _ pairs: KeyValuePairs,
        _ bytes: UnsafeBufferPointer<UInt8>,
        into fields: inout ActivityFields
    ) {
        fields.offer(.event, .word(Word.connection))
        fields.offer(.client, span: pairs.value(of: .srcip))
        // FortiOS 4 wrote `dst=` and `dst_port=`.
        if let destination = pairs.value(of: .dstip) ?? pairs.value(of: .dst), !destination.isEmpty {
            if let port = pairs.value(of: .dstport) ?? pairs.value(of: .dstPort), !port.isEmpty {
                fields.offer(.resource, .endpoint(destination, port: port))
            } else {
                fields.offer(.resource, .span(destination))
            }
        }
        // FortiOS 5 wrote the flow's end in `status=` (`status=close`) where later ones write `action=`.
        if let action = pairs.value(of: .action) ?? pairs.candidate(for: .outcome)?.span,
            let outcome = Self.flowOutcome(action, bytes)
        {
            fields.offer(.outcome, .word(outcome))
        }
    }

    /// A flow's outcome: `success` for `accept`, `close` and `timeout`, `failure` for `deny`, `block` and `dropped`.
    private static func flowOutcome(_ action: TextSpan, _ bytes: UnsafeBufferPointer<UInt8>) -> StaticString? {
        let cursor = TextCursor(bytes, action)
        switch action.count {
        case 4:
            if cursor.equals(action, "deny") { return Word.failure }
        case 5:
            if cursor.equals(action, "close") { return Word.success }
            if cursor.equals(action, "block") { return Word.failure }
        case 6:
            if cursor.equals(action, "accept") { return Word.success }
        case 7:
            if cursor.equals(action, "timeout") { return Word.success }
            if cursor.equals(action, "dropped") { return Word.failure }
        default:
            break
        }
        return nil
    }

    private static func administration(
        _ pairs: KeyValuePairs,
        _ bytes: UnsafeBufferPointer<UInt8>,
        into fields: inout ActivityFields
    ) {
        if let action = pairs.value(of: .action) {
            let cursor = TextCursor(bytes, action)
            if cursor.equals(action, "login") || cursor.equals(action, "authentication") {
                // `authentication`: a user authenticating to the firewall (`subtype="user"`).
                fields.offer(.event, .word(Word.login))
            } else if cursor.equals(action, "ssl-login-fail") {
                fields.offer(.event, .word(Word.login))
                fields.offer(.outcome, .word(Word.failure))
                Self.offerRemoteAddress(pairs, bytes, into: &fields)
            } else if cursor.equals(action, "tunnel-up") {
                fields.offer(.event, .word(Word.sessionOpen))
                fields.offer(.outcome, .word(Word.success))
                Self.offerRemoteAddress(pairs, bytes, into: &fields)
            } else if cursor.equals(action, "tunnel-down") {
                fields.offer(.event, .word(Word.sessionClose))
                Self.offerRemoteAddress(pairs, bytes, into: &fields)
            } else if cursor.equals(action, "logout") {
                fields.offer(.event, .word(Word.sessionClose))
            } else if let path = pairs.value(of: .cfgpath), !path.isEmpty {
                fields.offer(.event, .word(Word.configChange))
                fields.offer(.resource, .span(path))
            }
        }
        if let interface = pairs.value(of: .ui) {
            var cursor = TextCursor(bytes, interface)
            if cursor.upTo("(") != nil, let address = cursor.upTo(")") { fields.offer(.client, span: address) }
        }
    }

    /// A VPN event's client, the remote address `remip` (only for the events read here: a VPN's negotiation or
    /// statistics line is no activity of the user at that address).
    private static func offerRemoteAddress(
        _ pairs: KeyValuePairs,
        _ bytes: UnsafeBufferPointer<UInt8>,
        into fields: inout ActivityFields
    ) {
        if let remote = pairs.value(of: .remip), !KeyValueMapping.isAbsent(remote, field: .client, bytes) {
            fields.offer(.client, span: remote)
        }
    }
}
