/// The searches that read `key=value` text for ``KeyValuePairs``: where a key starts, where the next `=` and a
/// value's end are. Short runs are read eight bytes at a time (``ByteWords``).
enum KeyValueText {
    /// Where the key before the `=` at `equals` starts: after the run of key bytes, no lower than `index`.
    @inline(__always)
    static func keyStart(_ bytes: UnsafeBufferPointer<UInt8>, before equals: Int, from index: Int) -> Int {
        var start = equals
        if equals >= 8 {
            start = equals - ByteWords.keyRun(ByteWords.load(bytes, at: equals - 8))
            guard start == equals - 8 else { return max(start, index) }
        }
        while start > index, ByteClass.isKeyByte(bytes[start - 1]) { start -= 1 }
        return max(start, index)
    }

    /// The end of a `"quoted"` value starting at `start` (its closing quote, or `end`), and whether it holds a
    /// backslash; a backslash escapes the byte after it.
    @inline(__always)
    static func quotedEnd(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to end: Int
    ) -> (end: Int, hasEscapes: Bool) {
        var index = start
        var hasEscapes = false
        while true {
            if index &+ 8 <= end {
                let word = ByteWords.load(bytes, at: index)
                let found = ByteWords.matches(word, UInt8(ascii: "\"")) | ByteWords.matches(word, UInt8(ascii: "\\"))
                guard found != 0 else {
                    index &+= 8
                    continue
                }
                index &+= ByteWords.first(found)
            } else {
                while index < end, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") { index += 1 }
                guard index < end else { return (end, hasEscapes) }
            }
            if bytes[index] == UInt8(ascii: "\"") { return (index, hasEscapes) }
            hasEscapes = true
            index += 2
        }
    }

    /// The first space in `start..<end`.
    @inline(__always)
    static func unquotedEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        ByteWords.firstIndex(of: ByteClass.space, in: bytes, from: start, to: end, near: true)
    }
}
