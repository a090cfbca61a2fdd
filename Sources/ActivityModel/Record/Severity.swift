/// The severity of a syslog message (RFC 5424 §6.2.1), from `emerg` (0) to `debug` (7).
///
/// Ordering follows urgency: `emerg < alert < … < debug`, so a range such as `.emerg ... .warning`
/// holds the warnings and everything more severe.
public enum Severity: UInt8, CaseIterable, Comparable, Sendable {
    case emerg = 0
    case alert
    case crit
    case err
    case warning
    case notice
    case info
    case debug

    /// The record's name for this severity, as static bytes (no allocation when encoding).
    public var staticName: StaticString {
        switch self {
        case .emerg: "emerg"
        case .alert: "alert"
        case .crit: "crit"
        case .err: "err"
        case .warning: "warning"
        case .notice: "notice"
        case .info: "info"
        case .debug: "debug"
        }
    }

    /// The record's name for this severity.
    public var name: String { self.staticName.description }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}
