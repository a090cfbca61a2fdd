#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An instant in UTC with microsecond precision: the unit of both `time` and `received`.
///
/// Stored as microseconds since 1970-01-01T00:00:00Z, so comparison and arithmetic are integer operations and no
/// calendar object is needed on the per-message path.
public struct Timestamp: Hashable, Comparable, Sendable {
    /// Microseconds since the Unix epoch (negative before 1970).
    public var microsecondsSinceEpoch: Int64

    /// Creates a timestamp from microseconds since the Unix epoch.
    @inlinable
    public init(microsecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    /// Creates a timestamp from whole seconds since the Unix epoch plus a microsecond fraction.
    @inlinable
    public init(secondsSinceEpoch: Int64, microseconds: Int64 = 0) {
        self.microsecondsSinceEpoch = secondsSinceEpoch * 1_000_000 + microseconds
    }

    /// Creates a timestamp from a civil date and time in UTC. Fields are not range-checked; see ``CivilDate``.
    public init(utc date: CivilDate, hour: Int, minute: Int, second: Int, microsecond: Int = 0) {
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(secondsSinceEpoch: seconds, microseconds: Int64(microsecond))
    }

    /// Whole seconds since the epoch, rounded towards negative infinity.
    @inlinable
    public var secondsSinceEpoch: Int64 {
        let (quotient, remainder) = self.microsecondsSinceEpoch.quotientAndRemainder(dividingBy: 1_000_000)
        return remainder < 0 ? quotient - 1 : quotient
    }

    /// The timestamp moved by a number of seconds.
    @inlinable
    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(microsecondsSinceEpoch: self.microsecondsSinceEpoch + seconds * 1_000_000)
    }

    /// The current wall-clock time.
    public static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(secondsSinceEpoch: Int64(spec.tv_sec), microseconds: Int64(spec.tv_nsec) / 1000)
    }

    /// The earliest instant an RFC 3339 timestamp can spell: `0000-01-01T00:00:00.000000Z`.
    public static let rfc3339Minimum = Timestamp(
        utc: CivilDate(year: 0, month: 1, day: 1),
        hour: 0,
        minute: 0,
        second: 0
    )
    /// The latest instant an RFC 3339 timestamp can spell: `9999-12-31T23:59:59.999999Z`.
    public static let rfc3339Maximum = Timestamp(
        utc: CivilDate(year: 9999, month: 12, day: 31),
        hour: 23,
        minute: 59,
        second: 59,
        microsecond: 999_999
    )

    /// `true` when the instant can be written as a four-digit-year RFC 3339 timestamp.
    @inlinable
    public var isRFC3339Representable: Bool {
        self >= Self.rfc3339Minimum && self <= Self.rfc3339Maximum
    }

    @inlinable
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }
}
