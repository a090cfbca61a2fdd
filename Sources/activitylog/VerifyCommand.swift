import ActivityArchive
import ActivityQuery
import ArgumentParser

/// `activitylog verify`: check every member of every archive file.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every member of every archive file, and say what each file holds.",
        discussion: """
            Each member is inflated and checked: the header's AL field against the bytes (length, records, \
            uncompressed length, first and last received), CRC-32 and ISIZE, and every line one JSON object of \
            the record schema. Members written by other tools (no AL field) are checked by inflating them. Prints \
            per file: members, records, first and last received, compressed and raw bytes, ratio.

            Exit status: 0 when everything checks out, 1 when something is wrong (each problem on standard error \
            with file and offset), 2 for a usage error or a directory that cannot be read.
            """
    )

    @OptionGroup var location: ArchiveLocationOptions

    @Argument(help: ArgumentHelp("Archive files to check instead of the directories' files.", valueName: "file"))
    var files: [String] = []

    func run() throws {
        keepFreedMemoryForReuse()
        var paths = self.files
        var troubled = false
        if paths.isEmpty {
            for directory in try self.location.resolved() {
                do {
                    paths += try ArchiveFileList.files(in: directory).map(\.path)
                } catch {
                    StandardError.write("activitylog verify: \(error)\n")
                    troubled = true
                }
            }
        }
        let verifier = try ArchiveVerifier()
        var output = OutputStream()
        var damaged = false
        for path in paths {
            let report = verifier.verify(path: path)
            try output.write(report.summary + "\n")
            try output.flush()
            for problem in report.problems { StandardError.write("activitylog verify: \(problem)\n") }
            damaged = damaged || !report.problems.isEmpty
        }
        if troubled { throw ExitCode(2) }
        if damaged { throw ExitCode(1) }
    }
}
