import ActivityArchive
import ActivityDaemon
import ActivityModel
import ActivityQuery
import ArgumentParser

/// Where the archives are: `--dir` (repeatable), else the `archive-dir` of `--config`, else `./archive`.
struct ArchiveLocationOptions: ParsableArguments {
    @Option(
        name: .customLong("dir"),
        help: ArgumentHelp(
            "An archive directory (repeat for several collectors; default: --config's archive-dir, or ./archive).",
            valueName: "dir"
        )
    )
    var directories: [String] = []

    @Option(help: ArgumentHelp("An activitylogd.conf whose archive-dir to read.", valueName: "file"))
    var config: String?

    /// The directories to read.
    func resolved() throws -> [String] {
        if !self.directories.isEmpty { return self.directories }
        guard let path = self.config else { return ["./archive"] }
        do {
            return [try DaemonConfiguration.load(path: path).archive.directory]
        } catch {
            throw ValidationError("--config \(path): \(error)")
        }
    }
}

/// The filters `query` and `tail` share: time, fields, text.
struct RecordFilterOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Records received at or after: RFC 3339, a date or today/yesterday (midnight UTC), or 15m, 2h, 7d ago.",
            valueName: "time"
        )
    )
    var since: String?

    @Option(help: ArgumentHelp("Records received before: the same forms as --since.", valueName: "time"))
    var until: String?

    @Option(help: fieldHelp("host")) var host: [String] = []
    @Option(help: fieldHelp("app")) var app: [String] = []
    @Option(help: fieldHelp("user")) var user: [String] = []
    @Option(help: fieldHelp("event")) var event: [String] = []
    @Option(help: fieldHelp("resource")) var resource: [String] = []
    @Option(help: fieldHelp("outcome")) var outcome: [String] = []
    @Option(help: fieldHelp("client")) var client: [String] = []
    @Option(help: fieldHelp("source")) var source: [String] = []
    @Option(help: fieldHelp("msgid")) var msgid: [String] = []

    @Option(
        help: ArgumentHelp(
            "A severity and everything worse (warning), or a range (err..emerg); repeatable.",
            valueName: "level"
        )
    )
    var severity: [String] = []

    @Option(help: fieldHelp("facility")) var facility: [String] = []

    @Option(help: ArgumentHelp("A structured data parameter: ID.PARAM=VALUE (VALUE may hold *).", valueName: "param"))
    var sd: [String] = []

    @Option(
        help: ArgumentHelp("A fixed string anywhere in the JSON line (as stored, escapes included).", valueName: "text")
    )
    var grep: [String] = []

    @Option(help: ArgumentHelp("A POSIX extended regular expression over msg.", valueName: "re"))
    var regex: [String] = []

    /// The filter these options describe, with relative times counted back from `now`.
    func filter(now: Timestamp) throws -> RecordFilter {
        var filter = RecordFilter(
            range: TimeRange(
                since: try Self.time(self.since, "--since", now),
                until: try Self.time(self.until, "--until", now)
            )
        )
        let fields: [(RecordField, [String])] = [
            (.host, self.host), (.app, self.app), (.user, self.user), (.event, self.event),
            (.resource, self.resource), (.outcome, self.outcome), (.client, self.client), (.source, self.source),
            (.msgid, self.msgid), (.facility, self.facility),
        ]
        for (field, values) in fields { filter.require(field, oneOf: values.map(FieldPattern.init)) }
        filter.require(.severity, oneOf: try self.severity.flatMap(Self.severities).map(FieldPattern.init))
        filter.structuredData = try self.sd.map { text in
            guard let pattern = StructuredDataPattern(text) else {
                throw ValidationError("--sd \(text): expected ID.PARAM=VALUE")
            }
            return pattern
        }
        filter.fixedStrings = self.grep.filter { !$0.isEmpty }.map { Array($0.utf8) }
        filter.expressions = try self.regex.map { pattern in
            do { return try MessageExpression(pattern) } catch { throw ValidationError("--regex \(pattern): \(error)") }
        }
        return filter
    }

    private static func time(_ text: String?, _ option: String, _ now: Timestamp) throws -> Timestamp? {
        guard let text else { return nil }
        guard let time = TimeBound.parse(text, now: now) else {
            throw ValidationError("\(option) \(text): expected RFC 3339, YYYY-MM-DD, today, yesterday, or Ns/Nm/Nh/Nd")
        }
        return time
    }

    /// The severity names `warning` (that or worse) or `err..emerg` (a range either way round) stand for.
    private static func severities(_ text: String) throws -> [String] {
        func level(_ name: Substring) throws -> Severity {
            guard let level = Severity.allCases.first(where: { $0.name == name }) else {
                throw ValidationError(
                    "--severity \(text): expected emerg, alert, crit, err, warning, notice, info or debug"
                )
            }
            return level
        }
        let ends = text.split(separator: "..", omittingEmptySubsequences: false)
        guard ends.count <= 2 else { throw ValidationError("--severity \(text): expected LEVEL or LEVEL..LEVEL") }
        let first = try level(ends[0])
        let last = ends.count == 2 ? try level(ends[1]) : Severity.emerg
        return Severity.allCases.filter { $0 >= min(first, last) && $0 <= max(first, last) }.map(\.name)
    }
}

/// The help of a field filter option.
private func fieldHelp(_ field: String) -> ArgumentHelp {
    ArgumentHelp(
        "Records whose \(field) is this (exact, or a glob with *); repeat for any of several.",
        valueName: field
    )
}
