import ActivityModel

/// ArcSight Common Event Format, after a syslog header or alone:
/// `CEF:Version|Device Vendor|Device Product|Device Version|Signature ID|Name|Severity|Extension`.
///
/// Header fields are split at `|` not escaped by a backslash. The extension is `key=value` pairs separated by
/// spaces, where a value runs to the space before the next `key=` (values may hold spaces; `\=`, `\\`, `\n` and `\r` are
/// escapes). Fields: user ← `suser`, else `duser`; event ← `act`, else Name; resource ← `request`, `fname`,
/// `filePath`, `dhost`, `dst`; outcome ← `outcome` (normalized); client ← `src`, else `shost`.
enum CEFRecognizer {
    /// The field an extension key fills and its rank among that field's keys, in order of preference: user ←
    /// `suser duser`, event ← `act`, resource ← `request fname filePath dhost dst`, outcome ← `outcome`, client ←
    /// `src shost`. Chosen by length, then compared, so a key costs a few byte comparisons.
    private static func classify(_ key: TextSpan, _ bytes: UnsafeBufferPointer<UInt8>) -> (ActivityField, Int)? {
        let cursor = TextCursor(bytes, key)
        switch key.count {
        case 3:
            if cursor.equals(key, "act") { return (.event, 0) }
            if cursor.equals(key, "src") { return (.client, 0) }
            if cursor.equals(key, "dst") { return (.resource, 4) }
        case 5:
            if cursor.equals(key, "suser") { return (.user, 0) }
            if cursor.equals(key, "duser") { return (.user, 1) }
            if cursor.equals(key, "fname") { return (.resource, 1) }
            if cursor.equals(key, "dhost") { return (.resource, 3) }
            if cursor.equals(key, "shost") { return (.client, 1) }
        case 7:
            if cursor.equals(key, "request") { return (.resource, 0) }
            if cursor.equals(key, "outcome") { return (.outcome, 0) }
        case 8:
            if cursor.equals(key, "filePath") { return (.resource, 2) }
        default:
            break
        }
        return nil
    }

    /// Whether the text starts with a product's upper-case name and `:` before `CEF:` (F5 ASM's `ASM:CEF:0|…`), which
    /// it then skips.
    static func skipProductPrefix(_ cursor: inout TextCursor) -> Bool {
        var index = cursor.position
        while index < cursor.end, index - cursor.position < 16, cursor.bytes[index] &- UInt8(ascii: "A") < 26 {
            index += 1
        }
        guard index > cursor.position, cursor.matches(":CEF:", at: index) else { return false }
        cursor.position = index + 5
        return true
    }

    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var cursor = parts.cursor
        // FortiOS writes `CEF: 0|…`, which a syslog parser reads as the tag `CEF` and a text that starts at `0|`;
        // F5 ASM, `ASM:CEF:0|…`.
        guard cursor.skip("CEF:") || Self.isTag(parts) || Self.skipProductPrefix(&cursor) else { return false }
        var headerFields: (name: TextSpan?, count: Int) = (nil, 0)
        var fieldStart = cursor.position
        var index = cursor.position
        // Seven `|` not escaped end the seven header fields; the extension follows the last.
        while headerFields.count < 7,
            let bar = ByteWords.firstIndex(
                of: UInt8(ascii: "|"),
                in: parts.bytes,
                from: index,
                to: cursor.end,
                near: true
            )
        {
            index = bar + 1
            guard !Self.isEscaped(bar, after: cursor.position, parts.bytes) else { continue }
            if headerFields.count == 5 { headerFields.name = TextSpan(start: fieldStart, end: bar) }
            headerFields.count += 1
            fieldStart = bar + 1
        }
        guard headerFields.count == 7 else { return false }
        let extensionText = TextSpan(start: min(fieldStart, cursor.end), end: cursor.end)
        Self.mapExtension(parts.bytes, extensionText, into: &fields)
        if let name = headerFields.name, !name.isEmpty { fields.offer(.event, Self.value(name, parts.bytes)) }
        return true
    }

    /// Whether the app is `CEF` and the text starts with the version and its `|`.
    private static func isTag(_ parts: MessageParts) -> Bool {
        guard let app = parts.app, TextCursor(parts.bytes, app).equals(app, "CEF") else { return false }
        let cursor = parts.cursor
        return cursor.position + 1 < cursor.end && ByteClass.isDigit(parts.bytes[cursor.position])
            && cursor.matches("|", at: cursor.position + 1)
    }

    /// Reads the extension's pairs in one pass and offers, per field, the value of its most preferred key.
    private static func mapExtension(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ text: TextSpan,
        into fields: inout ActivityFields
    ) {
        var best: (Int, Int, Int, Int, Int) = (.max, .max, .max, .max, .max)
        var values: (TextSpan?, TextSpan?, TextSpan?, TextSpan?, TextSpan?) = (nil, nil, nil, nil, nil)
        func consider(_ key: TextSpan, _ value: TextSpan) {
            guard let (field, rank) = Self.classify(key, bytes), !KeyValueMapping.isAbsent(value, field: field, bytes)
            else { return }
            switch field {
            case .user where rank < best.0: (best.0, values.0) = (rank, value)
            case .event where rank < best.1: (best.1, values.1) = (rank, value)
            case .resource where rank < best.2: (best.2, values.2) = (rank, value)
            case .outcome where rank < best.3: (best.3, values.3) = (rank, value)
            case .client where rank < best.4: (best.4, values.4) = (rank, value)
            default: break
            }
        }
        var key: TextSpan?
        var valueStart = text.start
        var index = text.start
        // Each `=` not escaped.
        while let equals = ByteWords.firstIndex(of: UInt8(ascii: "="), in: bytes, from: index, to: text.end, near: true)
        {
            index = equals + 1
            guard !Self.isEscaped(equals, after: text.start, bytes) else { continue }
            // A key is a run of key bytes after a space (or at the start of the extension).
            var keyStart = equals
            while keyStart > valueStart, ByteClass.isKeyByte(bytes[keyStart - 1], brackets: true) { keyStart -= 1 }
            let startsKey = keyStart < equals && (keyStart == text.start || bytes[keyStart - 1] == ByteClass.space)
            if startsKey {
                if let key { consider(key, TextSpan(start: valueStart, end: max(valueStart, keyStart - 1))) }
                key = TextSpan(start: keyStart, end: equals)
                valueStart = equals + 1
            }
        }
        if let key {
            var end = text.end
            while end > valueStart, bytes[end - 1] == ByteClass.space { end -= 1 }
            consider(key, TextSpan(start: valueStart, end: end))
        }
        func offer(_ field: ActivityField, _ value: TextSpan?) {
            guard let value else { return }
            if field == .outcome, let word = OutcomeWords.normalized(value, bytes) {
                fields.offer(field, .word(word))
            } else {
                fields.offer(field, Self.value(value, bytes))
            }
        }
        offer(.user, values.0)
        offer(.event, values.1)
        offer(.resource, values.2)
        offer(.outcome, values.3)
        offer(.client, values.4)
    }

    /// Whether the byte at `index` is escaped: after an odd run of backslashes, counted back no further than
    /// `start`, where the text read begins. Most bytes follow no backslash: one comparison.
    @inline(__always)
    private static func isEscaped(_ index: Int, after start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index > start, bytes[index - 1] == UInt8(ascii: "\\") else { return false }
        var backslash = index - 1
        while backslash > start, bytes[backslash - 1] == UInt8(ascii: "\\") { backslash -= 1 }
        return (index - backslash) & 1 == 1
    }

    private static func value(_ span: TextSpan, _ bytes: UnsafeBufferPointer<UInt8>) -> ExtractedValue {
        let backslash = ByteWords.firstIndex(
            of: UInt8(ascii: "\\"),
            in: bytes,
            from: span.start,
            to: span.end,
            near: true
        )
        return backslash == nil ? .span(span) : .unescaped(span)
    }
}
