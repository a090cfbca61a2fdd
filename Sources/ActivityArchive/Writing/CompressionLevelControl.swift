import ActivityRuntime
import Logging
import Synchronization

/// Picks the compression level of each batch from the writer's queue and the UDP receive backlog (a
/// ``CompressionGear``), and logs the shifts, at most one line a minute under a load that keeps shifting it back and
/// forth.
///
/// ``reportReceiveBacklog()`` is one atomic store from any thread; ``level(pendingBytes:)`` runs on the writer thread.
final class CompressionLevelControl: @unchecked Sendable {
    /// How long one ``reportReceiveBacklog()`` keeps the overload level on.
    static let receiveBacklogHoldNanoseconds: UInt64 = 1_000_000_000

    private let logger: Logger
    /// When a UDP receive queue was last reported backing up (monotonic nanoseconds; 0: never).
    private let lastReceiveBacklog = Atomic<UInt64>(0)
    // Owned by the writer thread.
    private var gear: CompressionGear
    private var lastShiftLogged: UInt64?

    init(configuration: ArchiveConfiguration, logger: Logger) {
        self.gear = CompressionGear(configuration: configuration)
        self.logger = logger
    }

    /// Notes that a UDP socket's kernel receive queue is backing up.
    func reportReceiveBacklog() {
        self.lastReceiveBacklog.store(monotonicNanoseconds(), ordering: .relaxed)
    }

    /// The level for the batch being handed to compression while `pendingBytes` wait in the queue.
    func level(pendingBytes: Int) -> Int {
        let reported = self.lastReceiveBacklog.load(ordering: .relaxed)
        let now = monotonicNanoseconds()
        let receiveBacklog = reported != 0 && now < reported &+ Self.receiveBacklogHoldNanoseconds
        let (level, shifted) = self.gear.level(pendingBytes: pendingBytes, receiveBacklog: receiveBacklog)
        guard shifted, self.lastShiftLogged.map({ now &- $0 >= 60_000_000_000 }) ?? true else { return level }
        self.lastShiftLogged = now
        self.logger.notice(
            "\(self.gear.pressure.shiftMessage)",
            metadata: ["queue.bytes": "\(pendingBytes)", "compression.level": "\(level)"]
        )
        return level
    }
}
