import ActivityModel

/// Parses the STRUCTURED-DATA part of an RFC 5424 message (§6.3) into ``RawStructuredData``.
///
/// ```
/// [exampleSDID@32473 iut="3" eventSource="Application"][examplePriority@32473 class="high"]
///  └─ SD-ID ───────┘ └ PARAM ┘ └ PARAM ───────────────┘
/// ```
///
/// Strict where the syntax decides meaning (an SD-NAME is 1+ PRINTUSASCII bytes except `=`, SP, `]` and `"`; a value
/// is quoted; every element is closed), lenient where it does not: names longer than 32 bytes are kept, several
/// spaces may separate parameters and may stand before `]`, and an unescaped `]` inside a quoted value is part of
/// the value. Inside a value, `\"`, `\\` and `\]` are escapes (kept in the span and removed when the value is read);
/// any other backslash is literal.
enum StructuredDataParser {
    /// Parses SD-ELEMENTs starting at `start` (which holds `[`) into `raw`.
    ///
    /// - Returns: The index after the last `]`, or `nil` when the structured data is malformed (then `raw` holds
    ///   partial results that the caller discards).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into raw: inout RawStructuredData) -> Int? {
        raw.removeAll()
        let end = bytes.count
        var index = start
        while index < end, bytes[index] == UInt8(ascii: "[") {
            index += 1
            let idStart = index
            index = Self.endOfName(bytes, from: index)
            guard index > idStart else { return nil }
            let element = raw.elements.count
            raw.elements.append(TextSpan(start: idStart, end: index))
            while true {
                guard index < end else { return nil }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    break
                }
                guard bytes[index] == ByteClass.space else { return nil }
                while index < end, bytes[index] == ByteClass.space { index += 1 }
                guard index < end else { return nil }
                if bytes[index] == UInt8(ascii: "]") { continue }
                guard let paramEnd = Self.parseParam(bytes, from: index, element: element, into: &raw) else {
                    return nil
                }
                index = paramEnd
            }
        }
        return index
    }

    /// Parses `NAME="VALUE"` at `start`; returns the index after the closing quote.
    private static func parseParam(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        element: Int,
        into raw: inout RawStructuredData
    ) -> Int? {
        let end = bytes.count
        let nameEnd = Self.endOfName(bytes, from: start)
        guard nameEnd > start, nameEnd + 1 < end, bytes[nameEnd] == UInt8(ascii: "="),
            bytes[nameEnd + 1] == UInt8(ascii: "\"")
        else { return nil }
        let valueStart = nameEnd + 2
        var index = valueStart
        var isEscaped = false
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\"), index + 1 < end, ParamValueEscapes.isEscapable(bytes[index + 1]) {
                isEscaped = true
                index += 2
            } else {
                index += 1
            }
        }
        guard index < end else { return nil }
        raw.params.append(
            RawStructuredData.Param(
                name: TextSpan(start: start, end: nameEnd),
                value: TextSpan(start: valueStart, end: index, isEscapedParamValue: isEscaped),
                element: element
            )
        )
        return index + 1
    }

    /// Index after the SD-NAME bytes that start at `index`.
    @inline(__always)
    private static func endOfName(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var position = index
        while position < bytes.count {
            let byte = bytes[position]
            guard ByteClass.isPrintableASCII(byte), byte != UInt8(ascii: "="), byte != UInt8(ascii: "]"),
                byte != UInt8(ascii: "\"")
            else { break }
            position += 1
        }
        return position
    }
}
