import ActivityModel
import ActivityQuery
import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// `activitylog tail`: the last records of the newest archive file, and with `-f` each new member as it lands.
struct TailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Print the last records of the newest archive file, and with -f follow it.",
        discussion: """
            With -f, each member the daemon appends is printed once it is whole (members are appended with one \
            write; one still being written is read at the next poll), on into the next day's file at midnight. \
            The same filters and formats as query apply.

            Exit status: 0 when a record was printed, 1 when none was, 2 for a usage error or an archive that \
            could not be read. With -f it runs until interrupted.
            """
    )

    @Option(name: .customShort("n"), help: "How many of the last records to print first.")
    var lines = 10

    @Flag(name: .short, help: "Follow: print new records as they are written.")
    var follow = false

    @Option(help: ArgumentHelp("With -f: seconds between looks at the file.", valueName: "seconds"))
    var interval: Double = 0.25

    @OptionGroup var location: ArchiveLocationOptions
    @OptionGroup var filters: RecordFilterOptions
    @OptionGroup var output: RecordOutputOptions

    func validate() throws {
        if self.lines < 0 { throw ValidationError("-n \(self.lines): expected 0 or more") }
        if self.interval <= 0 { throw ValidationError("--interval \(self.interval): expected more than 0 seconds") }
        if self.location.directories.count > 1 { throw ValidationError("--dir: tail follows one directory") }
    }

    func run() throws {
        keepFreedMemoryForReuse()
        restoreInterruptSignals()
        let query = ArchiveQuery(
            directories: try self.location.resolved(),
            filter: try self.filters.filter(now: .now())
        )
        let follower = try ArchiveFollower(query: query)
        var output = RecordOutput(options: self.output)
        var troubled = false
        let report = { (problem: QueryProblem) in
            troubled = true
            StandardError.write("activitylog tail: \(problem)\n")
        }
        try follower.last(self.lines, problem: report) { try output.take($0) }
        try output.flush()
        while self.follow {
            usleep(UInt32(self.interval * 1_000_000))
            try follower.poll(problem: report) { try output.take($0) }
            try output.flush()
        }
        try output.finish()
        if troubled { throw ExitCode(2) }
        if output.selected == 0 { throw ExitCode(1) }
    }
}
