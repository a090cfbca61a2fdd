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
    /// A named value is the first whose name starts the text or follows a space (not `ruser=` for `user=`), up to
    /// the delimiter or the end; an empty one is none.
    @Test(
        arguments: [
            ("user=<bob>, rip=1.2.3.4", "rip=", ",", "1.2.3.4"),
            ("ruser=<x> user=<bob>, rip=", "user=<", ">", "bob"),
            ("user=<>, rip=1.2.3.4", "user=<", ">", nil),
            ("SrcIP: 1.2.3.4, DstIP: 5.6.7.8, DstPort: 22", "DstIP: ", ",", "5.6.7.8"),
            ("SrcIP: 1.2.3.4, XDstIP: 5.6.7.8", "DstIP: ", ",", nil),
        ] as [(String, String, String, String?)]
    )
    func namedValues(text: String, name: String, delimiter: String, expected: String?) {
        let bytes = Array(text.utf8)
        let value = bytes.withUnsafeBufferPointer { buffer -> String? in
            let cursor = TextCursor(buffer, TextSpan(start: 0, end: buffer.count))
            let span: TextSpan?
            switch name {
            case "rip=": span = cursor.value(of: "rip=", upTo: delimiter.utf8.first!)
            case "user=<": span = cursor.value(of: "user=<", upTo: delimiter.utf8.first!)
            default: span = cursor.value(of: "DstIP: ", upTo: delimiter.utf8.first!)
            }
            return span.map { String(decoding: buffer[$0.start..<$0.end], as: UTF8.self) }
        }
        #expect(value == expected)
    }

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

    /// `lastIndex` finds the last literal before the limit at every distance from the end: in the words read from
    /// the end, in the byte loop and in `memrchr`. The text also holds each anchor byte followed by that byte plus
    /// one (`p` `q`, `f` `g`), where a byte search exact only in the lowest byte of a word reports the wrong byte.
    @Test func lastIndexFindsTheLastLiteralAtEveryDistance() {
        for tail in 0...40 {
            for head in [0, 3, 9, 30] {
                let text = Array(
                    (String(repeating: "z", count: head) + " port 1 pq from fg port 22"
                        + String(repeating: "gq", count: tail))
                        .utf8
                )
                let lastPort = head + 18
                text.withUnsafeBufferPointer { bytes in
                    let cursor = TextCursor(bytes, TextSpan(start: 0, end: bytes.count))
                    #expect(cursor.lastIndex(of: " port ", before: bytes.count) == lastPort, "\(head) \(tail)")
                    #expect(cursor.lastIndex(of: " port ", before: lastPort + 5) == head, "\(head) \(tail)")
                    #expect(cursor.lastIndex(of: " from ", before: lastPort) == head + 10, "\(head) \(tail)")
                    #expect(cursor.lastIndex(of: " from ", before: head + 15) == nil, "\(head) \(tail)")
                    #expect(cursor.lastIndex(of: "q", before: bytes.count) == (tail > 0 ? bytes.count - 1 : head + 9))
                    let lastP = ByteWords.lastIndex(of: UInt8(ascii: "p"), in: bytes, from: 0, to: bytes.count)
                    #expect(lastP == lastPort + 1, "\(head) \(tail)")
                    var late = cursor
                    late.position = head + 1
                    #expect(late.lastIndex(of: " port ", before: lastPort) == nil, "\(head) \(tail)")
                }
            }
        }
    }

    /// Key bytes are ASCII letters, digits, `_`, `-` and `.`, and for CEF `[` and `]`: every byte value is checked.
    @Test func keyBytesAreExactlyTheKeyCharacters() {
        let key = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.".utf8)
        for value in 0...255 {
            let byte = UInt8(value)
            #expect(ByteClass.isKeyByte(byte) == key.contains(byte), "byte \(value)")
            let cef = key.contains(byte) || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            #expect(ByteClass.isKeyByte(byte, brackets: true) == cef, "byte \(value)")
        }
    }
}
