/// Converts local wall-clock times in a ``SyslogTimeZone`` to UTC, caching the zone offset per local hour.
///
/// Messages arrive in bursts from the same hour, so nearly every conversion is a cache hit; a miss asks the zone
/// twice (guess the offset, then confirm it at the resulting instant), which settles every time outside a DST gap.
struct LocalTimeConverter {
    private struct Entry {
        var localHour: Int64
        var offset: Int
    }

    private static let slots = 64
    let zone: SyslogTimeZone
    private var cache: [Entry]

    init(zone: SyslogTimeZone) {
        self.zone = zone
        self.cache = Array(repeating: Entry(localHour: .min, offset: 0), count: Self.slots)
    }

    /// UTC seconds since the epoch of a local time given as seconds since the local epoch.
    mutating func utcSeconds(fromLocal local: Int64) -> Int64 {
        if case .fixed(let offset) = self.zone.rules { return local - Int64(offset) }
        let hour = local >= 0 ? local / 3600 : (local - 3599) / 3600
        let slot = Int(truncatingIfNeeded: hour) & (Self.slots - 1)
        if self.cache[slot].localHour == hour { return local - Int64(self.cache[slot].offset) }
        let guess = self.zone.offset(atUTC: local)
        let offset = self.zone.offset(atUTC: local - Int64(guess))
        self.cache[slot] = Entry(localHour: hour, offset: offset)
        return local - Int64(offset)
    }
}
