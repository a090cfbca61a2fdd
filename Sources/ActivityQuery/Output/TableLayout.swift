/// The `--format table` row of a record: `received` as `YYYY-MM-DD HH:MM:SS`, then host, app, severity, user,
/// event, outcome in columns of fixed width, then `msg`; cut to the terminal's width, and the severity coloured, on
/// a terminal.
struct TableLayout {
    let width: Int?
    let colour: Bool

    private static let columns: [(field: RecordField, width: Int)] = [
        (.host, 16), (.app, 12), (.severity, 7), (.user, 12), (.event, 14), (.outcome, 7),
    ]

    /// The row for one line, with its LF.
    func row(_ line: UnsafeRawBufferPointer) -> String {
        let received = RecordField.received.value(in: line) ?? ""
        var row = Self.pad(String(received.prefix(19)).replacingT(), 19)
        var visible = row.count
        var severityColour = ""
        for column in Self.columns {
            let value = column.field.value(in: line) ?? "-"
            let cell = " " + Self.pad(String(value.prefix(column.width)), column.width)
            if column.field == .severity, self.colour { severityColour = Self.colour(of: value) }
            row += severityColour.isEmpty || column.field != .severity ? cell : "\(severityColour)\(cell)\u{1B}[0m"
            visible += cell.count
        }
        var message = " " + (RecordField.msg.value(in: line) ?? "").replacingControls()
        if let width = self.width { message = String(message.prefix(max(0, width - visible))) }
        return row + message + "\n"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// Red for `err` and worse, yellow for `warning`.
    private static func colour(of severity: String) -> String {
        switch severity {
        case "emerg", "alert", "crit", "err": "\u{1B}[31m"
        case "warning": "\u{1B}[33m"
        default: ""
        }
    }
}

extension String {
    /// `2026-12-06T14:00:01` as `2026-12-06 14:00:01`.
    fileprivate func replacingT() -> String {
        String(self.map { $0 == "T" ? " " : $0 })
    }

    /// The text with control characters (a message's line breaks, tabs) shown as spaces, so a row stays one line.
    fileprivate func replacingControls() -> String {
        String(String.UnicodeScalarView(self.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }
}
