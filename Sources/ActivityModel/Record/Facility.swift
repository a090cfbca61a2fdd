/// The facility of a syslog message (RFC 5424 §6.2.1, RFC 3164 §4.1.1), numbered 0–23.
///
/// ``name`` is the spelling the activity record uses (`"kern"` … `"local7"`).
public enum Facility: UInt8, CaseIterable, Sendable {
    case kern = 0
    case user
    case mail
    case daemon
    case auth
    case syslog
    case lpr
    case news
    case uucp
    case cron
    case authpriv
    case ftp
    case ntp
    case security
    case console
    case solarisCron
    case local0
    case local1
    case local2
    case local3
    case local4
    case local5
    case local6
    case local7

    /// The record's name for this facility, as static bytes (no allocation when encoding).
    public var staticName: StaticString {
        switch self {
        case .kern: "kern"
        case .user: "user"
        case .mail: "mail"
        case .daemon: "daemon"
        case .auth: "auth"
        case .syslog: "syslog"
        case .lpr: "lpr"
        case .news: "news"
        case .uucp: "uucp"
        case .cron: "cron"
        case .authpriv: "authpriv"
        case .ftp: "ftp"
        case .ntp: "ntp"
        case .security: "security"
        case .console: "console"
        case .solarisCron: "solaris-cron"
        case .local0: "local0"
        case .local1: "local1"
        case .local2: "local2"
        case .local3: "local3"
        case .local4: "local4"
        case .local5: "local5"
        case .local6: "local6"
        case .local7: "local7"
        }
    }

    /// The record's name for this facility.
    public var name: String { self.staticName.description }
}
