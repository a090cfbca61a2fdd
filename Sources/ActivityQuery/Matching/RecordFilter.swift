/// What a record must be to be selected: in the time range, and every condition given (filters combine with AND;
/// the values given for one field, `--grep` strings, `--regex` expressions and `--sd` patterns each combine with OR).
///
/// Tests run on the line's bytes: fixed strings with `memmem`, fields by their key's bytes (``RecordLine``); a value
/// is unescaped only when it holds an escape.
public struct RecordFilter: Sendable {
    /// Received when.
    public var range: TimeRange
    /// Fields (by their key bytes) and the values they may have.
    private var fields: [(key: [UInt8], patterns: [FieldPattern])] = []
    /// Fixed strings, one of which the line must contain.
    public var fixedStrings: [[UInt8]] = []
    /// Expressions, one of which `msg` must match.
    public var expressions: [MessageExpression] = []
    /// Structured data parameters, one of which the record must have.
    public var structuredData: [StructuredDataPattern] = []

    /// A filter that selects every record of `range`.
    public init(range: TimeRange = TimeRange()) {
        self.range = range
    }

    /// Adds the condition that `field` has one of `patterns` (nothing when `patterns` is empty).
    public mutating func require(_ field: RecordField, oneOf patterns: [FieldPattern]) {
        guard !patterns.isEmpty else { return }
        self.fields.append((field.keyBytes, patterns))
    }

    /// Bytes every selected line contains, to search a whole member for before testing lines one by one: the one
    /// `--grep` string, or else `"key":"value"` of a field that must have one exact value spelled the same in JSON
    /// (printable ASCII without `"`, `\` or `/`, which any writer leaves unescaped). `nil` when there is none.
    var anchor: (bytes: [UInt8], isFixedString: Bool)? {
        if self.fixedStrings.count == 1 { return (self.fixedStrings[0], true) }
        guard self.fixedStrings.isEmpty else { return nil }
        for condition in self.fields where condition.patterns.count == 1 {
            guard let value = condition.patterns[0].exactValue,
                value.allSatisfy({
                    $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\")
                        && $0 != UInt8(ascii: "/")
                })
            else { continue }
            return (condition.key + value + [UInt8(ascii: "\"")], false)
        }
        return nil
    }

    /// Whether the line (without its LF) is selected; `checkTime` is `false` when its member lies wholly inside the
    /// range, `skipFixedStrings` when the caller found a fixed string in it already.
    func matches(_ bytes: UnsafeRawBufferPointer, checkTime: Bool, skipFixedStrings: Bool = false) -> Bool {
        if !skipFixedStrings, !self.fixedStrings.isEmpty,
            !self.fixedStrings.contains(where: { RecordLine.find($0, in: bytes, from: 0) != nil })
        {
            return false
        }
        var line = RecordLine(bytes)
        if checkTime {
            guard let received = line.value(forKey: Self.receivedKey),
                self.range.contains(receivedText: UnsafeRawBufferPointer(rebasing: bytes[received.range]))
            else { return false }
        }
        for condition in self.fields {
            guard let value = line.value(forKey: condition.key),
                value.withText(in: bytes, { text in condition.patterns.contains { $0.matches(text) } })
            else { return false }
        }
        if !self.structuredData.isEmpty {
            guard let span = line.structuredData(),
                self.structuredData.contains(where: { $0.matches(bytes, structuredData: span) })
            else { return false }
        }
        if !self.expressions.isEmpty {
            guard let message = line.value(forKey: Self.messageKey),
                message.withText(in: bytes, { text in self.expressions.contains { $0.matches(text) } })
            else { return false }
        }
        return true
    }

    private static let receivedKey = RecordField.received.keyBytes
    private static let messageKey = RecordField.msg.keyBytes
}
