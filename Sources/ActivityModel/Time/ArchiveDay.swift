/// A calendar day of the archive, in the `rotation-timezone`: the day a record's `received` falls on, which picks
/// its archive file. ``ArchiveCalendar`` finds it; the archive names files after it.
public struct ArchiveDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The date.
    public var date: CivilDate

    /// Creates the day of a date.
    public init(_ date: CivilDate) {
        self.date = date
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(self.date.year, 4))-\(pad(self.date.month, 2))-\(pad(self.date.day, 2))"
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> ArchiveDay {
        ArchiveDay(CivilDate(daysSinceEpoch: self.date.daysSinceEpoch + count))
    }

    public static func < (lhs: ArchiveDay, rhs: ArchiveDay) -> Bool {
        lhs.date.daysSinceEpoch < rhs.date.daysSinceEpoch
    }
}
