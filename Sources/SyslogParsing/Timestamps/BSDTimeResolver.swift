import ActivityModel

/// Turns a BSD timestamp (no year, no zone) into an instant, as docs/design.md ("Reading a message") specifies.
///
/// The zone is the configured `rfc3164-timezone`, unless the device named UTC/GMT itself, maybe with an offset
/// (`UTC+1`). When the year is not
/// written, it is the latest year in which the date exists and the instant is not after `received` + 31 days:
/// `Dec 31 23:59:58` received just after New Year is last year; `Jan  1 00:00:03` from a sender a few seconds
/// ahead of us is next year; `Feb 29` goes back to the last leap year.
struct BSDTimeResolver {
    /// How far in the future (relative to `received`) a timestamp may lie before it is taken as last year's.
    static let futureTolerance: Int64 = 31 * 86_400
    /// The widest zone offset in the tz database (UTC+14), used to start the year search high enough.
    private static let maximumZoneOffset: Int64 = 14 * 3600

    private var converter: LocalTimeConverter

    init(zone: CivilTimeZone) {
        self.converter = LocalTimeConverter(zone: zone)
    }

    /// The instant of `fields`, read in the configured zone (or at `utcOffset` seconds east of UTC, when the device
    /// wrote a zone that fixes it), or `nil` if the date never exists.
    mutating func resolve(_ fields: BSDTimestampParser.Fields, received: Timestamp, utcOffset: Int?) -> Timestamp? {
        if let year = fields.year {
            return self.instant(fields, year: year, utcOffset: utcOffset)
        }
        let limit = received.adding(seconds: Self.futureTolerance)
        let latestDay = (limit.secondsSinceEpoch + Self.maximumZoneOffset) / 86_400
        var year = CivilDate(daysSinceEpoch: Int(latestDay)).year
        // Feb 29 may need eight years back (across a century that is not a leap year); other dates one or two.
        for _ in 0..<9 {
            if let instant = self.instant(fields, year: year, utcOffset: utcOffset), instant <= limit { return instant }
            year -= 1
        }
        return nil
    }

    private mutating func instant(_ fields: BSDTimestampParser.Fields, year: Int, utcOffset: Int?) -> Timestamp? {
        let date = CivilDate(year: year, month: fields.month, day: fields.day)
        guard date.isValid else { return nil }
        let local =
            Int64(date.daysSinceEpoch) * 86_400
            + Int64(fields.hour * 3600 + fields.minute * 60 + fields.second)
        let utc = utcOffset.map { local - Int64($0) } ?? self.converter.utcSeconds(fromLocal: local)
        let instant = Timestamp(secondsSinceEpoch: utc, microseconds: Int64(fields.microsecond))
        return instant.isRFC3339Representable ? instant : nil
    }
}
