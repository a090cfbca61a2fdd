import ActivityQuery
import ArgumentParser

extension RecordFormat: ExpressibleByArgument {}

extension RecordField: ExpressibleByArgument {}

/// How `query` and `tail` print what they select.
struct RecordOutputOptions: ParsableArguments {
    @Option(help: "json (the lines as stored, for jq), table (aligned columns) or logfmt.")
    var format: RecordFormat = .json

    @Flag(help: "Print only how many records were selected.")
    var count = false

    @Option(
        name: .customLong("count-by"),
        help: ArgumentHelp(
            "Print how many selected records have each value of a field, most first.",
            valueName: "field"
        )
    )
    var countBy: RecordField?

    @Flag(
        help:
            "On standard error: files opened, members skipped and inflated, bytes, records tested and printed, seconds."
    )
    var stats = false

    func validate() throws {
        if self.count, self.countBy != nil { throw ValidationError("--count and --count-by: expected one of them") }
    }
}

/// Prints selected records as ``RecordOutputOptions`` ask: each one, or their count, or a count by field.
struct RecordOutput {
    private let options: RecordOutputOptions
    private let printer: RecordPrinter
    private var stream = OutputStream()
    private var counts: CountTable?
    /// Records selected so far.
    private(set) var selected = 0

    init(options: RecordOutputOptions) {
        self.options = options
        let stream = OutputStream()
        self.printer = RecordPrinter(format: options.format, width: stream.terminalWidth, colour: stream.isTerminal)
        self.counts = options.countBy.map(CountTable.init)
    }

    /// Takes one selected line.
    mutating func take(_ line: UnsafeRawBufferPointer) throws {
        self.selected += 1
        if self.options.count { return }
        if self.counts != nil {
            self.counts!.add(line)
            return
        }
        try self.printer.print(line, to: &self.stream)
    }

    /// Writes what is still held: the count or the count table (its first `rows`), and any buffered lines.
    mutating func finish(rows: Int? = nil) throws {
        if self.options.count { try self.stream.write("\(self.selected)\n") }
        if let counts = self.counts { try self.stream.write(counts.rendered(limit: rows)) }
        try self.stream.flush()
    }

    /// Writes buffered lines now (for `tail -f`).
    mutating func flush() throws {
        try self.stream.flush()
    }
}
