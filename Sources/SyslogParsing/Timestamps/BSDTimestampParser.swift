/// Parses the BSD timestamp of RFC 3164 §4.1.2 and the variants real devices send.
///
/// ```
/// Nov 26 14:41:09          RFC 3164 (day zero- or space-padded: "Nov  6")
/// Nov 6 14:41:09           unpadded day
/// Nov 26 2026 14:41:09     with a year (Cisco "service timestamps … year", Juniper)
/// Nov 26 14:41:09.123      with a fraction (Cisco "msec")
/// Nov 26 14:41:09 2026  h  with the year after the time and two spaces (Junos "time-format year" in its log files)
/// 2026 Nov 26 14:41:09     with the year first (Cisco NX-OS; ``parseYearFirst(_:at:)``)
/// ```
///
/// The month name is matched without regard to case. The result carries no year (unless written) and no zone:
/// ``BSDTimeResolver`` supplies both.
enum BSDTimestampParser {
    /// The fields of a BSD timestamp and the index after its last byte.
    struct Fields: Equatable {
        var month: Int
        var day: Int
        var year: Int?
        var hour: Int
        var minute: Int
        var second: Int
        var microsecond: Int
        var end: Int
    }

    private static let monthNames: [(UInt8, UInt8, UInt8)] = [
        (0x6A, 0x61, 0x6E), (0x66, 0x65, 0x62), (0x6D, 0x61, 0x72), (0x61, 0x70, 0x72),  // jan feb mar apr
        (0x6D, 0x61, 0x79), (0x6A, 0x75, 0x6E), (0x6A, 0x75, 0x6C), (0x61, 0x75, 0x67),  // may jun jul aug
        (0x73, 0x65, 0x70), (0x6F, 0x63, 0x74), (0x6E, 0x6F, 0x76), (0x64, 0x65, 0x63),  // sep oct nov dec
    ]

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Fields? {
        guard start + 15 <= bytes.count, let month = Self.month(bytes, at: start),
            bytes[start + 3] == ByteClass.space
        else { return nil }
        var index = start + 4
        if bytes[index] == ByteClass.space { index += 1 }
        guard let (day, afterDay) = Self.number(bytes, at: index, maxDigits: 2), (1...31).contains(day),
            afterDay < bytes.count, bytes[afterDay] == ByteClass.space
        else { return nil }
        index = afterDay + 1
        var year: Int?
        if let written = ByteClass.decimal(bytes, at: index, count: 4), index + 4 < bytes.count,
            bytes[index + 4] == ByteClass.space
        {
            year = written
            index += 5
        }
        guard let hour = ByteClass.decimal(bytes, at: index, count: 2), index + 8 <= bytes.count,
            bytes[index + 2] == UInt8(ascii: ":"),
            let minute = ByteClass.decimal(bytes, at: index + 3, count: 2),
            bytes[index + 5] == UInt8(ascii: ":"),
            let second = ByteClass.decimal(bytes, at: index + 6, count: 2),
            hour < 24, minute < 60, second <= 60
        else { return nil }
        index += 8
        var microsecond = 0
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), ByteClass.isDigit(bytes[index + 1]) {
            index += 1
            var digits = 0
            while index < bytes.count, ByteClass.isDigit(bytes[index]) {
                if digits < 6 { microsecond = microsecond * 10 + Int(bytes[index] &- 48) }
                digits += 1
                index += 1
            }
            for _ in min(digits, 6)..<6 { microsecond *= 10 }
        }
        // Junos's `time-format year` writes the year after the time, and its log files two spaces before the host:
        // `Jan 24 21:16:48 2020  r1 …`. With one space, four digits are a HOSTNAME (`… 21:16:48 2048 bytes …`).
        if year == nil, index + 7 <= bytes.count, bytes[index] == ByteClass.space,
            let written = ByteClass.decimal(bytes, at: index + 1, count: 4), (1970...2099).contains(written),
            bytes[index + 5] == ByteClass.space, bytes[index + 6] == ByteClass.space
        {
            year = written
            index += 5
        }
        return Fields(
            month: month,
            day: day,
            year: year,
            hour: hour,
            minute: minute,
            second: second,
            microsecond: microsecond,
            end: index
        )
    }

    /// NX-OS's `YYYY Mmm dd hh:mm:ss[.fff]`: a year from 1970 to 2099 and a space, then a timestamp ``parse(_:at:)``
    /// reads that has no year of its own.
    static func parseYearFirst(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Fields? {
        guard start + 5 < bytes.count, bytes[start + 4] == ByteClass.space,
            let year = ByteClass.decimal(bytes, at: start, count: 4), (1970...2099).contains(year),
            var fields = Self.parse(bytes, at: start + 5), fields.year == nil
        else { return nil }
        fields.year = year
        return fields
    }

    /// 1–12 for a three-letter English month abbreviation at `index`, in any case.
    private static func month(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let name = (bytes[index] | 0x20, bytes[index + 1] | 0x20, bytes[index + 2] | 0x20)
        for (number, candidate) in Self.monthNames.enumerated() where candidate == name {
            return number + 1
        }
        return nil
    }

    /// A number of 1…`maxDigits` digits at `index`, and the index after it.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, maxDigits: Int) -> (Int, Int)? {
        var value = 0
        var position = index
        while position < bytes.count, position - index < maxDigits, ByteClass.isDigit(bytes[position]) {
            value = value * 10 + Int(bytes[position] &- 48)
            position += 1
        }
        return position > index ? (value, position) : nil
    }
}
