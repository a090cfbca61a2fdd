/// Writes a ``Timestamp`` as RFC 3339 in UTC with exactly six fraction digits: `2026-11-26T14:41:09.120000Z`.
///
/// Integer arithmetic only (no `DateFormatter`), two digits at a time from a table.
public enum RFC3339Formatter {
    /// Length of every formatted timestamp.
    public static let length = 27

    /// Writes the formatted timestamp (``length`` bytes).
    ///
    /// An instant outside years 0000–9999 (see ``Timestamp/isRFC3339Representable``) is clamped to that range, so
    /// the output is always a valid timestamp.
    public static func write(_ timestamp: Timestamp, to writer: inout ByteWriter) {
        let timestamp = min(max(timestamp, Timestamp.rfc3339Minimum), Timestamp.rfc3339Maximum)
        let seconds = timestamp.secondsSinceEpoch
        let fraction = Int(timestamp.microsecondsSinceEpoch - seconds * 1_000_000)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let date = CivilDate(daysSinceEpoch: Int(days))
        Self.writeTwoDigits(date.year / 100, to: &writer)
        Self.writeTwoDigits(date.year % 100, to: &writer)
        writer.write(UInt8(ascii: "-"))
        Self.writeTwoDigits(date.month, to: &writer)
        writer.write(UInt8(ascii: "-"))
        Self.writeTwoDigits(date.day, to: &writer)
        writer.write(UInt8(ascii: "T"))
        Self.writeTwoDigits(secondOfDay / 3600, to: &writer)
        writer.write(UInt8(ascii: ":"))
        Self.writeTwoDigits(secondOfDay / 60 % 60, to: &writer)
        writer.write(UInt8(ascii: ":"))
        Self.writeTwoDigits(secondOfDay % 60, to: &writer)
        writer.write(UInt8(ascii: "."))
        Self.writeTwoDigits(fraction / 10_000, to: &writer)
        Self.writeTwoDigits(fraction / 100 % 100, to: &writer)
        Self.writeTwoDigits(fraction % 100, to: &writer)
        writer.write(UInt8(ascii: "Z"))
    }

    /// The formatted timestamp as a `String`, for messages and tests.
    public static func string(_ timestamp: Timestamp) -> String {
        var buffer = LineBuffer()
        buffer.write(maximumLength: Self.length) { Self.write(timestamp, to: &$0) }
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// "00" … "99" back to back.
    private static let twoDigitTable: [UInt8] = {
        var table: [UInt8] = []
        for value in 0..<100 {
            table.append(UInt8(ascii: "0") + UInt8(value / 10))
            table.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        return table
    }()

    @inline(__always)
    private static func writeTwoDigits(_ value: Int, to writer: inout ByteWriter) {
        writer.write(Self.twoDigitTable[value * 2])
        writer.write(Self.twoDigitTable[value * 2 + 1])
    }
}
