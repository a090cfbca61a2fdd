/// A top-level field of the activity record whose value is a string: what filters, `--count-by` and the table and
/// logfmt formats read (docs/design.md, "The activity record").
public enum RecordField: String, CaseIterable, Sendable {
    case time, received, facility, severity, host, app, procid, msgid, user, event, resource, outcome, client, msg,
        source, transport, format

    /// `"name":"`, the bytes that start the field in a line.
    var keyBytes: [UInt8] { Array("\"\(self.rawValue)\":\"".utf8) }
}

extension RecordField {
    /// The field's value in `line` (one JSON line without its LF), escapes resolved, or `nil` when it has none.
    public func value(in line: UnsafeRawBufferPointer) -> String? {
        var record = RecordLine(line)
        return record.value(forKey: self.keyBytes)?.string(in: line)
    }
}
