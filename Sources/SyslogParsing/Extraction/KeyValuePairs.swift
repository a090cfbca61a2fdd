import ActivityModel

#if canImport(Glibc)
import Glibc
#endif

/// The `key=value` pairs of a message's text, as FortiGate, auditd and many appliances write them: a key is a run
/// of letters, digits, `_`, `-` and `.` after a space (or the start); a value is `"quoted"` (with `\"` escapes),
/// `'quoted'`, or runs to the next space. Inside auditd's `msg='…'` the pairs count too.
///
/// Up to ``capacity`` pairs are kept, in a fixed buffer owned by the caller: reading a message allocates nothing.
struct KeyValuePairs {
    /// One pair.
    struct Pair {
        var key: TextSpan
        /// The value without its quotes.
        var value: TextSpan
        /// The value was `"quoted"` and holds a backslash.
        var hasEscapes: Bool
    }

    /// The most pairs read from one message.
    static let capacity = 64

    /// The pairs read are `storage[0..<count]`; the rest is room, so reading writes in place.
    private var storage = [Pair](
        repeating: Pair(key: TextSpan(start: 0, end: 0), value: TextSpan(start: 0, end: 0), hasEscapes: false),
        count: Self.capacity
    )

    /// How many pairs the last ``read(_:_:)`` found.
    private(set) var count = 0

    /// The pair at `index`, below ``count``.
    @inline(__always)
    subscript(index: Int) -> Pair { self.storage[index] }

    /// Reads the pairs of `span`.
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, _ span: TextSpan) {
        self.count = self.storage.withUnsafeMutableBufferPointer { Self.read(bytes, span, into: $0) }
    }

    /// Reads the pairs of `span` into `pairs`, and returns how many there are.
    private static func read(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ span: TextSpan,
        into pairs: UnsafeMutableBufferPointer<Pair>
    ) -> Int {
        var count = 0
        var index = span.start
        let end = span.end
        // Inside auditd's msg='…': where its closing quote is, which ends the unquoted values in it.
        var regionEnd = end
        while index < end, count < pairs.count {
            if index > regionEnd { regionEnd = end }
            // The next `=`, found with memchr.
            guard let equals = Self.find(UInt8(ascii: "="), in: bytes, from: index, to: end) else { return count }
            var keyStart = equals
            while keyStart > index, Self.isKeyByte(bytes[keyStart - 1]) { keyStart -= 1 }
            // A key starts the text, follows a space, or opens the inside of auditd's msg='…'.
            guard keyStart < equals, keyStart == index || bytes[keyStart - 1] == ByteClass.space else {
                index = equals + 1
                continue
            }
            let key = TextSpan(start: keyStart, end: equals)
            var valueStart = equals + 1
            var valueEnd: Int
            var hasEscapes = false
            let next: Int
            if valueStart < end, bytes[valueStart] == UInt8(ascii: "\"") {
                valueStart += 1
                valueEnd = valueStart
                while valueEnd < end, bytes[valueEnd] != UInt8(ascii: "\"") {
                    if bytes[valueEnd] == UInt8(ascii: "\\") {
                        hasEscapes = true
                        valueEnd += 1
                    }
                    valueEnd += 1
                }
                valueEnd = min(valueEnd, end)
                next = min(valueEnd + 1, end)
            } else if valueStart < end, bytes[valueStart] == UInt8(ascii: "'") {
                valueStart += 1
                // auditd: the pairs inside msg='…' are read as pairs of their own.
                if Self.isMessageKey(bytes, key) {
                    regionEnd = Self.find(UInt8(ascii: "'"), in: bytes, from: valueStart, to: end) ?? end
                    index = valueStart
                    continue
                }
                valueEnd = Self.find(UInt8(ascii: "'"), in: bytes, from: valueStart, to: end) ?? end
                next = min(valueEnd + 1, end)
            } else {
                valueEnd = valueStart
                let stop = valueStart <= regionEnd ? regionEnd : end
                while valueEnd < stop, bytes[valueEnd] != ByteClass.space { valueEnd += 1 }
                next = valueEnd
            }
            pairs[count] = Pair(key: key, value: TextSpan(start: valueStart, end: valueEnd), hasEscapes: hasEscapes)
            count += 1
            index = next
        }
        return count
    }

    @inline(__always)
    private static func isKeyByte(_ byte: UInt8) -> Bool {
        ByteClass.isASCIILetter(byte) || ByteClass.isDigit(byte) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private static func isMessageKey(_ bytes: UnsafeBufferPointer<UInt8>, _ key: TextSpan) -> Bool {
        key.count == 3 && bytes[key.start] | 0x20 == UInt8(ascii: "m")
            && bytes[key.start + 1] | 0x20 == UInt8(ascii: "s")
            && bytes[key.start + 2] | 0x20 == UInt8(ascii: "g")
    }

    /// The first index of `byte` in `start..<end`.
    @inline(__always)
    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        guard let found = memchr(bytes.baseAddress! + start, Int32(byte), end - start) else { return nil }
        return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
