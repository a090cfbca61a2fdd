import ArgumentParser

/// The operator's command-line tool: parse messages, and (as they land) send, query, tail and verify archives.
@main
struct ActivitylogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activitylog",
        abstract: "Parse syslog messages into activity records, the way activitylogd does.",
        version: "0.1.0",
        subcommands: [ParseCommand.self, SendCommand.self]
    )
}
