/// A JSON string in a line: where its contents lie (without the quotes), and whether it holds escapes. Compared as
/// raw bytes when it holds none, which is nearly always; unescaped only when it does.
struct JSONStringValue {
    /// The contents, between the quotes.
    var range: Range<Int>
    /// Whether the contents hold a backslash escape.
    var hasEscape: Bool

    /// Calls `body` with the string's text (UTF-8, escapes resolved).
    func withText<Result>(in line: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let raw = UnsafeRawBufferPointer(rebasing: line[self.range])
        guard self.hasEscape else { return body(raw) }
        let text = Self.unescape(raw)
        return text.withUnsafeBytes(body)
    }

    /// The string's text as a `String`.
    func string(in line: UnsafeRawBufferPointer) -> String {
        self.withText(in: line) { String(decoding: $0, as: UTF8.self) }
    }

    /// Resolves the escapes of valid JSON string contents.
    static func unescape(_ raw: UnsafeRawBufferPointer) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < raw.count else {
                output.append(byte)
                index += 1
                continue
            }
            let escaped = raw[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = Self.hex4(raw, at: index) ?? 0xFFFD
                index += 4
                if (0xD800..<0xDC00).contains(scalar), index + 6 <= raw.count, raw[index] == UInt8(ascii: "\\"),
                    raw[index + 1] == UInt8(ascii: "u"), let low = Self.hex4(raw, at: index + 2),
                    (0xDC00..<0xE000).contains(low)
                {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                output.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default: output.append(escaped)
            }
        }
        return output
    }

    /// The value of a hexadecimal digit.
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 48...57: UInt32(byte - 48)
        case 65...70: UInt32(byte - 55)
        case 97...102: UInt32(byte - 87)
        default: nil
        }
    }

    private static func hex4(_ raw: UnsafeRawBufferPointer, at index: Int) -> UInt32? {
        guard index + 4 <= raw.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = Self.hexValue(raw[index + offset]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }
}
