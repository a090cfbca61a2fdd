import Logging
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#endif

/// Logs an event at most once per key (a sender address) per interval, so a flood of refused packets costs a
/// counter increment, not a log line each. Remembers at most `capacity` keys; beyond that it starts afresh.
final class RateLimitedLog: Sendable {
    private let lastLogged = NIOLockedValueBox<[String: UInt64]>([:])
    private let intervalNanoseconds: UInt64
    private let capacity: Int

    init(interval: Duration = .seconds(60), capacity: Int = 10_000) {
        self.intervalNanoseconds = UInt64(interval.components.seconds) * 1_000_000_000
        self.capacity = capacity
    }

    /// `true` when an event for `key` should be logged now (and records that it was).
    func shouldLog(_ key: String) -> Bool {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        let now = UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
        return self.lastLogged.withLockedValue { entries in
            if let last = entries[key], now &- last < self.intervalNanoseconds { return false }
            if entries.count >= self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = now
            return true
        }
    }
}
