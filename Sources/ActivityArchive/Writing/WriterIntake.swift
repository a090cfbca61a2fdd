import ActivityModel

/// What the writer has been handed and not yet written — the queue of chunks, the ``QueueBudget`` that bounds it,
/// the streams waiting for space — and the writer's stop, as a value with no lock and no thread: events in, actions
/// out (which callbacks to call), tested on its own.
///
/// A stop goes `running` → `stopping` (the writer drains; chunks are still taken, since a stream woken by the last
/// writes may submit more) → `refusing` (drained; every submit answers `.stopped`) → `stopped` (thread gone).
struct WriterIntake {
    /// Where the writer is in its life.
    enum Phase: Equatable {
        case running, stopping, refusing, stopped
    }

    private(set) var phase = Phase.running
    private(set) var budget: QueueBudget
    /// Records submitted and not yet written (or given up on).
    private(set) var pendingRecords = 0
    /// When a member was last written (monotonic nanoseconds; the intake's creation until then).
    private(set) var lastWrite: UInt64
    /// When the writer last made progress: wrote a member, or found records waiting after none were.
    private(set) var lastProgress: UInt64
    private var queue: [RecordChunk] = []
    private var spaceWaiters: [@Sendable () -> Void] = []

    init(budget: QueueBudget, now: UInt64) {
        self.budget = budget
        self.lastWrite = now
        self.lastProgress = now
    }

    /// Whether chunks wait for the writer thread.
    var hasQueuedChunks: Bool { !self.queue.isEmpty }

    /// Takes a chunk, submitted at monotonic time `now`, if the budget has room for it and the writer still takes
    /// chunks.
    mutating func submit(_ chunk: RecordChunk, from submitter: RecordSubmitter, now: UInt64) -> RecordSubmission {
        guard self.phase == .running || self.phase == .stopping else { return .stopped }
        guard self.budget.take(chunk.lines.count, from: submitter) else { return .queueFull }
        var chunk = chunk
        chunk.isFromStream = submitter == .stream
        self.queue.append(chunk)
        if self.pendingRecords == 0 { self.lastProgress = now }
        self.pendingRecords += chunk.recordCount
        return .accepted
    }

    /// Parks `callback` until a stream would be accepted again.
    ///
    /// - Returns: `true` when it should be called now instead (there is room, or the writer no longer takes chunks).
    mutating func waitForSpace(_ callback: @escaping @Sendable () -> Void) -> Bool {
        if self.budget.accepts(.stream) || self.phase == .refusing || self.phase == .stopped { return true }
        self.spaceWaiters.append(callback)
        return false
    }

    /// The queued chunks, handed to the writer thread.
    mutating func takeQueued() -> [RecordChunk] {
        defer { self.queue.removeAll(keepingCapacity: true) }
        return self.queue
    }

    /// A stop was asked for: the writer drains what it has.
    mutating func requestStop() {
        if self.phase == .running { self.phase = .stopping }
    }

    /// Refuses every further chunk if nothing is queued.
    ///
    /// - Returns: Whether the queue was drained (and the intake now refuses).
    mutating func refuseIfDrained() -> Bool {
        guard self.queue.isEmpty else { return false }
        self.phase = .refusing
        return true
    }

    /// Gives back the budget of a batch whose member was written at `now` (`written`), or given up on.
    ///
    /// - Returns: The streams to wake, if a stream would now be accepted.
    mutating func release(
        _ batch: BatchAccumulator.Batch,
        written: Bool,
        now: UInt64
    ) -> [@Sendable () -> Void] {
        if written { (self.lastWrite, self.lastProgress) = (now, now) }
        self.budget.release(batch.lines.count, streamBytes: batch.streamBytes)
        self.pendingRecords -= batch.recordCount
        return self.budget.accepts(.stream) ? self.takeWaiters() : []
    }

    /// The writer thread is gone.
    ///
    /// - Returns: The streams still waiting, to wake (their next submit answers `.stopped`).
    mutating func markStopped() -> [@Sendable () -> Void] {
        self.phase = .stopped
        return self.takeWaiters()
    }

    private mutating func takeWaiters() -> [@Sendable () -> Void] {
        defer { self.spaceWaiters.removeAll() }
        return self.spaceWaiters
    }
}
