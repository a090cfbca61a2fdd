/// Writes a ``Timestamp`` as RFC 3339 in UTC with exactly six fraction digits: `2026-11-26T14:41:09.120000Z`.
///
/// Integer arithmetic only (no `DateFormatter`); the 27 bytes are built on the stack and appended at once.
public enum RFC3339Formatter {
    /// Length of every formatted timestamp.
    public static let length = 27

    /// Appends the formatted timestamp to `output`.
    ///
    /// An instant outside years 0000–9999 (see ``Timestamp/isRFC3339Representable``) is clamped to that range, so
    /// the output is always a valid timestamp.
    public static func append(_ timestamp: Timestamp, to output: inout [UInt8]) {
        let timestamp = min(max(timestamp, Timestamp.rfc3339Minimum), Timestamp.rfc3339Maximum)
        let micros = timestamp.microsecondsSinceEpoch
        let seconds = timestamp.secondsSinceEpoch
        let fraction = Int(micros - seconds * 1_000_000)
        let (days, secondOfDay) = Self.floorDivide(seconds, by: 86_400)
        let date = CivilDate(daysSinceEpoch: Int(days))
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.length) { text in
            Self.put(date.year, digits: 4, into: text, at: 0)
            text[4] = UInt8(ascii: "-")
            Self.put(date.month, digits: 2, into: text, at: 5)
            text[7] = UInt8(ascii: "-")
            Self.put(date.day, digits: 2, into: text, at: 8)
            text[10] = UInt8(ascii: "T")
            Self.put(Int(secondOfDay) / 3600, digits: 2, into: text, at: 11)
            text[13] = UInt8(ascii: ":")
            Self.put(Int(secondOfDay) / 60 % 60, digits: 2, into: text, at: 14)
            text[16] = UInt8(ascii: ":")
            Self.put(Int(secondOfDay) % 60, digits: 2, into: text, at: 17)
            text[19] = UInt8(ascii: ".")
            Self.put(fraction, digits: 6, into: text, at: 20)
            text[26] = UInt8(ascii: "Z")
            output.append(contentsOf: UnsafeBufferPointer(text))
        }
    }

    /// The formatted timestamp as a `String`, for messages and tests.
    public static func string(_ timestamp: Timestamp) -> String {
        var bytes: [UInt8] = []
        Self.append(timestamp, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func put(_ value: Int, digits: Int, into text: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        var remaining = value
        for position in stride(from: offset + digits - 1, through: offset, by: -1) {
            text[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining % 10)
            remaining /= 10
        }
    }

    private static func floorDivide(_ value: Int64, by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
