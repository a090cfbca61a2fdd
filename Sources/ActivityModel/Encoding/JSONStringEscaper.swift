/// Writes arbitrary bytes as the inside of a JSON string: valid UTF-8, no raw control characters.
///
/// ```
///  input bytes                 output
///  ──────────────────────────  ─────────────────────────
///  a " b \ c                   a \" b \\ c
///  0x00 0x0A 0x1F 0x7F         \u0000 \n \u001f \u007f
///  E2 80 A8 / E2 80 A9         \u2028 / \u2029
///  C3 28   (broken sequence)   EF BF BD 28   (U+FFFD, then "(")
/// ```
///
/// Bytes that are not valid UTF-8 become U+FFFD, one per maximal invalid subsequence (Unicode §3.9 "U+FFFD
/// Substitution of Maximal Subparts", which is what `String(decoding:as: UTF8.self)` does). Because every byte below
/// 0x20 is escaped, the output never contains a line break, so a record is always exactly one line.
///
/// Plain ASCII is recognised eight bytes at a time and copied in runs.
public enum JSONStringEscaper {
    /// The most bytes one input byte can become (`\u00XX`).
    public static let maximumExpansion = 6

    /// Writes the escaped form of `bytes` (without surrounding quotes); at most
    /// ``maximumExpansion`` × `bytes.count` bytes.
    public static func write(_ bytes: UnsafeBufferPointer<UInt8>, to writer: inout ByteWriter) {
        guard let input = bytes.baseAddress else { return }
        let count = bytes.count
        precondition(writer.remaining >= count * Self.maximumExpansion, "ByteWriter overflow: reserve more space")
        let output = writer.cursor
        var written = 0
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(input + index).loadUnaligned(as: UInt64.self)
                if Self.isPlainASCII(word) {
                    UnsafeMutableRawPointer(output + written).storeBytes(of: word, as: UInt64.self)
                    written += 8
                    index += 8
                    continue
                }
            }
            let byte = input[index]
            if byte < 0x80 {
                if Self.isPlainASCII(byte) {
                    output[written] = byte
                    written += 1
                } else {
                    written += Self.writeEscape(for: byte, to: output + written)
                }
                index += 1
                continue
            }
            let length = UTF8Validation.sequenceLength(in: bytes, at: index)
            if length == 3, byte == 0xE2, input[index + 1] == 0x80, input[index + 2] & 0xFE == 0xA8 {
                written += Self.copy(input[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", to: output + written)
            } else if length > 0 {
                for offset in 0..<length { output[written + offset] = input[index + offset] }
                written += length
            } else {
                (output[written], output[written + 1], output[written + 2]) = (0xEF, 0xBF, 0xBD)  // U+FFFD
                written += 3
            }
            index += abs(length)
        }
        writer.position += written
    }

    /// `true` for ASCII bytes that appear in a JSON string as themselves: 0x20–0x7E except `"` and `\`.
    ///
    /// A bit per byte value in two 64-bit masks, so the test is a shift and a mask, not four comparisons.
    @inline(__always)
    static func isPlainASCII(_ byte: UInt8) -> Bool {
        let plainBelow64: UInt64 = 0xFFFF_FFFB_0000_0000  // 0x20–0x3F without 0x22 (")
        let plainFrom64: UInt64 = 0x7FFF_FFFF_EFFF_FFFF  // 0x40–0x7E without 0x5C (\)
        let mask = byte < 64 ? plainBelow64 : plainFrom64
        return byte < 0x80 && (mask >> UInt64(byte & 63)) & 1 != 0
    }

    /// `true` when all eight bytes of `word` are plain ASCII (SWAR: no high bit, none below 0x20, no `"`, `\`, DEL).
    static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        if word & highs != 0 { return false }
        if (word &- ones &* 0x20) & highs != 0 { return false }  // some byte < 0x20 (no high bits set, so no borrow)
        return !hasZeroByte(word ^ (ones &* 0x22)) && !hasZeroByte(word ^ (ones &* 0x5C))
            && !hasZeroByte(word ^ (ones &* 0x7F))
    }

    /// Writes the escape for an ASCII byte that cannot stand as itself; returns its length.
    private static func writeEscape(for byte: UInt8, to output: UnsafeMutablePointer<UInt8>) -> Int {
        switch byte {
        case UInt8(ascii: "\""): return Self.copy("\\\"", to: output)
        case UInt8(ascii: "\\"): return Self.copy("\\\\", to: output)
        case UInt8(ascii: "\n"): return Self.copy("\\n", to: output)
        case UInt8(ascii: "\r"): return Self.copy("\\r", to: output)
        case UInt8(ascii: "\t"): return Self.copy("\\t", to: output)
        case 0x08: return Self.copy("\\b", to: output)
        case 0x0C: return Self.copy("\\f", to: output)
        default:
            let hexDigits: StaticString = "0123456789abcdef"
            _ = Self.copy("\\u00", to: output)
            output[4] = hexDigits.utf8Start[Int(byte >> 4)]
            output[5] = hexDigits.utf8Start[Int(byte & 0x0F)]
            return 6
        }
    }

    @inline(__always)
    private static func copy(_ text: StaticString, to output: UnsafeMutablePointer<UInt8>) -> Int {
        for offset in 0..<text.utf8CodeUnitCount { output[offset] = text.utf8Start[offset] }
        return text.utf8CodeUnitCount
    }
}
