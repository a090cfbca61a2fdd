import ActivityRuntime
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// What a TCP connection or UDP receiver is doing, for draining at shutdown: when it last read, and whether it holds
/// records the writer has not taken yet.
final class ChannelActivity: Sendable {
    private let lastRead = Atomic<UInt64>(ChannelActivity.now())
    private let holding = Atomic<Bool>(false)

    /// Records reading now (called when a read burst starts, at every chunk handed over, and when the burst ends, so
    /// a long burst is never taken for a quiet channel).
    func didRead() {
        self.lastRead.store(Self.now(), ordering: .relaxed)
    }

    /// Marks whether the channel holds chunks the writer refused. Letting go counts as reading: a paused connection
    /// reads again now, and the bytes the kernel kept for it meanwhile must not pass for a quiet sender at shutdown.
    func setHolding(_ isHolding: Bool) {
        if self.holding.exchange(isHolding, ordering: .relaxed), !isHolding { self.didRead() }
    }

    /// `true` while refused chunks wait for room.
    var isHolding: Bool { self.holding.load(ordering: .relaxed) }

    /// `true` when nothing was read for `nanoseconds` and nothing is held.
    func isQuiet(for nanoseconds: UInt64) -> Bool {
        !self.isHolding && Self.now() &- self.lastRead.load(ordering: .relaxed) >= nanoseconds
    }

    static func now() -> UInt64 { monotonicNanoseconds() }
}
