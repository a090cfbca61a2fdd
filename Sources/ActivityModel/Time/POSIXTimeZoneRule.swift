/// A POSIX `TZ` rule such as `CET-1CEST,M3.5.0,M10.5.0/3`: the footer of a TZif file, which gives the offsets
/// after its last listed transition, or the value of the `TZ` variable itself.
///
/// Follows POSIX.1-2017 §8.3 with RFC 8536's extensions (transition hours from -167 to 167, so that permanent
/// daylight time can be written as `EST5EDT,0/0,J365/25`). A zone with daylight time but no rule uses the US rule
/// `M3.2.0,M11.1.0`, as glibc does.
public struct POSIXTimeZoneRule: Sendable, Equatable {
    /// When in a year daylight time starts or ends.
    enum Day: Sendable, Equatable {
        /// `Jn`: day 1–365, never counting February 29.
        case julianNoLeap(Int)
        /// `n`: day 0–365 counting February 29.
        case zeroBased(Int)
        /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (1–5, 5 = last) of month `m`.
        case monthWeekDay(month: Int, week: Int, weekday: Int)
    }

    /// A transition: the day and the local wall time (seconds, may be negative or past a day) it happens at.
    struct Transition: Sendable, Equatable {
        var day: Day
        var seconds: Int
    }

    /// Seconds east of UTC in standard time.
    let standardOffset: Int
    /// Seconds east of UTC in daylight time, start and end; `nil` without daylight time.
    let daylight: (offset: Int, start: Transition, end: Transition)?

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.standardOffset == rhs.standardOffset && lhs.daylight?.offset == rhs.daylight?.offset
            && lhs.daylight?.start == rhs.daylight?.start && lhs.daylight?.end == rhs.daylight?.end
    }

    /// Parses a rule; `nil` if it is not valid POSIX `TZ` syntax.
    public init?(_ text: String) {
        var scanner = Scanner(Array(text.utf8))
        guard scanner.skipName(), let standard = scanner.offset(maximumHours: 24) else { return nil }
        self.standardOffset = -standard
        if scanner.isAtEnd {
            self.daylight = nil
            return
        }
        guard scanner.skipName() else { return nil }
        var daylightOffset = self.standardOffset + 3600
        if !scanner.isAtEnd, scanner.peek != UInt8(ascii: ",") {
            guard let offset = scanner.offset(maximumHours: 24) else { return nil }
            daylightOffset = -offset
        }
        let start: Transition
        let end: Transition
        if scanner.isAtEnd {
            start = Transition(day: .monthWeekDay(month: 3, week: 2, weekday: 0), seconds: 7200)
            end = Transition(day: .monthWeekDay(month: 11, week: 1, weekday: 0), seconds: 7200)
        } else {
            guard scanner.take(UInt8(ascii: ",")), let first = scanner.transition(), scanner.take(UInt8(ascii: ",")),
                let second = scanner.transition(), scanner.isAtEnd
            else { return nil }
            (start, end) = (first, second)
        }
        self.daylight = (daylightOffset, start, end)
    }

    /// Seconds east of UTC at an instant given in seconds since the epoch.
    public func offset(atUTC seconds: Int64) -> Int {
        guard let daylight = self.daylight else { return self.standardOffset }
        let localDay = Self.floorDivide(seconds + Int64(self.standardOffset), 86_400)
        let year = CivilDate(daysSinceEpoch: Int(localDay)).year
        // A start is in standard time, an end in daylight time, both local.
        let start = Self.instant(of: daylight.start, in: year) - Int64(self.standardOffset)
        let end = Self.instant(of: daylight.end, in: year) - Int64(daylight.offset)
        let inDaylight = start < end ? (start <= seconds && seconds < end) : !(end <= seconds && seconds < start)
        return inDaylight ? daylight.offset : self.standardOffset
    }

    /// Local seconds since the epoch at which `transition` happens in `year`.
    private static func instant(of transition: Transition, in year: Int) -> Int64 {
        let january1 = CivilDate(year: year, month: 1, day: 1).daysSinceEpoch
        let day: Int
        switch transition.day {
        case .julianNoLeap(let number):
            day = january1 + number - 1 + (CivilDate.isLeapYear(year) && number >= 60 ? 1 : 0)
        case .zeroBased(let number):
            day = january1 + number
        case .monthWeekDay(let month, let week, let weekday):
            let first = CivilDate(year: year, month: month, day: 1).daysSinceEpoch
            let firstWeekday = (first + 4) % 7  // 1970-01-01 was a Thursday
            var candidate = first + (weekday - firstWeekday + 7) % 7 + 7 * (week - 1)
            let length = CivilDate.daysIn(month: month, year: year)
            while candidate >= first + length { candidate -= 7 }
            day = candidate
        }
        return Int64(day) * 86_400 + Int64(transition.seconds)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }

    /// Reads the parts of a rule from its bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var isAtEnd: Bool { self.position == self.bytes.count }
        var peek: UInt8? { self.isAtEnd ? nil : self.bytes[self.position] }

        mutating func take(_ byte: UInt8) -> Bool {
            guard self.peek == byte else { return false }
            self.position += 1
            return true
        }

        /// A zone abbreviation: three or more letters, or anything between `<` and `>`.
        mutating func skipName() -> Bool {
            if self.take(UInt8(ascii: "<")) {
                guard let close = self.bytes[self.position...].firstIndex(of: UInt8(ascii: ">")),
                    close - self.position >= 1
                else { return false }
                self.position = close + 1
                return true
            }
            let start = self.position
            while let byte = self.peek, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") {
                self.position += 1
            }
            return self.position - start >= 3
        }

        /// `[+-]hh[:mm[:ss]]` in seconds (POSIX sign: positive is west of Greenwich for zone offsets).
        mutating func offset(maximumHours: Int) -> Int? {
            let negative = self.take(UInt8(ascii: "-"))
            if !negative { _ = self.take(UInt8(ascii: "+")) }
            guard let hours = self.number(maximum: maximumHours) else { return nil }
            var seconds = hours * 3600
            if self.take(UInt8(ascii: ":")) {
                guard let minutes = self.number(maximum: 59) else { return nil }
                seconds += minutes * 60
                if self.take(UInt8(ascii: ":")) {
                    guard let extra = self.number(maximum: 59) else { return nil }
                    seconds += extra
                }
            }
            return negative ? -seconds : seconds
        }

        /// A day (`Jn`, `n` or `Mm.w.d`) with an optional `/time`.
        mutating func transition() -> Transition? {
            let day: Day
            if self.take(UInt8(ascii: "J")) {
                guard let number = self.number(maximum: 365), number >= 1 else { return nil }
                day = .julianNoLeap(number)
            } else if self.take(UInt8(ascii: "M")) {
                guard let month = self.number(maximum: 12), month >= 1, self.take(UInt8(ascii: ".")),
                    let week = self.number(maximum: 5), week >= 1, self.take(UInt8(ascii: ".")),
                    let weekday = self.number(maximum: 6)
                else { return nil }
                day = .monthWeekDay(month: month, week: week, weekday: weekday)
            } else {
                guard let number = self.number(maximum: 365) else { return nil }
                day = .zeroBased(number)
            }
            var seconds = 7200
            if self.take(UInt8(ascii: "/")) {
                guard let time = self.offset(maximumHours: 167) else { return nil }
                seconds = time
            }
            return Transition(day: day, seconds: seconds)
        }

        /// One to three decimal digits, at most `maximum`.
        mutating func number(maximum: Int) -> Int? {
            var value = 0
            var digits = 0
            while let byte = self.peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 3 {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                self.position += 1
            }
            return digits > 0 && value <= maximum ? value : nil
        }
    }
}
