import ActivityArchive
import ActivityIngest
import ActivityModel
import Logging
import SyslogParsing

/// The keywords of `activitylogd.conf` and how each sets ``DaemonConfiguration``.
///
/// | keyword | arguments | default |
/// |---|---|---|
/// | `listen` | `udp`\|`tcp`\|`tls` `ADDRESS:PORT` [`allow` CIDR…] (repeatable) | none in a file; UDP+TCP 127.0.0.1:5514 without one |
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
    /// The line of each `listen`.
    private(set) var listenerLines: [ListenerConfiguration: Int] = [:]
    private var currentLine = 0
    private var currentKeyword = ""

    init(file: String) {
        self.file = file
    }

    /// Every keyword, in the order the man page lists them.
    static let keywords: [Keyword] = [
        Keyword(
            name: "listen",
            syntax: "udp|tcp|tls ADDRESS:PORT [allow CIDR ...], such as 'tcp 0.0.0.0:514' or 'tls [::]:6514'",
            isRepeatable: true
        ) { configuration, arguments, reader in
            guard arguments.count == 2 || (arguments.count >= 4 && arguments[2] == "allow") else {
                throw reader.error(
                    arguments.joined(separator: " "),
                    expected: "udp|tcp|tls ADDRESS:PORT, optionally followed by 'allow CIDR ...'"
                )
            }
            let (transportName, address) = (arguments[0], arguments[1])
            guard let transport = Transport(rawValue: transportName) else {
                throw reader.error(transportName, expected: "'udp', 'tcp' or 'tls'")
            }
            guard let (host, port) = ConfigValues.listenAddress(address) else {
                throw reader.error(address, expected: "IPv4:PORT, [IPv6]:PORT or *:PORT with a port from 0 to 65535")
            }
            let listener = ListenerConfiguration(transport: transport, host: host, port: port)
            if let first = reader.listenerLines[listener] {
                throw reader.error(
                    "\(transportName) \(address)",
                    expected: "a listener not already defined (duplicate of line \(first))"
                )
            }
            reader.listenerLines[listener] = reader.currentLine
            configuration.listeners.append(listener)
            if arguments.count > 2 {
                let networks = try reader.networks(Array(arguments.dropFirst(3)))
                configuration.ingest.listenerAllow[listener] = SenderAllowlist(networks)
            }
        },
        Keyword(
            name: "allow",
            syntax: "one or more networks such as 10.0.0.0/8, 192.0.2.7 or 2001:db8::/32",
            isRepeatable: true
        ) { configuration, arguments, reader in
            guard !arguments.isEmpty else { throw ArgumentCountError(count: 1) }
            configuration.ingest.allow.networks += try reader.networks(arguments)
        },
        Keyword(name: "tls-certificate", syntax: "a PEM file with the server certificate and its chain") {
            configuration,
            arguments,
            reader in
            configuration.ingest.tls.certificatePath = try reader.one(arguments)
        },
        Keyword(name: "tls-key", syntax: "a PEM file with the server's private key") {
            configuration,
            arguments,
            reader in
            configuration.ingest.tls.keyPath = try reader.one(arguments)
        },
        Keyword(name: "tls-client-ca", syntax: "a PEM file with the CA certificates client certificates must chain to")
        {
            configuration,
            arguments,
            reader in
            configuration.ingest.tls.clientCAPath = try reader.one(arguments)
        },
        Keyword(name: "tls-allowed-peers", syntax: "one or more names or *.domain patterns") {
            configuration,
            arguments,
            reader in
            guard !arguments.isEmpty else { throw ArgumentCountError(count: 1) }
            configuration.ingest.tls.allowedPeers = arguments
        },
        Keyword(name: "tls-handshake-timeout", syntax: "a duration from 1s to 5m, such as 10s") {
            configuration,
            arguments,
            reader in
            configuration.ingest.tls.handshakeTimeout = try reader.duration(
                arguments,
                in: .seconds(1)...Duration.seconds(300)
            )
        },
        Keyword(name: "archive-dir", syntax: "a directory path") { configuration, arguments, reader in
            configuration.archive.directory = try reader.one(arguments)
        },
        Keyword(name: "rotation-timezone", syntax: "UTC, local, +hh:mm or a tz name such as Europe/Berlin") {
            configuration,
            arguments,
            reader in
            configuration.archive.rotationTimeZone = try reader.zone(arguments)
        },
        Keyword(name: "compression-engine", syntax: "libdeflate or zlib") { configuration, arguments, reader in
            let name = try reader.one(arguments)
            guard let engine = CompressionEngine(rawValue: name) else {
                throw reader.error(name, expected: "libdeflate or zlib")
            }
            configuration.archive.compressionEngine = engine
        },
        Keyword(name: "compression-level", syntax: "an integer from 1 to 9") { configuration, arguments, reader in
            configuration.archive.compressionLevel = try reader.integer(arguments, in: CompressionEngine.levels)
        },
        Keyword(name: "overload-compression-level", syntax: "an integer from 1 to 9") {
            configuration,
            arguments,
            reader in
            configuration.archive.overloadCompressionLevel = try reader.integer(
                arguments,
                in: CompressionEngine.levels
            )
        },
        Keyword(name: "flush-interval", syntax: "a duration from 10ms to 1h, such as 500ms or 1s") {
            configuration,
            arguments,
            reader in
            configuration.archive.flushInterval = try reader.duration(
                arguments,
                in: .milliseconds(10)...Duration.seconds(3600)
            )
        },
        Keyword(name: "batch-size", syntax: "a size from 4k to 1g, such as 1m") { configuration, arguments, reader in
            configuration.archive.batchSize = try reader.size(arguments, in: (4 << 10)...(1 << 30))
        },
        Keyword(name: "fsync", syntax: "none, interval or always") { configuration, arguments, reader in
            let interval: Duration =
                if case .interval(let current) = configuration.archive.fsync { current } else { .seconds(1) }
            switch try reader.one(arguments) {
            case "none": configuration.archive.fsync = .none
            case "interval": configuration.archive.fsync = .interval(interval)
            case "always": configuration.archive.fsync = .always
            case let other: throw reader.error(other, expected: "none, interval or always")
            }
        },
        Keyword(name: "fsync-interval", syntax: "a duration from 10ms to 1h") { configuration, arguments, reader in
            let interval = try reader.duration(arguments, in: .milliseconds(10)...Duration.seconds(3600))
            if case .interval = configuration.archive.fsync { configuration.archive.fsync = .interval(interval) }
            reader.fsyncInterval = interval
        },
        Keyword(name: "queue-size", syntax: "a size from 1m to 64g, such as 64m") { configuration, arguments, reader in
            configuration.archive.queueSize = try reader.size(arguments, in: (1 << 20)...(64 << 30))
        },
        Keyword(name: "max-message-size", syntax: "a size from 480 to 16m, such as 64k") {
            configuration,
            arguments,
            reader in
            configuration.ingest.maxMessageSize = try reader.size(arguments, in: 480...(16 << 20))
        },
        Keyword(name: "max-connections", syntax: "an integer from 1 to 1000000") { configuration, arguments, reader in
            configuration.ingest.maxConnections = try reader.integer(arguments, in: 1...1_000_000)
        },
        Keyword(name: "max-connections-per-source", syntax: "an integer from 1 to 1000000") {
            configuration,
            arguments,
            reader in
            configuration.ingest.maxConnectionsPerSource = try reader.integer(arguments, in: 1...1_000_000)
        },
        Keyword(name: "idle-timeout", syntax: "a duration from 1s to 7d, such as 10m") {
            configuration,
            arguments,
            reader in
            configuration.ingest.idleTimeout = try reader.duration(
                arguments,
                in: .seconds(1)...Duration.seconds(7 * 86_400)
            )
        },
        Keyword(name: "udp-receive-buffer", syntax: "a size from 64k to 1g, such as 8m") {
            configuration,
            arguments,
            reader in
            configuration.ingest.udpReceiveBuffer = try reader.size(arguments, in: (64 << 10)...(1 << 30))
        },
        Keyword(name: "retention-days", syntax: "an integer from 0 to 100000") { configuration, arguments, reader in
            configuration.retention.days = try reader.integer(arguments, in: 0...100_000)
        },
        Keyword(name: "retention-max-size", syntax: "a size of at least 1m, such as 500g, or none") {
            configuration,
            arguments,
            reader in
            if try reader.one(arguments) == "none" {
                configuration.retention.maximumTotalBytes = nil
            } else {
                configuration.retention.maximumTotalBytes = try reader.size(arguments, in: (1 << 20)...Int.max)
            }
        },
        Keyword(name: "retention-check-interval", syntax: "a duration from 1s to 7d, such as 1h") {
            configuration,
            arguments,
            reader in
            configuration.retention.checkInterval = try reader.duration(
                arguments,
                in: .seconds(1)...Duration.seconds(7 * 86_400)
            )
        },
        Keyword(name: "rfc3164-timezone", syntax: "UTC, local, +hh:mm or a tz name such as Europe/Berlin") {
            configuration,
            arguments,
            reader in
            configuration.ingest.parser.rfc3164TimeZone = try reader.zone(arguments)
        },
        Keyword(name: "map-user", syntax: "one or more SD-PARAM names") { configuration, arguments, reader in
            configuration.ingest.parser.activityFields.user = try reader.paramNames(arguments)
        },
        Keyword(name: "map-event", syntax: "one or more SD-PARAM names") { configuration, arguments, reader in
            configuration.ingest.parser.activityFields.event = try reader.paramNames(arguments)
        },
        Keyword(name: "map-resource", syntax: "one or more SD-PARAM names") { configuration, arguments, reader in
            configuration.ingest.parser.activityFields.resource = try reader.paramNames(arguments)
        },
        Keyword(name: "map-outcome", syntax: "one or more SD-PARAM names") { configuration, arguments, reader in
            configuration.ingest.parser.activityFields.outcome = try reader.paramNames(arguments)
        },
        Keyword(name: "map-client", syntax: "one or more SD-PARAM names") { configuration, arguments, reader in
            configuration.ingest.parser.activityFields.client = try reader.paramNames(arguments)
        },
        Keyword(
            name: "extract",
            syntax: "[app=NAME] \"PATTERN\" [FIELD=VALUE ...], such as 'extract app=shop \"order %resource% by %user%\""
                + " event=order'",
            isRepeatable: true
        ) { configuration, arguments, reader in
            configuration.ingest.parser.extractionRules.append(try reader.extractionRule(arguments))
        },
        Keyword(name: "user", syntax: "a user name or numeric uid") { configuration, arguments, reader in
            configuration.user = try reader.one(arguments)
        },
        Keyword(name: "group", syntax: "a group name or numeric gid") { configuration, arguments, reader in
            configuration.group = try reader.one(arguments)
        },
        Keyword(name: "log-level", syntax: "trace, debug, info, notice, warning, error or critical") {
            configuration,
            arguments,
            reader in
            let name = try reader.one(arguments)
            guard let level = Logger.Level(rawValue: name) else {
                throw reader.error(name, expected: "trace, debug, info, notice, warning, error or critical")
            }
            configuration.logLevel = level
        },
        Keyword(name: "statistics-interval", syntax: "a duration from 1s to 1d, such as 5m") {
            configuration,
            arguments,
            reader in
            configuration.statisticsInterval = try reader.duration(
                arguments,
                in: .seconds(1)...Duration.seconds(86_400)
            )
        },
    ]

    private var fsyncInterval: Duration?

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
        if keyword.name == "fsync", case .interval = configuration.archive.fsync, let interval = self.fsyncInterval {
            configuration.archive.fsync = .interval(interval)
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
