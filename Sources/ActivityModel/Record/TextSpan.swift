/// A field's text inside an ``ActivityRecord``: a byte range of the record's ``ActivityRecord/bytes``.
///
/// Fields are never copied out of the message while parsing; they point into it. A span taken from an
/// RFC 5424 PARAM-VALUE may still hold that syntax's escapes (`\"`, `\\`, `\]`); ``isEscapedParamValue`` says
/// so, and readers (the JSON encoder, ``ActivityRecord/string(_:)``) remove them.
public struct TextSpan: Hashable, Sendable {
    /// Offset of the first byte.
    public var start: Int
    /// Offset one past the last byte.
    public var end: Int
    /// `true` when the bytes are an RFC 5424 PARAM-VALUE that contains a backslash escape.
    public var isEscapedParamValue: Bool

    /// Creates a span of `start..<end`.
    public init(start: Int, end: Int, isEscapedParamValue: Bool = false) {
        precondition(start <= end, "TextSpan start \(start) is after end \(end)")
        self.start = start
        self.end = end
        self.isEscapedParamValue = isEscapedParamValue
    }

    /// Number of bytes in the span.
    @inlinable
    public var count: Int { self.end - self.start }

    /// `true` when the span holds no bytes.
    @inlinable
    public var isEmpty: Bool { self.start == self.end }
}
