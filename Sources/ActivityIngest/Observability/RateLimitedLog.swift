import ActivityRuntime
import Logging
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#endif

/// Decides which of a flood of events get a log line: at most one per key (a sender address) per interval, and at
/// most `linesPerInterval` in any interval over all keys, so neither one sender nor a stream of spoofed ones turns
/// into a log line per packet. What it holds back is counted and reported on the next line it lets through.
/// Remembers at most `capacity` keys; beyond that it starts afresh.
final class RateLimitedLog: Sendable {
    /// What to do with one event.
    enum Decision: Equatable {
        /// Log it, saying how many events of new keys were held back by the overall limit since the last line.
        case log(heldBack: Int)
        /// Do not log it.
        case skip
    }

    private struct State {
        var lastLogged: [String: UInt64] = [:]
        var windowStart: UInt64?
        var linesInWindow = 0
        var heldBack = 0
    }

    private let state = NIOLockedValueBox(State())
    private let intervalNanoseconds: UInt64
    /// The most lines let through in one interval, over all keys.
    let linesPerInterval: Int
    private let capacity: Int

    init(interval: Duration = .seconds(60), linesPerInterval: Int = 100, capacity: Int = 10_000) {
        self.intervalNanoseconds = UInt64(interval.components.seconds) * 1_000_000_000
        self.linesPerInterval = linesPerInterval
        self.capacity = capacity
    }

    /// The decision for an event of `key` now.
    func decide(_ key: String) -> Decision {
        self.decide(key, at: monotonicNanoseconds())
    }

    /// The decision for an event of `key` at `now` (monotonic nanoseconds).
    func decide(_ key: String, at now: UInt64) -> Decision {
        self.decide(key) { now }
    }

    /// Reads the clock under the lock, so that threads deciding at once see times in order. A time before the
    /// window's start (a caller's own clock) still counts as inside the window.
    private func decide(_ key: String, clock: () -> UInt64) -> Decision {
        self.state.withLockedValue { state in
            let now = clock()
            if let last = state.lastLogged[key], now < last || now - last < self.intervalNanoseconds { return .skip }
            if let start = state.windowStart, now < start || now - start < self.intervalNanoseconds {
                guard state.linesInWindow < self.linesPerInterval else {
                    state.heldBack += 1
                    return .skip
                }
            } else {
                state.windowStart = now
                state.linesInWindow = 0
            }
            if state.lastLogged.count >= self.capacity { state.lastLogged.removeAll(keepingCapacity: true) }
            state.lastLogged[key] = now
            state.linesInWindow += 1
            defer { state.heldBack = 0 }
            return .log(heldBack: state.heldBack)
        }
    }
}
