import ActivityModel
import ActivityQuery
import ActivityRuntime
import ArgumentParser

/// `activitylog query`: search the archives by time, field and text.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Search the archives by time, field and text.",
        discussion: """
            Files whose day cannot hold the time range are not opened; members outside it are skipped by their \
            headers; the rest inflate on every core and are filtered on their raw bytes, in archive order (with \
            several --dir, merged by received). Filters combine with AND; values of one option with OR.

            Exit status (as grep): 0 when a record was selected, 1 when none was, 2 for a usage error or when a \
            directory, file or member could not be read (each reported with file and offset; the rest is still \
            searched).
            """
    )

    @OptionGroup var location: ArchiveLocationOptions
    @OptionGroup var filters: RecordFilterOptions
    @OptionGroup var output: RecordOutputOptions

    @Option(help: "Print at most this many records (with --count-by: this many rows).")
    var limit: Int?

    @Flag(help: "Newest first.")
    var reverse = false

    func validate() throws {
        if let limit = self.limit, limit < 0 { throw ValidationError("--limit \(limit): expected 0 or more") }
    }

    func run() throws {
        keepFreedMemoryForReuse()
        let started = monotonicNanoseconds()
        let query = ArchiveQuery(
            directories: try self.location.resolved(),
            filter: try self.filters.filter(now: .now())
        )
        var output = RecordOutput(options: self.output)
        var troubled = false
        let recordLimit = self.output.countBy == nil ? self.limit : nil
        try query.run(reverse: self.reverse, limit: recordLimit) { problem in
            troubled = true
            StandardError.write("activitylog query: \(problem)\n")
        } record: { line in
            try output.take(line)
        }
        try output.finish(rows: self.limit)
        if self.output.stats {
            let seconds = Double(monotonicNanoseconds() - started) / 1e9
            StandardError.write("activitylog query: \(query.statistics.summary(seconds: seconds))\n")
        }
        if troubled { throw ExitCode(2) }
        if output.selected == 0 { throw ExitCode(1) }
    }
}
