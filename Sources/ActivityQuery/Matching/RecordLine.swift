import CLinuxShims

#if canImport(Glibc)
import Glibc
#endif

/// One JSON line of the archive, read in place: the value of a top-level field is found by searching for its key's
/// bytes (`"user":"`), without decoding the rest of the line.
///
/// A key's bytes cannot occur inside a JSON string (its quotes would be escaped), so a hit is always a key: either
/// the record's own or a parameter of `sd`. Hits inside the `sd` object are passed over; its span is worked out only
/// when a hit lies past its start.
struct RecordLine {
    /// The line, without its LF.
    let bytes: UnsafeRawBufferPointer
    /// Where `sd` starts and ends, once needed; `.some(nil)` when the line has none.
    private var structuredDataSpan: Range<Int>??

    private static let structuredDataKey = Array(",\"sd\":{".utf8)

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The value of the top-level field whose key bytes (`"name":"`, ``RecordField/keyBytes``) are `key`, or `nil`
    /// when the record does not have it (or it is not a string).
    mutating func value(forKey key: [UInt8]) -> JSONStringValue? {
        var from = 0
        while let hit = Self.find(key, in: self.bytes, from: from) {
            if let span = self.structuredData(), span.contains(hit) {
                from = span.upperBound
                continue
            }
            guard hit > 0, self.bytes[hit - 1] == UInt8(ascii: ",") || self.bytes[hit - 1] == UInt8(ascii: "{"),
                let (end, hasEscape) = JSONScanner(bytes: self.bytes).stringEnd(from: hit + key.count - 1)
            else { return nil }
            return JSONStringValue(range: (hit + key.count)..<(end - 1), hasEscape: hasEscape)
        }
        return nil
    }

    /// The span of the `sd` object (from its `{` to after its `}`), or `nil` when the record has none.
    mutating func structuredData() -> Range<Int>? {
        if let span = self.structuredDataSpan { return span }
        var span: Range<Int>?
        if let hit = Self.find(Self.structuredDataKey, in: self.bytes, from: 0) {
            let start = hit + Self.structuredDataKey.count - 1
            span = JSONScanner(bytes: self.bytes).valueEnd(from: start).map { start..<$0 }
        }
        self.structuredDataSpan = .some(span)
        return span
    }

    /// The first index at or after `from` where `needle` occurs in `bytes`.
    static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard from < bytes.count else { return nil }
        return needle.withUnsafeBytes { needle in
            clinux_memmem(bytes.baseAddress! + from, UInt(bytes.count - from), needle.baseAddress!, UInt(needle.count))
                .map {
                    UnsafeRawPointer($0) - bytes.baseAddress!
                }
        }
    }
}
