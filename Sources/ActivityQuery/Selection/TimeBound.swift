import ActivityArchive
import ActivityModel
import SyslogParsing

/// A `--since` or `--until` value: an RFC 3339 timestamp, a date (`2026-12-06`, midnight UTC), `today`, `yesterday`
/// (midnight UTC), or a span back from now: `90s`, `15m`, `2h`, `7d`.
public enum TimeBound {
    /// The instant `text` names, relative to `now`, or `nil` when it names none.
    public static func parse(_ text: String, now: Timestamp) -> Timestamp? {
        let today = CivilDate(daysSinceEpoch: Int(now.secondsSinceEpoch.floorDivided(by: 86_400)))
        switch text {
        case "now": return now
        case "today": return Timestamp(utc: today, hour: 0, minute: 0, second: 0)
        case "yesterday": return Timestamp(utc: ArchiveDay(today).adding(days: -1).date, hour: 0, minute: 0, second: 0)
        default: break
        }
        if let day = ArchiveDay(fileName: "activity-\(text).jsonl.gz") {
            return Timestamp(utc: day.date, hour: 0, minute: 0, second: 0)
        }
        if let ago = Self.span(text) { return now.adding(seconds: -ago) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { RFC3339TimestampParser.parse($0, in: 0..<$0.count) }
    }

    /// Seconds in `90s`, `15m`, `2h`, `7d`, or `nil`.
    private static func span(_ text: String) -> Int64? {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        guard let unit = text.last.flatMap({ units[$0] }), let count = Int64(text.dropLast()), count >= 0,
            count <= 1_000_000
        else { return nil }
        return count * unit
    }
}

extension Int64 {
    /// The quotient rounded towards negative infinity.
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let (quotient, remainder) = self.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? quotient - 1 : quotient
    }
}
