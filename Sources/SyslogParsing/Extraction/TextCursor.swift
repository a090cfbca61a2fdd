import ActivityModel

/// Reads a message's text for the recognizers: literal prefixes, words and delimited runs, as byte offsets into the
/// record. Literals are `StaticString`s, compared byte by byte: no `String`, no allocation.
struct TextCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var position: Int
    /// One past the last byte of the text.
    let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ span: TextSpan) {
        self.bytes = bytes
        self.position = span.start
        self.end = span.end
    }

    var isAtEnd: Bool { self.position >= self.end }

    /// The rest of the text.
    var rest: TextSpan { TextSpan(start: min(self.position, self.end), end: self.end) }

    /// Whether the text at the position starts with `literal`.
    @inline(__always)
    func hasPrefix(_ literal: StaticString) -> Bool { self.matches(literal, at: self.position) }

    /// Whether `literal` is at `index`.
    @inline(__always)
    func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index >= 0, index + count <= self.end, let base = self.bytes.baseAddress else { return false }
        return Self.equal(UnsafeRawPointer(base + index), UnsafeRawPointer(literal.utf8Start), count: count)
    }

    /// Whether `count` bytes at `first` and `second` are the same (with `ignoringCase`, each byte OR 0x20 on both
    /// sides, which makes ASCII letters equal to their other case), compared a word at a time: the last word (or
    /// half-word) overlaps the one before it, so no load reads past either run and a literal costs one or two
    /// comparisons, not one per byte.
    @inline(__always)
    static func equal(
        _ first: UnsafeRawPointer,
        _ second: UnsafeRawPointer,
        count: Int,
        ignoringCase: Bool = false
    ) -> Bool {
        let mask: UInt64 = ignoringCase ? 0x2020_2020_2020_2020 : 0
        @inline(__always) func same<Word: FixedWidthInteger>(_ offset: Int, _: Word.Type) -> Bool {
            let caseBits = Word(truncatingIfNeeded: mask)
            return first.loadUnaligned(fromByteOffset: offset, as: Word.self) | caseBits
                == second.loadUnaligned(fromByteOffset: offset, as: Word.self) | caseBits
        }
        if count >= 8 {
            var offset = 0
            while offset &+ 8 < count {
                guard same(offset, UInt64.self) else { return false }
                offset &+= 8
            }
            return same(count &- 8, UInt64.self)
        }
        if count >= 4 { return same(0, UInt32.self) && same(count &- 4, UInt32.self) }
        if count >= 2 { return same(0, UInt16.self) && same(count &- 2, UInt16.self) }
        return count == 0 || same(0, UInt8.self)
    }

    /// Consumes `literal` if the text starts with it.
    @inline(__always)
    mutating func skip(_ literal: StaticString) -> Bool {
        guard self.hasPrefix(literal) else { return false }
        self.position += literal.utf8CodeUnitCount
        return true
    }

    /// Consumes spaces.
    mutating func skipSpaces() {
        while self.position < self.end, self.bytes[self.position] == ByteClass.space { self.position += 1 }
    }

    /// Consumes and returns the run up to the next space (or the end); `nil` when it is empty.
    mutating func word() -> TextSpan? {
        let start = self.position
        while self.position < self.end, self.bytes[self.position] != ByteClass.space { self.position += 1 }
        let span = TextSpan(start: start, end: self.position)
        return span.isEmpty ? nil : span
    }

    /// Consumes and returns the run up to the first `delimiter`, and the delimiter; `nil` (nothing consumed) when
    /// the delimiter does not follow. Inlined, like ``firstIndex(of:from:)``: called with the literal unknown, the
    /// search worked out its anchor and compared it byte by byte on every call.
    @inline(__always)
    mutating func upTo(_ delimiter: StaticString) -> TextSpan? {
        guard let index = self.firstIndex(of: delimiter, from: self.position) else { return nil }
        let span = TextSpan(start: self.position, end: index)
        self.position = index + delimiter.utf8CodeUnitCount
        return span
    }

    /// The value of the first `name` in the rest of the text that starts it or follows a space (`NAME: VALUE, …`,
    /// `user=<VALUE>, …`), up to `delimiter` or the end; `nil` when absent or empty. Nothing is consumed.
    func value(of name: StaticString, upTo delimiter: UInt8) -> TextSpan? {
        var from = self.position
        while let found = self.firstIndex(of: name, from: from) {
            if found == self.position || self.bytes[found - 1] == ByteClass.space {
                var value = TextCursor(self.bytes, TextSpan(start: found + name.utf8CodeUnitCount, end: self.end))
                let span = value.upTo(byte: delimiter)
                return span.isEmpty ? nil : span
            }
            from = found + 1
        }
        return nil
    }

    /// Consumes and returns the run up to the first byte `delimiter` (not consumed), or to the end.
    mutating func upTo(byte delimiter: UInt8) -> TextSpan {
        let start = self.position
        while self.position < self.end, self.bytes[self.position] != delimiter { self.position += 1 }
        return TextSpan(start: start, end: self.position)
    }

    /// The first index at or after `start` where `literal` begins: candidates are found by the literal's anchor
    /// byte (``ByteWords/firstIndex(of:in:from:to:)``; for the short texts of log lines this beats `memmem`, whose
    /// set-up dominates).
    /// Inlined, so that a literal's length, anchor and byte are constants at each call site.
    @inline(__always)
    func firstIndex(of literal: StaticString, from start: Int) -> Int? {
        let count = literal.utf8CodeUnitCount
        guard start >= 0, count > 0 else { return nil }
        let anchor = Self.anchor(of: literal)
        let byte = literal.utf8Start[anchor]
        var index = start
        while index + count <= self.end {
            guard
                let found = ByteWords.firstIndex(
                    of: byte,
                    in: self.bytes,
                    from: index + anchor,
                    to: self.end - count + 1 + anchor
                )
            else { return nil }
            let candidate = found - anchor
            if self.matches(literal, at: candidate) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    /// The last index before `limit` where `literal` begins, at or after the position: candidates are found by the
    /// literal's anchor byte (``ByteWords/lastIndex(of:in:from:to:)``). Inlined, like ``firstIndex(of:from:)``.
    @inline(__always)
    func lastIndex(of literal: StaticString, before limit: Int) -> Int? {
        let count = literal.utf8CodeUnitCount
        guard count > 0 else { return nil }
        let anchor = Self.anchor(of: literal)
        let byte = literal.utf8Start[anchor]
        // Candidates start in position..<searchEnd.
        var searchEnd = min(limit, self.end) - count + 1
        while searchEnd > self.position {
            guard
                let found = ByteWords.lastIndex(
                    of: byte,
                    in: self.bytes,
                    from: self.position + anchor,
                    to: searchEnd + anchor
                )
            else { return nil }
            let candidate = found - anchor
            if self.matches(literal, at: candidate) { return candidate }
            searchEnd = candidate
        }
        return nil
    }

    /// The offset of the byte the search looks for: the literal's first byte that is not a space, since spaces
    /// are the commonest byte of log text and would stop the search at every word.
    @inline(__always)
    private static func anchor(of literal: StaticString) -> Int {
        var offset = 0
        while offset + 1 < literal.utf8CodeUnitCount, literal.utf8Start[offset] == ByteClass.space { offset += 1 }
        return offset
    }

    /// Whether `span` holds exactly `literal`.
    @inline(__always)
    func equals(_ span: TextSpan, _ literal: StaticString) -> Bool {
        span.count == literal.utf8CodeUnitCount && self.matches(literal, at: span.start)
    }

    /// `span` without the spaces at either end.
    func trimmed(_ span: TextSpan) -> TextSpan {
        var (start, end) = (span.start, span.end)
        while start < end, self.bytes[start] == ByteClass.space { start += 1 }
        while end > start, self.bytes[end - 1] == ByteClass.space { end -= 1 }
        return TextSpan(start: start, end: end)
    }

    /// `span` without a trailing `byte` (such as the `.` that ends a sentence).
    func dropping(_ byte: UInt8, from span: TextSpan) -> TextSpan {
        guard span.count > 1, self.bytes[span.end - 1] == byte else { return span }
        return TextSpan(start: span.start, end: span.end - 1)
    }
}
