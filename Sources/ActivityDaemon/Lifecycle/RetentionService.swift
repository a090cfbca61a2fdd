import ActivityArchive
import ActivityModel
import Logging
import ServiceLifecycle

/// Runs the retention sweeper at start (once the writer has recovered the archives), after every rotation and every
/// `retention-check-interval`.
actor RetentionService: Service {
    private var sweeper: RetentionSweeper
    private let clock: any WallClock
    private let logger: Logger
    private let writerStarted: AsyncStream<Void>
    private let rotations: AsyncStream<Void>

    /// Creates the service; it sweeps first when `writerStarted` finishes, then after each element of `rotations`
    /// (the writer yields one when a newer day starts).
    init(
        sweeper: RetentionSweeper,
        writerStarted: AsyncStream<Void>,
        rotations: AsyncStream<Void>,
        clock: any WallClock,
        logger: Logger
    ) {
        self.sweeper = sweeper
        self.writerStarted = writerStarted
        self.rotations = rotations
        self.clock = clock
        self.logger = logger
    }

    /// Applies a reloaded policy from the next sweep on.
    func update(policy: RetentionPolicy) {
        self.sweeper.policy = policy
    }

    func run() async throws {
        // Recovery and the first sweep must not work on the same file at once.
        for await _ in self.writerStarted.cancelOnGracefulShutdown() {}
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in self.rotations.cancelOnGracefulShutdown() { await self.sweep() }
            }
            group.addTask {
                while !Task.isCancelled, !Task.isShuttingDownGracefully {
                    await self.sweep()
                    let interval = await self.sweeper.policy.checkInterval
                    let slept: Void? = try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
                    if slept == nil { break }
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    private func sweep() {
        do {
            try self.sweeper.sweep(now: self.clock.now())
        } catch {
            self.logger.error("retention sweep failed", metadata: ["error": "\(error)"])
        }
    }
}
