import ActivityArchive
import ActivityIngest
import ActivityModel
import Logging
import SyslogParsing

extension DirectiveReader {
    /// The process-wide keywords: identity, logging, statistics, metrics.
    static let daemonKeywords: [Keyword] = [
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
        Keyword(name: "metrics-listen", syntax: "ADDRESS:PORT for /metrics and /health, such as 127.0.0.1:9514") {
            configuration,
            arguments,
            reader in
            let address = try reader.one(arguments)
            guard let (host, port) = ConfigValues.listenAddress(address) else {
                throw reader.error(address, expected: "IPv4:PORT, [IPv6]:PORT or *:PORT with a port from 0 to 65535")
            }
            configuration.metricsEndpoint = MetricsEndpoint(host: host, port: port)
        },
    ]
}
