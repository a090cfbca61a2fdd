/// How selected records are printed.
public enum RecordFormat: String, CaseIterable, Sendable {
    /// The JSON lines exactly as stored.
    case json
    /// Aligned columns: time, host, app, severity, user, event, outcome, msg.
    case table
    /// `key=value` pairs, one record a line.
    case logfmt
}

/// Prints selected records in a ``RecordFormat``.
public struct RecordPrinter {
    private let format: RecordFormat
    private let table: TableLayout

    /// Creates a printer; the table is cut to `width` columns and coloured when `colour` is set (a terminal).
    public init(format: RecordFormat, width: Int?, colour: Bool) {
        self.format = format
        self.table = TableLayout(width: width, colour: colour)
    }

    /// Prints one line (a JSON record without its LF).
    public func print(_ line: UnsafeRawBufferPointer, to output: inout OutputStream) throws {
        switch self.format {
        case .json:
            try output.write(line)
            try output.write("\n")
        case .table:
            try output.write(self.table.row(line))
        case .logfmt:
            try output.write(Self.logfmt(line))
        }
    }

    /// `time=… received=… host=… msg="…"`: every string field the record has, quoted when needed.
    static func logfmt(_ line: UnsafeRawBufferPointer) -> String {
        var pairs: [String] = []
        for field in RecordField.allCases {
            guard let value = field.value(in: line) else { continue }
            pairs.append("\(field.rawValue)=\(Self.logfmtValue(value))")
        }
        return pairs.joined(separator: " ") + "\n"
    }

    private static func logfmtValue(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "\\" }
        guard needsQuotes || value.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
