import ActivityModel

/// The last source of activity fields: `key=value` pairs in the text, when it holds at least two. Keys match
/// case-insensitively, in candidate order (the first candidate present wins); empty values, and `?` for `client`,
/// count as absent; `outcome` is normalized (``OutcomeWords``).
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

    static func isAbsent(_ value: TextSpan, field: ActivityField, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        value.isEmpty || (field == .client && value.count == 1 && bytes[value.start] == UInt8(ascii: "?"))
    }
}

/// The outcome words of key=value pairs and CEF, normalized to `success` or `failure` (any case); other values are
/// kept as given.
enum OutcomeWords {
    static let successes: [StaticString] = [
        "success", "succeeded", "successful", "ok", "pass", "passed", "accept", "accepted", "allow", "allowed",
        "permit",
        "permitted",
    ]
    static let failures: [StaticString] = [
        "failure", "fail", "failed", "error", "denied", "deny", "reject", "rejected", "drop", "dropped", "block",
        "blocked",
    ]

    /// `success` or `failure` for a word of either list: only the words of the value's length are compared.
    static func normalized(_ value: TextSpan, _ bytes: UnsafeBufferPointer<UInt8>) -> StaticString? {
        guard value.count < Self.byLength.count else { return nil }
        for (word, normalized) in Self.byLength[value.count] where KeyValueMapping.keyEquals(value, word, bytes) {
            return normalized
        }
        return nil
    }

    /// Both lists by word length, each word with the word it normalizes to.
    private static let byLength: [[(word: StaticString, normalized: StaticString)]] = {
        let words = Self.successes.map { ($0, Word.success) } + Self.failures.map { ($0, Word.failure) }
        let longest = words.map(\.0.utf8CodeUnitCount).max() ?? 0
        return (0...longest).map { length in words.filter { $0.0.utf8CodeUnitCount == length } }
    }()
}
