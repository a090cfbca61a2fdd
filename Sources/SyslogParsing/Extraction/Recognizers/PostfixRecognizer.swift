import ActivityModel

/// Postfix's SMTP server (`postfix/smtpd`, and a `master.cf` service's `postfix/submission/smtpd`) on SMTP AUTH:
///
/// ```
/// warning: unknown[203.0.113.9]: SASL LOGIN authentication failed: UGFzc3dvcmQ6          login failure
/// warning: mx.example.com[203.0.113.9]: SASL PLAIN authentication failed: …, sasl_username=bob   (Postfix 3.x)
/// 4F2A1C0B: client=mx.example.com[203.0.113.9], sasl_method=PLAIN, sasl_username=bob    login success
/// ```
///
/// The client is the address in brackets (the name before it may be `unknown`), the resource `smtpd`.
enum PostfixRecognizer {
    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var text = parts.cursor
        let outcome: StaticString
        let client: TextSpan?
        if text.skip("warning: ") {
            guard let peer = text.upTo(": SASL "), text.word() != nil, text.skip(" authentication failed") else {
                return false
            }
            (outcome, client) = (Word.failure, Self.address(peer, text))
        } else {
            guard let peer = text.firstIndex(of: ": client=", from: text.position),
                text.firstIndex(of: ", sasl_username=", from: peer) != nil
            else { return false }
            var after = TextCursor(text.bytes, TextSpan(start: peer + 9, end: text.end))
            (outcome, client) = (Word.success, after.upTo(",").flatMap { Self.address($0, text) })
        }
        if let name = text.firstIndex(of: "sasl_username=", from: text.position) {
            var value = TextCursor(text.bytes, TextSpan(start: name + 14, end: text.end))
            let user = value.upTo(byte: UInt8(ascii: ","))
            fields.offer(.user, span: text.trimmed(user))
        }
        fields.offer(.client, span: client)
        fields.offer(.event, .word(Word.login))
        fields.offer(.resource, .word("smtpd"))
        fields.offer(.outcome, .word(outcome))
        return true
    }

    /// The address in `NAME[ADDRESS]`.
    private static func address(_ peer: TextSpan, _ text: TextCursor) -> TextSpan? {
        guard peer.count > 2, text.bytes[peer.end - 1] == UInt8(ascii: "]"),
            let open = ByteWords.lastIndex(of: UInt8(ascii: "["), in: text.bytes, from: peer.start, to: peer.end)
        else { return nil }
        let address = TextSpan(start: open + 1, end: peer.end - 1)
        return address.isEmpty ? nil : address
    }
}
