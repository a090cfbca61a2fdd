import ActivityModel

#if canImport(Glibc)
import Glibc
#endif

/// The span of `received` a query asks for: from `since` (inclusive) to `until` (exclusive), either end open.
///
/// Records are compared by their `received` text: every record holds it as RFC 3339 in UTC with six fraction digits,
/// a fixed-width form whose byte order is the time order, so no record's timestamp is ever parsed.
public struct TimeRange: Equatable, Sendable {
    /// The first instant in the range, or `nil` for no lower bound.
    public var since: Timestamp?
    /// The first instant after the range, or `nil` for no upper bound.
    public var until: Timestamp?
    /// `since` as a record spells it.
    let sinceText: [UInt8]?
    /// `until` as a record spells it.
    let untilText: [UInt8]?

    /// Creates a range.
    public init(since: Timestamp? = nil, until: Timestamp? = nil) {
        self.since = since
        self.until = until
        self.sinceText = since.map { Array(RFC3339Formatter.string($0).utf8) }
        self.untilText = until.map { Array(RFC3339Formatter.string($0).utf8) }
    }

    /// Whether the range has a bound at all.
    public var isBounded: Bool { self.since != nil || self.until != nil }

    /// Whether any instant from `first` to `last` (inclusive) lies in the range.
    public func overlaps(first: Timestamp, last: Timestamp) -> Bool {
        if let since = self.since, last < since { return false }
        if let until = self.until, first >= until { return false }
        return true
    }

    /// Whether every instant from `first` to `last` (inclusive) lies in the range.
    public func covers(first: Timestamp, last: Timestamp) -> Bool {
        if let since = self.since, first < since { return false }
        if let until = self.until, last >= until { return false }
        return true
    }

    /// Whether a record's `received` text lies in the range.
    func contains(receivedText text: UnsafeRawBufferPointer) -> Bool {
        if let since = self.sinceText, Self.compare(text, since) < 0 { return false }
        if let until = self.untilText, Self.compare(text, until) >= 0 { return false }
        return true
    }

    /// Whether any of the day's records can lie in the range. The day is one of `rotation-timezone`, which may be
    /// up to 14 hours from UTC either way.
    func mayHold(day: ArchiveDay) -> Bool {
        let midnight = Timestamp(utc: day.date, hour: 0, minute: 0, second: 0)
        let first = midnight.adding(seconds: -Self.largestZoneOffset)
        let last = midnight.adding(seconds: 86_400 + Self.largestZoneOffset - 1)
        return self.overlaps(first: first, last: last)
    }

    /// The largest distance of a time zone from UTC (UTC+14, Kiribati), in seconds.
    private static let largestZoneOffset: Int64 = 14 * 3600

    private static func compare(_ text: UnsafeRawBufferPointer, _ bound: [UInt8]) -> Int {
        bound.withUnsafeBytes { bound in
            let common = min(text.count, bound.count)
            let order = memcmp(text.baseAddress!, bound.baseAddress!, common)
            return order != 0 ? Int(order) : text.count - bound.count
        }
    }
}
