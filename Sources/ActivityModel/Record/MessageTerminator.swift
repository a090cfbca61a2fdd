/// The terminator a message may still carry when framing hands it over: one trailing LF or NUL, then one CR. The
/// parser strips it, and framing does not count it against `max-message-size`; both ask this one rule.
public enum MessageTerminator {
    /// The length of `bytes` without one trailing terminator (`…\n`, `…\r\n`, `…\0`, `…\r` all end cleanly).
    @inlinable
    public static func length(of bytes: UnsafeRawBufferPointer) -> Int {
        var end = bytes.count
        if end > 0, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == 0 { end -= 1 }
        if end > 0, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }
}
