import ActivityArchive
import ActivityModel
import Logging
import ServiceLifecycle

/// Runs the retention sweeper at start, after every rotation and every `retention-check-interval`.
actor RetentionService: Service {
    private var sweeper: RetentionSweeper
    private let clock: any WallClock
    private let logger: Logger
    private let rotations: AsyncStream<Void>
    private let rotationContinuation: AsyncStream<Void>.Continuation

    init(sweeper: RetentionSweeper, clock: any WallClock, logger: Logger) {
        self.sweeper = sweeper
        self.clock = clock
        self.logger = logger
        (self.rotations, self.rotationContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for a sweep now (called from the writer thread on rotation).
    nonisolated func rotated() {
        self.rotationContinuation.yield()
    }

    /// Applies a reloaded policy from the next sweep on.
    func update(policy: RetentionPolicy) {
        self.sweeper.policy = policy
    }

    func run() async throws {
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
