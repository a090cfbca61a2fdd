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

    /// A candidate key with its field and rank (its place in the field's list).
    private typealias Candidate = (name: StaticString, field: ActivityField, rank: Int)

    /// The candidates in a hash table of 64 slots, by their length, first and last byte in lower case (linear
    /// probing): one pass over the pairs looks each key up in a slot or two, then compares it once.
    private static let slots: [Candidate?] = {
        var slots = [Candidate?](repeating: nil, count: 64)
        for (field, names) in Self.candidates {
            for (rank, name) in names.enumerated() {
                let count = name.utf8CodeUnitCount
                var slot = Self.slot(count: count, first: name.utf8Start[0], last: name.utf8Start[count - 1])
                while slots[slot] != nil { slot = (slot + 1) & 63 }
                slots[slot] = (name, field, rank)
            }
        }
        return slots
    }()

    /// The slot where a key of `count` bytes from `first` to `last` starts its probe (the factors leave the
    /// candidates of the table above one slot each).
    @inline(__always)
    private static func slot(count: Int, first: UInt8, last: UInt8) -> Int {
        (Int(first | 0x20) &+ Int(last | 0x20) &* 27 &+ count &* 39) & 63
    }

    /// The candidate `key` is, if any.
    @inline(__always)
    private static func candidate(
        _ key: TextSpan,
        _ bytes: UnsafeBufferPointer<UInt8>,
        in slots: [Candidate?]
    ) -> Candidate? {
        guard !key.isEmpty else { return nil }
        var slot = Self.slot(count: key.count, first: bytes[key.start], last: bytes[key.end - 1])
        while let candidate = slots[slot] {
            if Self.keyEquals(key, candidate.name, bytes) { return candidate }
            slot = (slot + 1) & 63
        }
        return nil
    }

    static func map(_ pairs: KeyValuePairs, _ bytes: UnsafeBufferPointer<UInt8>, into fields: inout ActivityFields) {
        guard pairs.count >= 2 else { return }
        var best: (Int, Int, Int, Int, Int) = (.max, .max, .max, .max, .max)
        var chosen: (Int, Int, Int, Int, Int) = (-1, -1, -1, -1, -1)
        let slots = Self.slots
        for index in 0..<pairs.count {
            let pair = pairs[index]
            guard let candidate = Self.candidate(pair.key, bytes, in: slots), !fields.has(candidate.field),
                !Self.isAbsent(pair.value, field: candidate.field, bytes)
            else { continue }
            switch candidate.field {
            case .user where candidate.rank < best.0: (best.0, chosen.0) = (candidate.rank, index)
            case .event where candidate.rank < best.1: (best.1, chosen.1) = (candidate.rank, index)
            case .resource where candidate.rank < best.2: (best.2, chosen.2) = (candidate.rank, index)
            case .outcome where candidate.rank < best.3: (best.3, chosen.3) = (candidate.rank, index)
            case .client where candidate.rank < best.4: (best.4, chosen.4) = (candidate.rank, index)
            default: break
            }
        }
        func offer(_ field: ActivityField, _ index: Int) {
            if index >= 0 { fields.offer(field, Self.value(pairs[index], field: field, bytes)) }
        }
        offer(.user, chosen.0)
        offer(.event, chosen.1)
        offer(.resource, chosen.2)
        offer(.outcome, chosen.3)
        offer(.client, chosen.4)
    }

    /// Whether `key` is `name`, ignoring ASCII case.
    @inline(__always)
    static func keyEquals(_ key: TextSpan, _ name: StaticString, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count == name.utf8CodeUnitCount else { return false }
        let literal = name.utf8Start
        for offset in 0..<key.count where bytes[key.start + offset] | 0x20 != literal[offset] | 0x20 { return false }
        return true
    }

    /// The value of a pair as it goes into `field`: outcomes normalized, escapes removed.
    static func value(
        _ pair: KeyValuePairs.Pair,
        field: ActivityField,
        _ bytes: UnsafeBufferPointer<UInt8>
    )
        -> ExtractedValue
    {
        if field == .outcome, let word = OutcomeWords.normalized(pair.value, bytes) { return .word(word) }
        return pair.hasEscapes ? .unescaped(pair.value) : .span(pair.value)
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

    /// `success` or `failure` for a word of either list.
    static func normalized(_ value: TextSpan, _ bytes: UnsafeBufferPointer<UInt8>) -> StaticString? {
        guard value.count >= 2, value.count <= 10 else { return nil }
        if Self.successes.contains(where: { KeyValueMapping.keyEquals(value, $0, bytes) }) { return Word.success }
        if Self.failures.contains(where: { KeyValueMapping.keyEquals(value, $0, bytes) }) { return Word.failure }
        return nil
    }
}
