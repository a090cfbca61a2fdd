/// A zone for converting between wall-clock (civil) time and UTC: UTC, a fixed offset, or a tz database zone.
///
/// Used to read RFC 3164 timestamps (`rfc3164-timezone`) and to cut archives into days (`rotation-timezone`).
/// A tz zone (``TimeZoneFile``) is consulted only when the hour changes; ``LocalTimeConverter`` caches the offset
/// per hour, so the per-message cost is an integer lookup.
public struct CivilTimeZone: Sendable, Equatable, CustomStringConvertible {
    /// How the offset is found.
    public enum Rules: Sendable, Equatable {
        case fixed(offsetSeconds: Int)
        case database(TimeZoneFile)
    }

    /// How the offset is found.
    public let rules: Rules

    /// Coordinated Universal Time.
    public static let utc = CivilTimeZone(rules: .fixed(offsetSeconds: 0))

    /// The server's local zone (`TZ`, else `/etc/localtime`).
    public static var local: CivilTimeZone { CivilTimeZone(rules: .database(TimeZoneFile.local())) }

    /// A zone from its name.
    ///
    /// Accepts `UTC`, `local`, a fixed offset `+hh:mm`/`-hh:mm`, or a tz database name such as `Europe/Berlin`.
    /// - Returns: `nil` when the name is none of these.
    public init?(name: String) {
        switch name {
        case "UTC", "utc", "Z", "GMT":
            self = .utc
        case "local":
            self = .local
        default:
            if let offset = Self.fixedOffset(name) {
                self.init(rules: .fixed(offsetSeconds: offset))
            } else if name.contains("/") || name.allSatisfy({ $0.isLetter }), let zone = TimeZoneFile(named: name) {
                self.init(rules: .database(zone))
            } else {
                return nil
            }
        }
    }

    /// Creates a zone from its rules.
    public init(rules: Rules) {
        self.rules = rules
    }

    public var description: String {
        switch self.rules {
        case .fixed(let offset) where offset == 0: "UTC"
        case .fixed(let offset):
            "\(offset < 0 ? "-" : "+")\(Self.twoDigits(abs(offset) / 3600)):\(Self.twoDigits(abs(offset) / 60 % 60))"
        case .database(let zone): zone.name
        }
    }

    /// Seconds east of UTC at an instant given in seconds since the epoch.
    public func offset(atUTC seconds: Int64) -> Int {
        switch self.rules {
        case .fixed(let offset): offset
        case .database(let zone): zone.offset(atUTC: seconds)
        }
    }

    private static func fixedOffset(_ name: String) -> Int? {
        let bytes = Array(name.utf8)
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
            bytes[3] == UInt8(ascii: ":"), bytes[1...2].allSatisfy(Self.isDigit), bytes[4...5].allSatisfy(Self.isDigit)
        else { return nil }
        let hours = Int(bytes[1] - 48) * 10 + Int(bytes[2] - 48)
        let minutes = Int(bytes[4] - 48) * 10 + Int(bytes[5] - 48)
        guard hours < 24, minutes < 60 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return bytes[0] == UInt8(ascii: "-") ? -seconds : seconds
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
