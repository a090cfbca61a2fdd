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
public enum JSONStringEscaper {
    /// Appends the escaped form of `bytes` (without surrounding quotes) to `output`.
    @inlinable
    public static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if JSONStringEscaper.isPlainASCII(byte) {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                JSONStringEscaper.appendEscape(for: byte, to: &output)
                index += 1
                runStart = index
                continue
            }
            let length = UTF8Validation.sequenceLength(in: bytes, at: index)
            if length > 0 {
                if length == 3, byte == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    output.appendStatic(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    runStart = index + 3
                }
                index += length
            } else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: Self.replacementCharacter)
                index -= length
                runStart = index
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
    }

    /// U+FFFD REPLACEMENT CHARACTER in UTF-8.
    @usableFromInline
    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// `true` for ASCII bytes that appear in a JSON string as themselves.
    @inlinable
    static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    @usableFromInline
    static func appendEscape(for byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output.appendStatic("\\\"")
        case UInt8(ascii: "\\"): output.appendStatic("\\\\")
        case UInt8(ascii: "\n"): output.appendStatic("\\n")
        case UInt8(ascii: "\r"): output.appendStatic("\\r")
        case UInt8(ascii: "\t"): output.appendStatic("\\t")
        case 0x08: output.appendStatic("\\b")
        case 0x0C: output.appendStatic("\\f")
        default:
            let hexDigits: StaticString = "0123456789abcdef"
            output.appendStatic("\\u00")
            output.append(hexDigits.utf8Start[Int(byte >> 4)])
            output.append(hexDigits.utf8Start[Int(byte & 0x0F)])
        }
    }
}
