import ActivityModel
import Foundation
import Testing

struct JSONStringEscaperTests {
    private func escape(_ bytes: [UInt8]) -> String {
        var buffer = LineBuffer()
        buffer.write(maximumLength: bytes.count * JSONStringEscaper.maximumExpansion) { writer in
            bytes.withUnsafeBufferPointer { JSONStringEscaper.write($0, to: &writer) }
        }
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// Decodes `"…"` with Foundation's JSON parser, an independent reader.
    private func decodeJSONString(_ escaped: String) throws -> String {
        let data = Data("[\"\(escaped)\"]".utf8)
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [String])
        return try #require(array.first)
    }

    @Test func escapesEveryControlByteAndDelete() throws {
        for byte in Array(UInt8(0)..<0x20) + [0x7F] {
            let escaped = self.escape([UInt8(ascii: "a"), byte, UInt8(ascii: "b")])
            #expect(escaped.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F }, "byte \(byte) left raw: \(escaped)")
            #expect(try self.decodeJSONString(escaped) == String(decoding: [0x61, byte, 0x62], as: UTF8.self))
        }
        #expect(self.escape([0x0A]) == "\\n")
        #expect(self.escape([0x0D]) == "\\r")
        #expect(self.escape([0x09]) == "\\t")
        #expect(self.escape([0x00]) == "\\u0000")
        #expect(self.escape([0x1F]) == "\\u001f")
        #expect(self.escape([0x7F]) == "\\u007f")
    }

    @Test func everySingleByteValue() throws {
        for byte in UInt8.min...UInt8.max {
            let escaped = self.escape([byte])
            #expect(try self.decodeJSONString(escaped) == String(decoding: [byte], as: UTF8.self), "byte \(byte)")
            let isPlain = byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C
            #expect((escaped == String(UnicodeScalar(byte))) == isPlain, "byte \(byte) -> \(escaped)")
        }
    }

    @Test func escapesQuoteAndBackslash() {
        #expect(self.escape(Array("say \"hi\" \\o/".utf8)) == "say \\\"hi\\\" \\\\o/")
    }

    @Test func escapesLineAndParagraphSeparators() {
        #expect(self.escape([0x61, 0xE2, 0x80, 0xA8, 0x62, 0xE2, 0x80, 0xA9]) == "a\\u2028b\\u2029")
        #expect(self.escape([0xE2, 0x80, 0xA7]) == "\u{2027}")  // neighbour stays literal
    }

    @Test func keepsValidMultibyteText() {
        let text = "Grüße, 世界 🌍 ok"
        #expect(self.escape(Array(text.utf8)) == text)
    }

    @Test(arguments: [
        ([0xC3, 0x28] as [UInt8], "\u{FFFD}("),
        ([0xFF], "\u{FFFD}"),
        ([0xE2, 0x82], "\u{FFFD}"),  // truncated 3-byte sequence is one maximal subpart
        ([0xED, 0xA0, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),  // surrogate: three subparts
        ([0xF0, 0x80, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),  // overlong
        ([0xF4, 0x90, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),  // above U+10FFFF
        ([0xF0, 0x9F, 0x8C, 0x41], "\u{FFFD}A"),
        ([0xC0, 0xAF], "\u{FFFD}\u{FFFD}"),
    ])
    func replacesInvalidUTF8(bytes: [UInt8], expected: String) {
        #expect(self.escape(bytes) == expected)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func matchesSwiftDecodingOnRandomBytes() throws {
        var generator = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x0A, 0x22, 0x5C, 0x7F, 0x80, 0xBF, 0xC2, 0xE0, 0xE2, 0xED, 0xF0, 0xF4, 0xFF]
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let bytes = (0..<length).map { _ in
                Bool.random(using: &generator)
                    ? interesting.randomElement(using: &generator)!
                    : UInt8.random(in: 0...255, using: &generator)
            }
            let escaped = self.escape(bytes)
            #expect(try self.decodeJSONString(escaped) == String(decoding: bytes, as: UTF8.self), "input \(bytes)")
        }
    }

    /// The escaping docs/design.md asks for, written independently: decode as Swift does, then escape scalar by scalar.
    private func expectedEscape(_ bytes: [UInt8]) -> String {
        var result = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Word-at-a-time paths (whole words, a padded tail word, a short string) meet a special character at every
    /// offset, including the byte values just inside and outside the plain range.
    @Test func wordPathsFindASpecialCharacterAtEveryPosition() {
        let specials: [[UInt8]] = [
            [0x22], [0x5C], [0x0A], [0x1F], [0x7F], [0xFF], [0x80], [0x00], [0x20], [0x7E], [0x21], [0x5B], [0x5D],
            [0xC3, 0xA9], [0xE2, 0x80, 0xA8], [0xF0, 0x9F, 0x8C, 0x8D], [0xE2, 0x82],
        ]
        var mismatches: [String] = []
        for length in 1..<24 {
            for position in 0..<length {
                for special in specials {
                    var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                    bytes.replaceSubrange(position..<position + 1, with: special)
                    let escaped = self.escape(bytes)
                    if escaped != self.expectedEscape(bytes) { mismatches.append("\(bytes) -> \(escaped)") }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// With only `count × maximumExpansion` bytes reserved, the word stores must not run past the reservation,
    /// and the result is the same.
    @Test func staysInsideAnExactReservation() {
        var mismatches: [String] = []
        for length in 1..<20 {
            for last: UInt8 in [UInt8(ascii: "z"), 0x22, 0x0A, 0xC3] {
                var bytes = [UInt8](repeating: UInt8(ascii: "y"), count: length)
                bytes[length - 1] = last
                let reserved = length * JSONStringEscaper.maximumExpansion
                var buffer = LineBuffer(capacity: reserved)
                buffer.write(maximumLength: reserved) { writer in
                    bytes.withUnsafeBufferPointer { JSONStringEscaper.write($0, to: &writer) }
                }
                let escaped = String(decoding: buffer.bytes, as: UTF8.self)
                if buffer.capacity != reserved || escaped != self.expectedEscape(bytes) {
                    mismatches.append("\(bytes) -> \(escaped) in \(buffer.capacity)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
