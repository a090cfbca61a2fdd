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

    @Test func eightByteFastPathFindsASpecialByteAtEveryPosition() throws {
        for length in 1..<24 {
            for position in 0..<length {
                for special: UInt8 in [0x22, 0x5C, 0x0A, 0x1F, 0x7F, 0xFF] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                    bytes[position] = special
                    let escaped = self.escape(bytes)
                    #expect(try self.decodeJSONString(escaped) == String(decoding: bytes, as: UTF8.self))
                }
            }
        }
    }
}
