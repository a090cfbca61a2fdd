import ActivityModel

/// Linux netfilter's `LOG` target (iptables, nftables, UFW, firewalld), as the `kernel` writes it: a packet the
/// firewall logged, with the administrator's prefix first.
///
/// ```
/// [UFW BLOCK] IN=eth0 OUT= MAC=… SRC=203.0.113.9 DST=10.0.0.5 LEN=40 … PROTO=TCP SPT=4444 DPT=22 …   failure
/// [  512.113] [UFW ALLOW] IN=eth0 OUT= … SRC=203.0.113.9 DST=10.0.0.5 … PROTO=UDP SPT=5353 DPT=53 …  success
/// FINAL_REJECT: IN=eth0 OUT= … SRC=203.0.113.9 DST=10.0.0.5 … PROTO=ICMP TYPE=8 CODE=0 …          failure, no port
/// IN=eth0 OUT= … SRC=203.0.113.9 DST=10.0.0.5 … PROTO=TCP SPT=4444 DPT=80 …                          no outcome
/// ```
///
/// A connection from `SRC` to `DST:DPT` (`DST` alone without a port). The outcome is the first word of the prefix
/// that is an outcome word of key=value pairs (``OutcomeWords``: `BLOCK`, `DROP`, `DROPPED`, `REJECT`, `DENY`… a
/// failure, `ALLOW`, `ACCEPT`… a success; any case, a word of its own: `IN_public_DROP` too); any other prefix says
/// none. Being read here, the line's pairs are not read as key=value
/// (`RES=0x00`, TCP's reserved bits, is no outcome).
enum NetfilterRecognizer {
    /// How far into the text `IN=` may start: the kernel's timestamp and a prefix (at most 29 bytes) before it.
    private static let prefixLimit = 80

    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var text = parts.cursor
        let window = TextCursor(text.bytes, TextSpan(start: text.position, end: min(text.end, text.position + 96)))
        guard let interface = window.firstIndex(of: "IN=", from: text.position),
            interface - text.position <= Self.prefixLimit,
            interface == text.position || text.bytes[interface - 1] == ByteClass.space
        else { return false }
        let prefix = TextSpan(start: text.position, end: interface)
        text.position = interface + 3
        // `IN=eth0 OUT= …` (a packet in) or `IN= OUT=eth0 …` (out).
        guard let inbound = text.upTo(" OUT="),
            ByteWords.firstIndex(of: ByteClass.space, in: text.bytes, from: inbound.start, to: inbound.end) == nil,
            let source = Self.value(of: " SRC=", in: text), let destination = Self.value(of: " DST=", in: text)
        else { return false }
        fields.offer(.event, .word(Word.connection))
        fields.offer(.client, span: source)
        if let port = Self.value(of: " DPT=", in: text) {
            fields.offer(.resource, .endpoint(destination, port: port))
        } else {
            fields.offer(.resource, span: destination)
        }
        if let outcome = Self.outcome(of: prefix, text) { fields.offer(.outcome, .word(outcome)) }
        return true
    }

    /// The word after the first `key` (which starts with its space) in the rest of the text, before the packet an
    /// ICMP error quotes in brackets (`… TYPE=3 CODE=3 [SRC=… DPT=33434 …]`: not this packet's).
    private static func value(of key: StaticString, in text: TextCursor) -> TextSpan? {
        guard let found = text.firstIndex(of: key, from: text.position),
            text.firstIndex(of: " [", from: text.position).map({ found < $0 }) ?? true
        else { return nil }
        var value = TextCursor(text.bytes, TextSpan(start: found + key.utf8CodeUnitCount, end: text.end))
        return value.word()
    }

    /// The outcome the prefix's words say, if any.
    private static func outcome(of prefix: TextSpan, _ text: TextCursor) -> StaticString? {
        var index = prefix.start
        while index < prefix.end {
            guard ByteClass.isASCIILetter(text.bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < prefix.end, ByteClass.isASCIILetter(text.bytes[index]) { index += 1 }
            if let outcome = OutcomeWords.normalized(TextSpan(start: start, end: index), text.bytes) { return outcome }
        }
        return nil
    }
}
