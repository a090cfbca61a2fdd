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
///
/// When standard error is the journal (`$JOURNAL_STREAM` names its device and inode), each line starts with the
/// syslog priority in angle brackets (`<5>` for notice), which journald turns into the entry's level (sd-daemon(3));
/// the time is left out there, since the journal stamps every entry.
public struct TerseLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let level: SharedLogLevel
    private let writesToJournal: Bool

    /// Creates a handler for `label` that logs at `level`, as it is now and after any change.
    public init(label: String, level: SharedLogLevel, writesToJournal: Bool = Self.standardErrorIsTheJournal) {
        self.label = label
        self.level = level
        self.writesToJournal = writesToJournal
    }

    /// Whether `$JOURNAL_STREAM` (`DEVICE:INODE`) names the file standard error is.
    public static var standardErrorIsTheJournal: Bool {
        guard let value = getenv("JOURNAL_STREAM").map({ String(cString: $0) }) else { return false }
        let parts = value.split(separator: ":")
        var status = stat()
        guard parts.count == 2, let device = UInt(parts[0]), let inode = UInt(parts[1]),
            fstat(STDERR_FILENO, &status) == 0
        else { return false }
        return UInt(status.st_dev) == device && UInt(status.st_ino) == inode
    }

    /// The syslog priority of a level: debug 7, info 6, notice 5, warning 4, error 3, critical 2.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
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
        var line =
            self.writesToJournal
            ? "<\(Self.priority(event.level))>\(event.level) \(event.message)"
            : "\(RFC3339Formatter.string(.now())) \(event.level) \(event.message)"
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
