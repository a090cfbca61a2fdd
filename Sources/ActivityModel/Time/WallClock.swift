/// Where "now" comes from for `received` timestamps and retention: the system clock, or a test's manual clock.
public protocol WallClock: Sendable {
    /// The current wall-clock time.
    func now() -> Timestamp
}

/// The system's real-time clock.
public struct SystemWallClock: WallClock {
    /// Creates the system clock.
    public init() {}

    public func now() -> Timestamp { Timestamp.now() }
}
