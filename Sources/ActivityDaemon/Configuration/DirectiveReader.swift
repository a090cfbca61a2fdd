import ActivityArchive
import ActivityIngest
import ActivityModel
import Logging
import SyslogParsing

/// Reads the keywords of `activitylogd.conf` into a ``DaemonConfiguration``: one line at a time, each keyword once
/// unless it is repeatable, every error with its file and line. The keywords themselves live beside the configuration
/// they fill (`IngestConfiguration+Directives.swift`, `ArchiveConfiguration+Directives.swift`,
/// `RetentionPolicy+Directives.swift`, `DaemonConfiguration+Directives.swift`).
///
/// | keyword | arguments | default |
/// |---|---|---|
/// | `listen` | `udp`\|`tcp`\|`tls` `ADDRESS:PORT` [`allow` CIDR…] [`proxy-protocol` `proxy-allow` CIDR…] [`reuse-port`] (repeatable) | none in a file; UDP+TCP 127.0.0.1:5514 without one |
/// | `allow` | CIDR… (repeatable, adds up) | everyone |
/// | `tls-certificate`, `tls-key` | PEM file | none (required by `listen tls`) |
/// | `tls-client-ca` | PEM file | none (no client certificate asked) |
/// | `tls-allowed-peers` | names or `*.domain` patterns | any certificate from the client CA |
/// | `tls-handshake-timeout` | duration | 10s |
/// | `archive-dir` | path | `./archive` |
/// | `rotation-timezone` | zone | `UTC` |
/// | `compression-engine` | `libdeflate`\|`zlib` | `libdeflate` |
/// | `compression-level` | 1–9 | 6 |
/// | `overload-compression-level` | 1–9 | 1 |
/// | `flush-interval` | duration | 1s |
/// | `batch-size` | size | 1m |
/// | `fsync` | `none`\|`interval`\|`always` | `interval` |
/// | `fsync-interval` | duration | 1s |
/// | `queue-size` | size | 64m |
/// | `max-message-size` | size | 64k |
/// | `max-connections` | count | 1024 |
/// | `max-connections-per-source` | count | 64 |
/// | `idle-timeout` | duration | 10m |
/// | `udp-receive-buffer` | size | 8m |
/// | `retention-days` | days | 90 |
/// | `retention-max-size` | size or `none` | none |
/// | `retention-check-interval` | duration | 1h |
/// | `rfc3164-timezone` | zone | `local` |
/// | `map-user`, `map-event`, `map-resource`, `map-outcome`, `map-client` | PARAM-NAMEs | the default lists |
/// | `extract` | `[app=NAME] "PATTERN" [FIELD=VALUE…]` (repeatable) | none |
/// | `user`, `group` | name | none (keep the starting identity) |
/// | `log-level` | `trace` … `critical` | `info` |
/// | `statistics-interval` | duration | 5m |
///
/// `activitylogd.conf(5)` documents the same table; a test keeps the two in sync.
struct DirectiveReader {
    /// One keyword's syntax and effect.
    struct Keyword: Sendable {
        var name: String
        /// Shown after "expected" in errors.
        var syntax: String
        var isRepeatable = false
        var apply: @Sendable (inout DaemonConfiguration, [String], inout DirectiveReader) throws -> Void
    }

    let file: String
    /// The line of each keyword seen (the first, for a repeatable one).
    private(set) var seen: [String: Int] = [:]
    /// The line of each `listen` (the `listen` keyword records it).
    var listenerLines: [ListenerConfiguration: Int] = [:]
    /// The line being read.
    private(set) var currentLine = 0
    private var currentKeyword = ""

    init(file: String) {
        self.file = file
    }

    /// Every keyword: those of the listeners and parsing, of the archive, of retention, then the process-wide ones.
    static let keywords = Self.ingestKeywords + Self.archiveKeywords + Self.retentionKeywords + Self.daemonKeywords

    /// The last `fsync-interval`, for an `fsync interval` line that comes after it.
    var fsyncInterval: Duration?

    mutating func apply(_ directive: ConfigDirective, to configuration: inout DaemonConfiguration) throws {
        self.currentLine = directive.line
        self.currentKeyword = directive.keyword
        guard let keyword = Self.keywords.first(where: { $0.name == directive.keyword }) else {
            let names = Self.keywords.map(\.name)
            let expected =
                KeywordSuggestion.nearest(to: directive.keyword, among: names).map { "a keyword (did you mean \($0)?)" }
                ?? "a keyword: " + names.joined(separator: ", ")
            throw ConfigError(
                file: self.file,
                line: directive.line,
                keyword: "",
                value: directive.keyword,
                expected: expected
            )
        }
        if !keyword.isRepeatable, let first = self.seen[keyword.name] {
            throw self.error(
                directive.arguments.joined(separator: " "),
                expected: "one '\(keyword.name)' line (already set at line \(first))"
            )
        }
        if self.seen[keyword.name] == nil { self.seen[keyword.name] = directive.line }
        do {
            try keyword.apply(&configuration, directive.arguments, &self)
        } catch let error as ArgumentCountError {
            throw self.error(
                directive.arguments.joined(separator: " "),
                expected: "\(error.count) argument\(error.count == 1 ? "" : "s"): \(keyword.syntax)"
            )
        }
    }

    // MARK: argument helpers

    struct ArgumentCountError: Error {
        var count: Int
    }

    func error(_ value: String, expected: String) -> ConfigError {
        ConfigError(
            file: self.file,
            line: self.currentLine,
            keyword: self.currentKeyword,
            value: value,
            expected: expected
        )
    }

    func one(_ arguments: [String]) throws -> String {
        guard arguments.count == 1 else { throw ArgumentCountError(count: 1) }
        return arguments[0]
    }

    func two(_ arguments: [String]) throws -> (String, String) {
        guard arguments.count == 2 else { throw ArgumentCountError(count: 2) }
        return (arguments[0], arguments[1])
    }

    func integer(_ arguments: [String], in range: ClosedRange<Int>) throws -> Int {
        let text = try self.one(arguments)
        guard let value = ConfigValues.integer(text, in: range) else {
            throw self.error(text, expected: "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func size(_ arguments: [String], in range: ClosedRange<Int>) throws -> Int {
        let text = try self.one(arguments)
        guard let value = ConfigValues.size(text), range.contains(value) else {
            let keyword = Self.keywords.first { $0.name == self.currentKeyword }
            throw self.error(text, expected: keyword?.syntax ?? "a size")
        }
        return value
    }

    func duration(_ arguments: [String], in range: ClosedRange<Duration>) throws -> Duration {
        let text = try self.one(arguments)
        guard let value = ConfigValues.duration(text), range.contains(value) else {
            let keyword = Self.keywords.first { $0.name == self.currentKeyword }
            throw self.error(text, expected: keyword?.syntax ?? "a duration")
        }
        return value
    }

    func zone(_ arguments: [String]) throws -> CivilTimeZone {
        let text = try self.one(arguments)
        guard let zone = CivilTimeZone(name: text) else {
            throw self.error(text, expected: "UTC, local, +hh:mm or a tz database name such as Europe/Berlin")
        }
        return zone
    }

    func networks(_ arguments: [String]) throws -> [CIDR] {
        try arguments.map { text in
            guard let network = CIDR(text) else {
                throw self.error(
                    text,
                    expected: "an IPv4 or IPv6 network such as 10.0.0.0/8, 192.0.2.7 or 2001:db8::/32"
                )
            }
            return network
        }
    }

    /// `[app=NAME] "PATTERN" [FIELD=VALUE ...]`.
    func extractionRule(_ arguments: [String]) throws -> ExtractionRule {
        var rest = arguments[...]
        var app: String?
        if let first = rest.first, first.hasPrefix("app="), rest.count > 1 {
            app = String(first.dropFirst(4))
            guard app?.isEmpty == false else { throw self.error(first, expected: "app=NAME with a name") }
            rest = rest.dropFirst()
        }
        guard let pattern = rest.popFirst() else {
            throw self.error(
                arguments.joined(separator: " "),
                expected: "a quoted pattern, such as \"user %user% logged in\""
            )
        }
        var constants: [(field: String, value: String)] = []
        for argument in rest {
            guard let equals = argument.firstIndex(of: "=") else {
                throw self.error(
                    argument,
                    expected: "FIELD=VALUE after the pattern (FIELD: user, event, resource, outcome, client)"
                )
            }
            constants.append((String(argument[..<equals]), String(argument[argument.index(after: equals)...])))
        }
        do {
            return try ExtractionRule(app: app, pattern: pattern, constants: constants)
        } catch {
            throw self.error(error.value, expected: error.expected)
        }
    }

    func paramNames(_ arguments: [String]) throws -> [String] {
        guard !arguments.isEmpty else { throw ArgumentCountError(count: 1) }
        for name in arguments {
            let valid =
                name.utf8.count <= 32
                && name.utf8.allSatisfy {
                    $0 > 32 && $0 < 127 && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: "]")
                        && $0 != UInt8(ascii: "\"")
                }
            guard valid else {
                throw self.error(name, expected: "SD-PARAM names: 1 to 32 printable ASCII characters other than = ] \"")
            }
        }
        return arguments
    }
}
