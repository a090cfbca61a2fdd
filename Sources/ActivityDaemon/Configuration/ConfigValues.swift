import ActivityIngest
import ActivityModel

/// Parsers for the value types of `activitylogd.conf`; each returns `nil` when the text is not such a value, and
/// ``DaemonConfiguration`` turns that into a ``ConfigError`` naming what is expected.
enum ConfigValues {
    /// `65536`, `64k`, `10M`, `2G`, `1T` (powers of 1024; case-insensitive unit).
    static func size(_ text: String) -> Int? {
        let units: [Character: Int] = ["k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40]
        var digits = Substring(text)
        var multiplier = 1
        if let last = digits.last?.lowercased().first, let unit = units[last] {
            multiplier = unit
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits), value <= Int.max / multiplier
        else { return nil }
        return value * multiplier
    }

    /// `500ms`, `30s`, `5m`, `1h`, `7d`; a bare number is seconds.
    static func duration(_ text: String) -> Duration? {
        let units: [(String, Duration)] = [
            ("ms", .milliseconds(1)), ("s", .seconds(1)), ("m", .seconds(60)), ("h", .seconds(3600)),
            ("d", .seconds(86_400)),
        ]
        for (suffix, unit) in units where text.hasSuffix(suffix) {
            let digits = text.dropLast(suffix.count)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits), value < 1 << 40 else {
                return nil
            }
            return unit * value
        }
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit), let value = Int(text), value < 1 << 40 else { return nil }
        return .seconds(value)
    }

    /// A whole number in `range`.
    static func integer(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCIIDigit || $0 == "-" }), let value = Int(text),
            range.contains(value)
        else { return nil }
        return value
    }

    /// `ADDR:PORT` with an IPv4 literal, `[IPv6]:PORT`, or `*:PORT` (every IPv4 address, like `0.0.0.0`).
    static func listenAddress(_ text: String) -> (host: String, port: Int)? {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                return nil
            }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
            guard host.contains(":"), IPAddressText.isIPv6(String(host)) else { return nil }
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            guard host == "*" || IPAddressText.isIPv4(String(host)) else { return nil }
        }
        guard let port = Self.integer(String(portText), in: 0...65_535) else { return nil }
        return (host == "*" ? "0.0.0.0" : String(host), port)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { self >= "0" && self <= "9" }
}
