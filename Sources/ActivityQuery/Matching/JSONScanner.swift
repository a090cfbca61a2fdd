#if canImport(Glibc)
import Glibc
#endif

/// Finds the ends of JSON values in a line without decoding it, and checks their syntax on the way (RFC 8259):
/// strings with valid escapes and no raw control bytes, numbers, literals, and objects and arrays up to a depth.
struct JSONScanner {
    let bytes: UnsafeRawBufferPointer

    private static let maximumDepth = 32

    /// The index after the string that starts (with its quote) at `start`, and whether it holds an escape; `nil`
    /// when it is not a valid string.
    func stringEnd(from start: Int) -> (end: Int, hasEscape: Bool)? {
        guard start < self.bytes.count, self.bytes[start] == UInt8(ascii: "\"") else { return nil }
        var index = start + 1
        var hasEscape = false
        while index < self.bytes.count {
            switch self.bytes[index] {
            case UInt8(ascii: "\""):
                return (index + 1, hasEscape)
            case UInt8(ascii: "\\"):
                hasEscape = true
                guard index + 1 < self.bytes.count else { return nil }
                switch self.bytes[index + 1] {
                case UInt8(ascii: "u"):
                    guard index + 6 <= self.bytes.count,
                        (index + 2..<index + 6).allSatisfy({ JSONStringValue.hexValue(self.bytes[$0]) != nil })
                    else { return nil }
                    index += 6
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                default:
                    return nil
                }
            case 0..<0x20:
                return nil
            default:
                index += 1
            }
        }
        return nil
    }

    /// The index after the value that starts at `start`, or `nil` when it is not a valid value.
    func valueEnd(from start: Int, depth: Int = 0) -> Int? {
        guard start < self.bytes.count, depth <= Self.maximumDepth else { return nil }
        switch self.bytes[start] {
        case UInt8(ascii: "\""):
            return self.stringEnd(from: start)?.end
        case UInt8(ascii: "{"):
            return self.forEachMember(ofObjectAt: start, depth: depth) { _, _, _ in true } ?? nil
        case UInt8(ascii: "["):
            return self.arrayEnd(from: start, depth: depth)
        case UInt8(ascii: "t"): return self.literalEnd("true", from: start)
        case UInt8(ascii: "f"): return self.literalEnd("false", from: start)
        case UInt8(ascii: "n"): return self.literalEnd("null", from: start)
        default:
            var index = start
            while index < self.bytes.count, Self.isNumberByte(self.bytes[index]) { index += 1 }
            return index > start ? index : nil
        }
    }

    /// Calls `body` with each member of the object at `start` (key range without quotes, value start, value end)
    /// until it returns `false`.
    ///
    /// - Returns: The index after the object, `.some(nil)` when `body` stopped early, or `nil` when the object is
    ///   not valid JSON.
    @discardableResult
    func forEachMember(
        ofObjectAt start: Int,
        depth: Int = 0,
        _ body: (_ key: Range<Int>, _ valueStart: Int, _ valueEnd: Int) -> Bool
    ) -> Int?? {
        guard start < self.bytes.count, self.bytes[start] == UInt8(ascii: "{") else { return nil }
        var index = self.skipSpace(start + 1)
        if index < self.bytes.count, self.bytes[index] == UInt8(ascii: "}") { return .some(index + 1) }
        while true {
            guard let (keyEnd, _) = self.stringEnd(from: index) else { return nil }
            let key = (index + 1)..<(keyEnd - 1)
            index = self.skipSpace(keyEnd)
            guard index < self.bytes.count, self.bytes[index] == UInt8(ascii: ":") else { return nil }
            let valueStart = self.skipSpace(index + 1)
            guard let valueEnd = self.valueEnd(from: valueStart, depth: depth + 1) else { return nil }
            guard body(key, valueStart, valueEnd) else { return .some(nil) }
            index = self.skipSpace(valueEnd)
            guard index < self.bytes.count else { return nil }
            if self.bytes[index] == UInt8(ascii: "}") { return .some(index + 1) }
            guard self.bytes[index] == UInt8(ascii: ",") else { return nil }
            index = self.skipSpace(index + 1)
        }
    }

    /// Calls `body` with the start and end of each element of the array at `start`.
    ///
    /// - Returns: The index after the array, or `nil` when it is not valid JSON.
    func arrayEnd(from start: Int, depth: Int = 0, _ body: (_ start: Int, _ end: Int) -> Void = { _, _ in }) -> Int? {
        guard start < self.bytes.count, self.bytes[start] == UInt8(ascii: "[") else { return nil }
        var index = self.skipSpace(start + 1)
        if index < self.bytes.count, self.bytes[index] == UInt8(ascii: "]") { return index + 1 }
        while true {
            guard let end = self.valueEnd(from: index, depth: depth + 1) else { return nil }
            body(index, end)
            index = self.skipSpace(end)
            guard index < self.bytes.count else { return nil }
            if self.bytes[index] == UInt8(ascii: "]") { return index + 1 }
            guard self.bytes[index] == UInt8(ascii: ",") else { return nil }
            index = self.skipSpace(index + 1)
        }
    }

    /// Whether the key at `range` is spelled `name` (keys of our records hold no escapes).
    func key(_ range: Range<Int>, is name: [UInt8]) -> Bool {
        range.count == name.count && name.withUnsafeBytes { memcmpEqual(self.bytes, range.lowerBound, $0) }
    }

    private func skipSpace(_ start: Int) -> Int {
        var index = start
        while index < self.bytes.count,
            [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n")].contains(self.bytes[index])
        {
            index += 1
        }
        return index
    }

    private func literalEnd(_ literal: StaticString, from start: Int) -> Int? {
        let count = literal.utf8CodeUnitCount
        guard start + count <= self.bytes.count else { return nil }
        for offset in 0..<count where self.bytes[start + offset] != literal.utf8Start[offset] { return nil }
        return start + count
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e")
    }
}

/// Whether `bytes[offset...]` starts with `other`.
func memcmpEqual(_ bytes: UnsafeRawBufferPointer, _ offset: Int, _ other: UnsafeRawBufferPointer) -> Bool {
    guard offset + other.count <= bytes.count else { return false }
    guard other.count > 0 else { return true }
    return memcmp(bytes.baseAddress! + offset, other.baseAddress!, other.count) == 0
}
