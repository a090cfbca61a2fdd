import ActivityModel

/// FortiGate (FortiOS) logs: `key=value` pairs with `type=` and `subtype=`.
///
/// ```
/// type="event" subtype="system" … user="admin" ui="https(10.0.0.5)" action="login" status="success"   login
/// type="event" subtype="system" … user="admin" ui="ssh(10.0.0.5)" action="logout" …                    session-close
/// type="event" subtype="system" … user="admin" ui="GUI(10.0.0.5)" action="Edit" cfgpath="system.interface" …
/// type="traffic" subtype="forward" … srcip=10.1.2.3 … dstip=8.8.8.8 dstport=53 … action="deny"       connection
/// ```
///
/// A flow's resource is `DSTIP:DSTPORT`; its outcome is `success` for `accept`, `close` and `timeout`, `failure` for
/// `deny`, `block` and `dropped`. An administrator's client is the address in `ui="…(ADDRESS)"`.
enum FortiGateRecognizer {
    static func recognize(
        _ pairs: KeyValuePairs,
        _ bytes: UnsafeBufferPointer<UInt8>,
        into fields: inout ActivityFields
    ) -> Bool {
        let keys = Keys(pairs, bytes)
        guard let type = keys.type, keys.subtype != nil else { return false }
        let value = TextCursor(bytes, type)
        if value.equals(type, "traffic") {
            Self.flow(keys, bytes, into: &fields)
            return true
        }
        guard value.equals(type, "event") else { return false }
        Self.administration(keys, bytes, into: &fields)
        return true
    }

    /// The values of the keys FortiGate lines are read by (the first pair of each key, in any case), found in one
    /// pass over the pairs.
    private struct Keys {
        var type, subtype, srcip, dstip, dstport, action, cfgpath, ui: TextSpan?

        init(_ pairs: KeyValuePairs, _ bytes: UnsafeBufferPointer<UInt8>) {
            for index in 0..<pairs.count {
                let pair = pairs[index]
                func take(_ value: inout TextSpan?, _ name: StaticString) {
                    if value == nil, KeyValueMapping.keyEquals(pair.key, name, bytes) { value = pair.value }
                }
                switch pair.key.count {
                case 2: take(&self.ui, "ui")
                case 4: take(&self.type, "type")
                case 5:
                    take(&self.srcip, "srcip")
                    take(&self.dstip, "dstip")
                case 6: take(&self.action, "action")
                case 7:
                    take(&self.subtype, "subtype")
                    take(&self.dstport, "dstport")
                    take(&self.cfgpath, "cfgpath")
                default: break
                }
            }
        }
    }

    private static let flowSuccesses: [StaticString] = ["accept", "close", "timeout"]
    private static let flowFailures: [StaticString] = ["deny", "block", "dropped"]

    private static func flow(_ keys: Keys, _ bytes: UnsafeBufferPointer<UInt8>, into fields: inout ActivityFields) {
        fields.offer(.event, .word(Word.connection))
        fields.offer(.client, span: keys.srcip)
        if let destination = keys.dstip, !destination.isEmpty {
            if let port = keys.dstport, !port.isEmpty {
                fields.offer(.resource, .joined(destination, port))
            } else {
                fields.offer(.resource, .span(destination))
            }
        }
        if let action = keys.action {
            let cursor = TextCursor(bytes, action)
            if Self.flowSuccesses.contains(where: { cursor.equals(action, $0) }) {
                fields.offer(.outcome, .word(Word.success))
            } else if Self.flowFailures.contains(where: { cursor.equals(action, $0) }) {
                fields.offer(.outcome, .word(Word.failure))
            }
        }
    }

    private static func administration(
        _ keys: Keys,
        _ bytes: UnsafeBufferPointer<UInt8>,
        into fields: inout ActivityFields
    ) {
        if let action = keys.action {
            let cursor = TextCursor(bytes, action)
            if cursor.equals(action, "login") {
                fields.offer(.event, .word(Word.login))
            } else if cursor.equals(action, "logout") {
                fields.offer(.event, .word(Word.sessionClose))
            } else if let path = keys.cfgpath, !path.isEmpty {
                fields.offer(.event, .word(Word.configChange))
                fields.offer(.resource, .span(path))
            }
        }
        if let interface = keys.ui {
            var cursor = TextCursor(bytes, interface)
            if cursor.upTo("(") != nil, let address = cursor.upTo(")") { fields.offer(.client, span: address) }
        }
    }
}
