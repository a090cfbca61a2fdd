import ActivityModel

/// ArcSight Common Event Format, after a syslog header or alone:
/// `CEF:Version|Device Vendor|Device Product|Device Version|Signature ID|Name|Severity|Extension`.
///
/// Header fields are split at `|` not escaped by a backslash. The extension is `key=value` pairs separated by
/// spaces, where a value runs to the space before the next `key=` (values may hold spaces; `\=`, `\\` and `\n` are
/// escapes). Fields: user ← `suser`, else `duser`; event ← `act`, else Name; resource ← `request`, `fname`,
/// `filePath`, `dhost`, `dst`; outcome ← `outcome` (normalized); client ← `src`, else `shost`.
enum CEFRecognizer {
    /// The extension keys per field, in order of preference.
    private static let candidates: [(ActivityField, [StaticString])] = [
        (.user, ["suser", "duser"]),
        (.event, ["act"]),
        (.resource, ["request", "fname", "filePath", "dhost", "dst"]),
        (.outcome, ["outcome"]),
        (.client, ["src", "shost"]),
    ]

    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var cursor = parts.cursor
        guard cursor.skip("CEF:") else { return false }
        var headerFields: (name: TextSpan?, count: Int) = (nil, 0)
        var fieldStart = cursor.position
        var index = cursor.position
        // Seven `|` end the seven header fields; the extension follows the last.
        while index < cursor.end, headerFields.count < 7 {
            let byte = parts.bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                if headerFields.count == 5 { headerFields.name = TextSpan(start: fieldStart, end: index) }
                headerFields.count += 1
                fieldStart = index + 1
            }
            index += 1
        }
        guard headerFields.count == 7 else { return false }
        let extensionText = TextSpan(start: min(fieldStart, cursor.end), end: cursor.end)
        Self.mapExtension(parts.bytes, extensionText, into: &fields)
        if let name = headerFields.name, !name.isEmpty { fields.offer(.event, Self.value(name, parts.bytes)) }
        return true
    }

    private static func mapExtension(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ text: TextSpan,
        into fields: inout ActivityFields
    ) {
        for (field, keys) in Self.candidates where !fields.has(field) {
            for key in keys {
                guard let value = Self.extensionValue(key, bytes, text), !value.isEmpty else { continue }
                if field == .outcome, let word = OutcomeWords.normalized(value, bytes) {
                    fields.offer(field, .word(word))
                } else {
                    fields.offer(field, Self.value(value, bytes))
                }
                break
            }
        }
    }

    /// The value of extension key `key` (exact case, as CEF keys are).
    private static func extensionValue(
        _ key: StaticString,
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ text: TextSpan
    ) -> TextSpan? {
        let cursor = TextCursor(bytes, text)
        var index = text.start
        let length = key.utf8CodeUnitCount
        while let found = cursor.firstIndex(of: key, from: index) {
            index = found + 1
            let startsKey = found == text.start || bytes[found - 1] == ByteClass.space
            guard startsKey, found + length < text.end, bytes[found + length] == UInt8(ascii: "=") else { continue }
            let start = found + length + 1
            return TextSpan(start: start, end: Self.endOfValue(bytes, from: start, to: text.end))
        }
        return nil
    }

    /// Where a value that starts at `start` ends: at the space before the next unescaped `key=`, or the end.
    private static func endOfValue(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        var lastSpace: Int?
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == ByteClass.space {
                lastSpace = index
            } else if byte == UInt8(ascii: "="), let space = lastSpace {
                // `=` after a space and a run of key bytes: the next pair begins after that space.
                var keyStart = index
                while keyStart > space + 1, Self.isKeyByte(bytes[keyStart - 1]) { keyStart -= 1 }
                if keyStart == space + 1, keyStart < index { return space }
            }
            index += 1
        }
        var trimmed = end
        while trimmed > start, bytes[trimmed - 1] == ByteClass.space { trimmed -= 1 }
        return trimmed
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        ByteClass.isASCIILetter(byte) || ByteClass.isDigit(byte) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "[")
            || byte == UInt8(ascii: "]")
    }

    private static func value(_ span: TextSpan, _ bytes: UnsafeBufferPointer<UInt8>) -> ExtractedValue {
        var index = span.start
        while index < span.end {
            if bytes[index] == UInt8(ascii: "\\") { return .unescaped(span) }
            index += 1
        }
        return .span(span)
    }
}
