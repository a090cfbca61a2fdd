import ActivityModel

/// Reads the `<PRI>` that opens a syslog message (RFC 5424 §6.2.1).
///
/// Valid: `<` then 0–191 in one to three digits without leading zeros (`<0>` is valid, `<00>` and `<013>` are
/// not), then `>`. Anything else means the message has no valid PRI and is recorded as `raw`.
enum PriorityParser {
    /// A decoded PRI and the index of the byte after its `>`.
    struct Priority: Equatable {
        var facility: Facility
        var severity: Severity
        var end: Int
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Priority? {
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: "<") else { return nil }
        var value = 0
        var index = 1
        while index < bytes.count, index <= 4, ByteClass.isDigit(bytes[index]) {
            value = value * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
            index += 1
        }
        let digits = index - 1
        guard digits >= 1, digits <= 3, index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return nil }
        guard value <= 191, digits == 1 || bytes[1] != UInt8(ascii: "0") else { return nil }
        return Priority(
            facility: Facility(rawValue: UInt8(value >> 3))!,
            severity: Severity(rawValue: UInt8(value & 7))!,
            end: index + 1
        )
    }
}
