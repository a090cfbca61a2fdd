import ActivityModel
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// Writes one line per log event to standard error: time, level, message, then `key=value` metadata.
///
/// ```
/// 2026-11-26T14:41:09.120000Z notice deleted archive archive.path=/var/log/activitylog/activity-2026-08-27.jsonl.gz
/// ```
///
/// Values with spaces are quoted; newlines in values are escaped so one event is always one line.
public struct TerseLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let level: SharedLogLevel

    /// Creates a handler for `label` that logs at `level`, as it is now and after any change.
    public init(label: String, level: SharedLogLevel) {
        self.label = label
        self.level = level
    }

    /// The shared level. Unlike swift-log's usual per-logger value, setting it (`logger.logLevel = …`) changes every
    /// handler made with the same ``SharedLogLevel``: the process has one level, `log-level`.
    public var logLevel: Logger.Level {
        get { self.level.level }
        nonmutating set { self.level.level = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = "\(RFC3339Formatter.string(.now())) \(event.level) \(event.message)"
        let merged = self.metadata.merging(event.metadata ?? [:]) { $1 }
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(Self.quoted("\(value)"))"
        }
        line += "\n"
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    private static func quoted(_ value: String) -> String {
        let escaped = value.replacing("\n", with: "\\n")
        return escaped.contains(" ") || escaped.isEmpty ? "\"\(escaped.replacing("\"", with: "\\\""))\"" : escaped
    }
}
