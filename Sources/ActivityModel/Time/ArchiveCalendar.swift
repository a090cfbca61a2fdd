/// Finds the archive day of an instant in the rotation zone, caching the zone offset per hour.
public struct ArchiveCalendar: Sendable {
    private var converter: LocalTimeConverter

    /// Creates a calendar for `zone` (`rotation-timezone`).
    public init(zone: CivilTimeZone) {
        self.converter = LocalTimeConverter(zone: zone)
    }

    /// The day that `instant` falls on in the zone.
    public mutating func day(of instant: Timestamp) -> ArchiveDay {
        let local = self.converter.localSeconds(fromUTC: instant.secondsSinceEpoch)
        return ArchiveDay(CivilDate(daysSinceEpoch: Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)))
    }
}
