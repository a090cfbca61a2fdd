/// Converts between wall-clock times in a ``CivilTimeZone`` and UTC, caching the zone offset per hour.
///
/// Messages arrive in bursts from the same hour, so nearly every conversion is a cache hit. Local to UTC asks the
/// zone twice on a miss (guess the offset, then confirm it at the resulting instant), which settles every time
/// outside a DST gap. A converter is a value that one thread owns.
public struct LocalTimeConverter: Sendable {
    private struct Entry: Sendable {
        var hour: Int64
        var offset: Int
    }

    private static let slots = 64
    /// The zone converted to and from.
    public let zone: CivilTimeZone
    private var cache: [Entry]
    private var utcCache: [Entry]

    /// Creates a converter for `zone`.
    public init(zone: CivilTimeZone) {
        self.zone = zone
        self.cache = Array(repeating: Entry(hour: .min, offset: 0), count: Self.slots)
        self.utcCache = self.cache
    }

    /// Local seconds since the local epoch of an instant given in UTC seconds since the epoch.
    public mutating func localSeconds(fromUTC utc: Int64) -> Int64 {
        if case .fixed(let offset) = self.zone.rules { return utc + Int64(offset) }
        let hour = utc >= 0 ? utc / 3600 : (utc - 3599) / 3600
        let slot = Int(truncatingIfNeeded: hour) & (Self.slots - 1)
        if self.utcCache[slot].hour != hour {
            self.utcCache[slot] = Entry(hour: hour, offset: self.zone.offset(atUTC: hour * 3600))
        }
        return utc + Int64(self.utcCache[slot].offset)
    }

    /// UTC seconds since the epoch of a local time given as seconds since the local epoch.
    public mutating func utcSeconds(fromLocal local: Int64) -> Int64 {
        if case .fixed(let offset) = self.zone.rules { return local - Int64(offset) }
        let hour = local >= 0 ? local / 3600 : (local - 3599) / 3600
        let slot = Int(truncatingIfNeeded: hour) & (Self.slots - 1)
        if self.cache[slot].hour == hour { return local - Int64(self.cache[slot].offset) }
        let guess = self.zone.offset(atUTC: local)
        let offset = self.zone.offset(atUTC: local - Int64(guess))
        self.cache[slot] = Entry(hour: hour, offset: offset)
        return local - Int64(offset)
    }
}
