/// The escapes of an RFC 5424 PARAM-VALUE (§6.3.3): `\"`, `\\` and `\]` stand for the second character; a
/// backslash before any other character is an ordinary backslash.
public enum ParamValueEscapes {
    /// `true` when `byte` may follow a backslash to form an escape.
    @inlinable
    public static func isEscapable(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "]")
    }

    /// Calls `body` with consecutive runs of the unescaped value: the bytes between escapes, then each escaped
    /// character on its own.
    @inlinable
    public static func forEachUnescapedRun(
        in value: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var runStart = 0
        var index = 0
        while index < value.count {
            if value[index] == UInt8(ascii: "\\"), index + 1 < value.count, isEscapable(value[index + 1]) {
                body(UnsafeBufferPointer(rebasing: value[runStart..<index]))
                runStart = index + 1  // the escaped character starts the next run
                index += 2
            } else {
                index += 1
            }
        }
        body(UnsafeBufferPointer(rebasing: value[runStart..<value.count]))
    }
}
