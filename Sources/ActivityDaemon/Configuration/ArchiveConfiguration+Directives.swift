import ActivityArchive
import ActivityIngest
import ActivityModel
import Logging
import SyslogParsing

extension DirectiveReader {
    /// The keywords of the archive: what fills ``ArchiveConfiguration``.
    static let archiveKeywords: [Keyword] = [
        Keyword(name: "archive-dir", syntax: "a directory path") { configuration, arguments, reader in
            configuration.archive.directory = try reader.one(arguments)
        },
        Keyword(name: "node-name", syntax: "a letter, then letters, digits, '_' or '-', such as web1") {
            configuration,
            arguments,
            reader in
            let name = try reader.one(arguments)
            guard ArchiveNaming.isValidNode(name) else {
                throw reader.error(name, expected: "a letter, then up to 62 letters, digits, '_' or '-' (no dot)")
            }
            configuration.archive.naming.node = name
        },
        Keyword(name: "archive-layout", syntax: "flat or partitioned") { configuration, arguments, reader in
            let name = try reader.one(arguments)
            guard let layout = ArchiveNaming.Layout(rawValue: name) else {
                throw reader.error(name, expected: "flat (activity-DAY.NODE.jsonl.gz) or partitioned (date=DAY/)")
            }
            configuration.archive.naming.layout = layout
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
            // An earlier `fsync-interval` line applies; a later one sets the interval itself.
            case "interval": configuration.archive.fsync = .interval(reader.fsyncInterval ?? interval)
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
    ]
}
