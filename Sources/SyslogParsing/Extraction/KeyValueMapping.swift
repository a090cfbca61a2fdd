import ActivityModel

/// The last source of activity fields: `key=value` pairs in the text, when it holds at least two. Keys match
/// case-insensitively, in candidate order (the first candidate present wins); empty values, `N/A`, and `?` for
/// `client`, count as absent; `outcome` is normalized (``OutcomeWords``).
///
/// | field | keys |
/// |---|---|
/// | user | `user username usr suser acct account` |
/// | event | `action act event op operation` |
/// | resource | `resource object target path file fname url request` |
/// | outcome | `outcome result status res` |
/// | client | `client src srcip src_ip rhost addr` |
enum KeyValueMapping {
    static let candidates: [(ActivityField, [StaticString])] = [
        (.user, ["user", "username", "usr", "suser", "acct", "account"]),
        (.event, ["action", "act", "event", "op", "operation"]),
        (.resource, ["resource", "object", "target", "path", "file", "fname", "url", "request"]),
        (.outcome, ["outcome", "result", "status", "res"]),
        (.client, ["client", "src", "srcip", "src_ip", "rhost", "addr"]),
    ]

    /// Offers, per field, the value of its best candidate that ``KeyValuePairs`` kept: the text must hold two pairs.
    @inline(__always)
    static func map(_ pairs: KeyValuePairs, _ bytes: UnsafeBufferPointer<UInt8>, into fields: inout ActivityFields) {
        guard pairs.count >= 2 else { return }
        func offer(_ field: ActivityField) {
            if let value = pairs.candidate(for: field) { fields.offer(field, Self.value(value, field: field, bytes)) }
        }
        offer(.user)
        offer(.event)
        offer(.resource)
        offer(.outcome)
        offer(.client)
    }

    /// Whether `key` is `name`, ignoring ASCII case.
    @inline(__always)
    static func keyEquals(_ key: TextSpan, _ name: StaticString, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count == name.utf8CodeUnitCount, key.end <= bytes.count, let base = bytes.baseAddress else {
            return false
        }
        return TextCursor.equal(base + key.start, name.utf8Start, count: key.count, ignoringCase: true)
    }

    /// The value of a pair as it goes into `field`: outcomes normalized, escapes removed.
    static func value(
        _ value: KeyValuePairs.Value,
        field: ActivityField,
        _ bytes: UnsafeBufferPointer<UInt8>
    )
        -> ExtractedValue
    {
        if field == .outcome, let word = OutcomeWords.normalized(value.span, bytes) { return .word(word) }
        return value.hasEscapes ? .unescaped(value.span) : .span(value.span)
    }

    /// Whether a value says nothing: empty, `N/A` (any case: FortiGate's `user="N/A"`, CEF's `duser=n/a`), or `?`
    /// for `client`.
    static func isAbsent(_ value: TextSpan, field: ActivityField, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch value.count {
        case 0: true
        case 1: field == .client && bytes[value.start] == UInt8(ascii: "?")
        case 3: Self.keyEquals(value, "n/a", bytes)
        default: false
        }
    }
}

/// The outcome words of key=value pairs and CEF, normalized (any case) to `success` — `success succeeded successful
/// ok pass passed accept accepted allow allowed permit permitted` — or `failure` — `failure fail failed error denied
/// deny reject rejected drop dropped block blocked`; other values are kept as given.
enum OutcomeWords {
    /// `success` or `failure` for a word of either list: chosen by the value's length, so a value costs one switch
    /// and a comparison or a few (no table to set up or walk).
    static func normalized(_ value: TextSpan, _ bytes: UnsafeBufferPointer<UInt8>) -> StaticString? {
        @inline(__always) func isWord(_ word: StaticString) -> Bool { KeyValueMapping.keyEquals(value, word, bytes) }
        switch value.count {
        case 2:
            if isWord("ok") { return Word.success }
        case 4:
            if isWord("pass") { return Word.success }
            if isWord("fail") || isWord("deny") || isWord("drop") { return Word.failure }
        case 5:
            if isWord("allow") { return Word.success }
            if isWord("error") || isWord("block") { return Word.failure }
        case 6:
            if isWord("passed") || isWord("accept") || isWord("permit") { return Word.success }
            if isWord("failed") || isWord("denied") || isWord("reject") { return Word.failure }
        case 7:
            if isWord("success") || isWord("allowed") { return Word.success }
            if isWord("failure") || isWord("dropped") || isWord("blocked") { return Word.failure }
        case 8:
            if isWord("accepted") { return Word.success }
            if isWord("rejected") { return Word.failure }
        case 9:
            if isWord("succeeded") || isWord("permitted") { return Word.success }
        case 10:
            if isWord("successful") { return Word.success }
        default:
            break
        }
        return nil
    }
}
