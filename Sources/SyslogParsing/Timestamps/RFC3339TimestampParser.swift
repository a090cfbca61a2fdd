import ActivityModel

/// Parses an RFC 3339 timestamp as RFC 5424 §6.2.3 uses it: `2003-10-11T22:14:15.003Z`,
/// `2003-08-24T05:14:15.000003-07:00`.
///
/// Leniencies, each harmless to the instant meant:
/// - more than six fraction digits are accepted and truncated to microseconds;
/// - `t` and `z` are accepted in lower case (RFC 3339 §5.6 allows it);
/// - second `60` (a leap second, which RFC 5424 forbids) is accepted and rolls into the next minute.
///
/// The result is normalised to UTC. A date that does not exist, a field out of range, or an instant outside years
/// 0000–9999 after applying the offset is rejected.
public enum RFC3339TimestampParser {
    /// Parses the whole of `bytes[range]` as one timestamp.
    ///
    /// - Returns: The instant, or `nil` when the bytes are not exactly one valid timestamp.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Timestamp? {
        let start = range.lowerBound
        let end = range.upperBound
        guard end - start >= 20, end <= bytes.count,
            let year = ByteClass.decimal(bytes, at: start, count: 4),
            bytes[start + 4] == UInt8(ascii: "-"),
            let month = ByteClass.decimal(bytes, at: start + 5, count: 2),
            bytes[start + 7] == UInt8(ascii: "-"),
            let day = ByteClass.decimal(bytes, at: start + 8, count: 2),
            bytes[start + 10] | 0x20 == UInt8(ascii: "t"),
            let hour = ByteClass.decimal(bytes, at: start + 11, count: 2),
            bytes[start + 13] == UInt8(ascii: ":"),
            let minute = ByteClass.decimal(bytes, at: start + 14, count: 2),
            bytes[start + 16] == UInt8(ascii: ":"),
            let second = ByteClass.decimal(bytes, at: start + 17, count: 2)
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid, hour < 24, minute < 60, second <= 60 else { return nil }

        var index = start + 19
        var microsecond = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < end, ByteClass.isDigit(bytes[index]) {
                if index - fractionStart < 6 { microsecond = microsecond * 10 + Int(bytes[index] &- 48) }
                index += 1
            }
            let digits = index - fractionStart
            guard digits > 0 else { return nil }
            for _ in min(digits, 6)..<6 { microsecond *= 10 }
        }
        guard let offsetSeconds = Self.parseOffset(bytes, in: index..<end) else { return nil }
        let local = Timestamp(utc: date, hour: hour, minute: minute, second: second, microsecond: microsecond)
        let utc = local.adding(seconds: Int64(-offsetSeconds))
        return utc.isRFC3339Representable ? utc : nil
    }

    /// Parses `Z` or `±hh:mm` filling exactly `range`; returns seconds east of UTC.
    private static func parseOffset(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int? {
        let index = range.lowerBound
        if range.count == 1, bytes[index] | 0x20 == UInt8(ascii: "z") { return 0 }
        guard range.count == 6,
            bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
            let hours = ByteClass.decimal(bytes, at: index + 1, count: 2),
            bytes[index + 3] == UInt8(ascii: ":"),
            let minutes = ByteClass.decimal(bytes, at: index + 4, count: 2),
            hours < 24, minutes < 60
        else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return bytes[index] == UInt8(ascii: "-") ? -seconds : seconds
    }
}
