import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// The operator's command-line tool: parse messages, send them, and query, tail and verify archives.
@main
struct ActivitylogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activitylog",
        abstract: "Parse syslog messages into activity records, and search and check the archives.",
        version: "0.1.0",
        subcommands: [
            ParseCommand.self, SendCommand.self, QueryCommand.self, TailCommand.self, VerifyCommand.self,
        ]
    )

    /// The subcommands that follow grep's exit statuses, a usage error included: 2.
    private static let grepLike: Set<String> = ["query", "tail", "verify"]

    static func main() {
        do {
            var command = try Self.parseAsRoot()
            try command.run()
        } catch {
            let subcommand = CommandLine.arguments.dropFirst().first ?? ""
            guard Self.exitCode(for: error) == .validationFailure, Self.grepLike.contains(subcommand) else {
                Self.exit(withError: error)
            }
            StandardError.write(Self.fullMessage(for: error) + "\n")
            Glibc.exit(2)
        }
    }
}
