import ActivityModel
import Testing

@testable import SyslogParsing

struct TextCursorTests {
    /// Literals of every length up to 40 (compared a word at a time, the last word overlapping) match only where
    /// every byte is equal: a difference at any position, and a text one byte too short, fail.
    @Test func literalsMatchOnlyWhenEveryByteIsEqual() {
        let literals: [StaticString] = [
            "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmno",
            "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopqrstuvwxyz",
            "abcdefghijklmnopqrstuvwxyz0123456789ABCD",
        ]
        var failures: [String] = []
        for literal in literals {
            let text = Array(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
            let framed = Array("<".utf8) + text + Array(">".utf8)
            framed.withUnsafeBufferPointer { bytes in
                let cursor = TextCursor(bytes, TextSpan(start: 0, end: bytes.count))
                if !cursor.matches(literal, at: 1) { failures.append("\(literal) not found") }
                let short = TextCursor(bytes, TextSpan(start: 0, end: bytes.count - 2))
                if short.matches(literal, at: 1) { failures.append("\(literal) matched past the end") }
            }
            for position in text.indices {
                var changed = framed
                changed[position + 1] ^= 0x20
                changed.withUnsafeBufferPointer { bytes in
                    if TextCursor(bytes, TextSpan(start: 0, end: bytes.count)).matches(literal, at: 1) {
                        failures.append("\(literal) matched with byte \(position) changed")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// `firstIndex` finds a literal in texts short enough for the byte loop and long enough for `memchr`, with false
    /// starts before it, and never past the end.
    @Test func firstIndexFindsLiteralsInShortAndLongTexts() {
        for padding in [0, 1, 7, 15, 16, 17, 40, 200] {
            let text = Array((String(repeating: "f", count: padding) + "fro from x").utf8)
            text.withUnsafeBufferPointer { bytes in
                let cursor = TextCursor(bytes, TextSpan(start: 0, end: bytes.count))
                #expect(cursor.firstIndex(of: " from ", from: 0) == padding + 3, "padding \(padding)")
                #expect(cursor.firstIndex(of: "from x!", from: 0) == nil)
                let cut = TextCursor(bytes, TextSpan(start: 0, end: bytes.count - 3))
                #expect(cut.firstIndex(of: " from ", from: 0) == nil, "padding \(padding)")
            }
        }
    }
}
