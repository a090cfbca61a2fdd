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
        precondition(writer.remaining >= Self.length, "ByteWriter overflow: the reserved maximum was too small")
        let timestamp = min(max(timestamp, Timestamp.rfc3339Minimum), Timestamp.rfc3339Maximum)
        let seconds = timestamp.secondsSinceEpoch
        let fraction = Int(timestamp.microsecondsSinceEpoch - seconds * 1_000_000)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let date = CivilDate(daysSinceEpoch: Int(days))
        let output = writer.cursor
        Self.putTwoDigits(date.year / 100, at: output)
        Self.putTwoDigits(date.year % 100, at: output + 2)
        output[4] = UInt8(ascii: "-")
        Self.putTwoDigits(date.month, at: output + 5)
        output[7] = UInt8(ascii: "-")
        Self.putTwoDigits(date.day, at: output + 8)
        output[10] = UInt8(ascii: "T")
        Self.putTwoDigits(secondOfDay / 3600, at: output + 11)
        output[13] = UInt8(ascii: ":")
        Self.putTwoDigits(secondOfDay / 60 % 60, at: output + 14)
        output[16] = UInt8(ascii: ":")
        Self.putTwoDigits(secondOfDay % 60, at: output + 17)
        output[19] = UInt8(ascii: ".")
        Self.putTwoDigits(fraction / 10_000, at: output + 20)
        Self.putTwoDigits(fraction / 100 % 100, at: output + 22)
        Self.putTwoDigits(fraction % 100, at: output + 24)
        output[26] = UInt8(ascii: "Z")
        writer.position += Self.length
    }

    /// The formatted timestamp as a `String`, for messages and tests.
    public static func string(_ timestamp: Timestamp) -> String {
        var buffer = LineBuffer()
        buffer.write(maximumLength: Self.length) { Self.write(timestamp, to: &$0) }
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// "00" … "99" back to back; a static string, so reading it needs no lazy initialisation or bounds check.
    private static var twoDigitTable: StaticString {
        """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """
    }

    /// Writes `value` (0–99) as two digits.
    @inline(__always)
    private static func putTwoDigits(_ value: Int, at output: UnsafeMutablePointer<UInt8>) {
        let digits = UnsafeRawPointer(Self.twoDigitTable.utf8Start + value * 2).loadUnaligned(as: UInt16.self)
        UnsafeMutableRawPointer(output).storeBytes(of: digits, as: UInt16.self)
    }
}
