/// A field's text inside an ``ActivityRecord``: a byte range of the record's text
/// (``ActivityRecord/withUnsafeText(_:)``), or a program constant (a word of the activity vocabulary).
///
/// Fields are never copied out of the message while parsing; they point into it. A span taken from an
/// RFC 5424 PARAM-VALUE may still hold that syntax's escapes (`\"`, `\\`, `\]`); ``isEscapedParamValue`` says
/// so, and readers (the JSON encoder, ``ActivityRecord/string(_:)``) remove them. A span made with
/// ``init(staticText:)`` points at the constant itself (``isStaticText``), so a word costs no copy into the record.
public struct TextSpan: Hashable, Sendable {
    /// Offset of the first byte; for static text, minus the constant's address.
    public var start: Int
    /// Offset one past the last byte; for static text, `start` plus the constant's length.
    public var end: Int
    /// `true` when the bytes are an RFC 5424 PARAM-VALUE that contains a backslash escape.
    public var isEscapedParamValue: Bool

    /// Creates a span of `start..<end`.
    public init(start: Int, end: Int, isEscapedParamValue: Bool = false) {
        precondition(start >= 0 && start <= end, "TextSpan \(start)..<\(end) is not a range of offsets")
        self.start = start
        self.end = end
        self.isEscapedParamValue = isEscapedParamValue
    }

    /// A span of a constant: readers take its bytes from the constant, not from the record. The span keeps the
    /// constant's address negated in ``start`` (record offsets are never negative), so it is no larger than any
    /// other span.
    @inlinable
    public init(staticText text: StaticString) {
        precondition(text.hasPointerRepresentation, "A static TextSpan needs a string literal, not a scalar")
        self.start = -Int(bitPattern: text.utf8Start)
        self.end = self.start + text.utf8CodeUnitCount
        self.isEscapedParamValue = false
    }

    /// `true` when the span is a program constant rather than a range of the record's bytes.
    @inlinable
    public var isStaticText: Bool { self.start < 0 }

    /// Number of bytes in the span.
    @inlinable
    public var count: Int { self.end - self.start }

    /// `true` when the span holds no bytes.
    @inlinable
    public var isEmpty: Bool { self.start == self.end }

    /// The span's bytes: from the constant for static text, else from `text` (the record's bytes).
    @inlinable
    public func bytes(in text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        // A select rather than a branch: static and record spans alternate unpredictably within a record.
        let isStatic = self.isStaticText
        precondition(
            isStatic || self.end <= text.count,
            "TextSpan \(self.start)..<\(self.end) is past the record's text"
        )
        let address = isStatic ? -self.start : Int(bitPattern: text.baseAddress) &+ self.start
        return UnsafeBufferPointer(start: UnsafePointer(bitPattern: address), count: self.count)
    }
}
