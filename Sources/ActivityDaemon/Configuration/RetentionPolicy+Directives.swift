import ActivityArchive
import ActivityIngest
import ActivityModel
import Logging
import SyslogParsing

extension DirectiveReader {
    /// The keywords of retention: what fills ``RetentionPolicy``.
    static let retentionKeywords: [Keyword] = [
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
    ]
}
