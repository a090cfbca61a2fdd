import Testing

@testable import ActivityIngest

#if canImport(Glibc)
import Glibc
#endif

/// What shutdown asks of a connection before closing it: has it read lately, does it hold refused chunks.
struct ChannelActivityTests {
    /// Quiet for 50 ms; the tests sleep 60 ms to pass it, and ask right after an event to be within it.
    private let moment: UInt64 = 50_000_000

    @Test func aConnectionIsQuietOnlyWhenItNeitherReadNorHolds() {
        let activity = ChannelActivity()
        usleep(60_000)
        #expect(activity.isQuiet(for: self.moment))
        activity.didRead()
        #expect(!activity.isQuiet(for: self.moment), "just read")
        usleep(60_000)
        activity.setHolding(true)
        #expect(!activity.isQuiet(for: self.moment), "holding chunks the writer refused")
    }

    /// A paused connection reads again when the writer takes its chunks; what the kernel kept for it meanwhile is
    /// still to be read, so shutdown must not close it as quiet in that instant.
    @Test func lettingGoOfHeldChunksCountsAsReading() {
        let activity = ChannelActivity()
        activity.setHolding(true)
        usleep(60_000)
        activity.setHolding(false)
        #expect(!activity.isQuiet(for: self.moment), "resumed reading just now")
        usleep(60_000)
        activity.setHolding(false)
        #expect(activity.isQuiet(for: self.moment), "only letting go counts, not every hand-over")
    }
}
