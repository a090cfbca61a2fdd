import Testing

@testable import ActivityIngest

struct RateLimitedLogTests {
    private static let second: UInt64 = 1_000_000_000

    @Test func oneLinePerSenderPerInterval() {
        let limiter = RateLimitedLog(interval: .seconds(60), linesPerInterval: 100)
        #expect(limiter.decide("10.0.0.1", at: 0) == .log(heldBack: 0))
        #expect(limiter.decide("10.0.0.1", at: 59 * Self.second) == .skip)
        #expect(limiter.decide("10.0.0.2", at: 59 * Self.second) == .log(heldBack: 0))
        #expect(limiter.decide("10.0.0.1", at: 60 * Self.second) == .log(heldBack: 0))
    }

    @Test func spoofedSendersAreCappedPerIntervalAndTheHeldBackAreReported() {
        let limiter = RateLimitedLog(interval: .seconds(60), linesPerInterval: 3)
        var logged = 0
        for sender in 0..<1_000 where limiter.decide("10.0.\(sender / 256).\(sender % 256)", at: 0) != .skip {
            logged += 1
        }
        #expect(logged == 3)
        // A held-back sender is not remembered as logged: in the next interval it gets its line, which also
        // reports how many refusals went unlogged before it.
        #expect(limiter.decide("10.0.3.231", at: 30 * Self.second) == .skip)
        #expect(limiter.decide("10.0.3.231", at: 61 * Self.second) == .log(heldBack: 998))
        #expect(limiter.decide("10.0.3.232", at: 62 * Self.second) == .log(heldBack: 0))
    }

    @Test func aTimeBeforeTheWindowStartsIsInsideItNotANewWindow() {
        let limiter = RateLimitedLog(interval: .seconds(60), linesPerInterval: 1)
        #expect(limiter.decide("a", at: 100 * Self.second) == .log(heldBack: 0))
        // Another thread's earlier clock reading must not wrap around into "a minute has passed".
        #expect(limiter.decide("b", at: 99 * Self.second) == .skip)
        #expect(limiter.decide("a", at: 99 * Self.second) == .skip)
        #expect(limiter.decide("b", at: 160 * Self.second) == .log(heldBack: 1))
    }

    @Test func forgetsEveryoneBeyondCapacityInsteadOfGrowing() {
        let limiter = RateLimitedLog(interval: .seconds(60), linesPerInterval: 1_000, capacity: 2)
        #expect(limiter.decide("a", at: 0) == .log(heldBack: 0))
        #expect(limiter.decide("b", at: 0) == .log(heldBack: 0))
        #expect(limiter.decide("c", at: 0) == .log(heldBack: 0))
        // "a" was forgotten to make room, so it is logged again within the interval.
        #expect(limiter.decide("a", at: 1) == .log(heldBack: 0))
    }
}
