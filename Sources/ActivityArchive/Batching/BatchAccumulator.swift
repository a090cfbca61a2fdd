import ActivityModel

/// Collects chunks into one batch per archive day and says when a batch must become a gzip member.
///
/// A pure state machine (no I/O, no clock of its own): the writer feeds it chunks and the monotonic time, and
/// performs the ``Action``s it returns. A batch is cut when it reaches ``maximumBatchBytes``, when it has been open
/// for the flush interval, or, for days before the newest one seen, as soon as a newer day starts (the rotation at
/// midnight: yesterday's file gets its last member at once, even if yesterday's chunks keep trickling in from slow
/// connections; each such late chunk makes its own small member).
public struct BatchAccumulator {
    /// A batch ready to be written as one member.
    public struct Batch: Sendable {
        /// The day's file it goes to.
        public var day: ArchiveDay
        /// JSON lines.
        public var lines: [UInt8]
        /// Number of lines.
        public var recordCount: Int
        /// Bytes of `lines` that came in chunks from streams (``RecordChunk/isFromStream``).
        public var streamBytes = 0
        /// `received` of the first record.
        public var firstReceived: Timestamp
        /// `received` of the last record.
        public var lastReceived: Timestamp
        /// When (monotonic nanoseconds) the batch was opened.
        var openedAt: UInt64
    }

    /// What the writer must do.
    public enum Action: Sendable {
        /// Write this batch as one member of its day's file.
        case write(Batch)
        /// A newer day than any before has started (rotation): run retention after writing.
        case rotated(to: ArchiveDay)
    }

    /// Size at which a batch is cut into a member.
    public let maximumBatchBytes: Int
    /// How long (nanoseconds) a batch may stay open.
    public let flushIntervalNanoseconds: UInt64
    private var open: [ArchiveDay: Batch] = [:]
    /// The newest day any chunk has had.
    public private(set) var newestDay: ArchiveDay?

    /// Creates an accumulator.
    public init(maximumBatchBytes: Int, flushIntervalNanoseconds: UInt64) {
        self.maximumBatchBytes = maximumBatchBytes
        self.flushIntervalNanoseconds = flushIntervalNanoseconds
    }

    /// Bytes held in open batches.
    public var bufferedBytes: Int { self.open.values.reduce(0) { $0 + $1.lines.count } }

    /// Adds a chunk at monotonic time `now`.
    public mutating func append(_ chunk: RecordChunk, now: UInt64) -> [Action] {
        guard !chunk.isEmpty else { return [] }
        var actions: [Action] = []
        if let newest = self.newestDay, chunk.day > newest {
            for day in self.open.keys.sorted() where day < chunk.day {
                actions.append(.write(self.open.removeValue(forKey: day)!))
            }
            actions.append(.rotated(to: chunk.day))
        }
        if self.newestDay == nil || chunk.day > self.newestDay! { self.newestDay = chunk.day }
        var batch = self.open.removeValue(forKey: chunk.day) ?? self.newBatch(for: chunk, now: now)
        chunk.lines.withUnsafeBytes { batch.lines.append(contentsOf: $0) }
        batch.recordCount += chunk.recordCount
        if chunk.isFromStream { batch.streamBytes += chunk.lines.count }
        batch.firstReceived = min(batch.firstReceived, chunk.firstReceived)
        batch.lastReceived = max(batch.lastReceived, chunk.lastReceived)
        if batch.lines.count >= self.maximumBatchBytes || (self.newestDay.map { chunk.day < $0 } ?? false) {
            actions.append(.write(batch))
        } else {
            self.open[chunk.day] = batch
        }
        return actions
    }

    private func newBatch(for chunk: RecordChunk, now: UInt64) -> Batch {
        var lines: [UInt8] = []
        // One allocation for the whole batch: appending would double it past maximumBatchBytes. Pages a small batch
        // never reaches are never touched, so they cost no memory.
        lines.reserveCapacity(self.maximumBatchBytes + max(chunk.lines.count, self.maximumBatchBytes >> 2))
        return Batch(
            day: chunk.day,
            lines: lines,
            recordCount: 0,
            firstReceived: chunk.firstReceived,
            lastReceived: chunk.lastReceived,
            openedAt: now
        )
    }

    /// Batches whose flush interval has passed at monotonic time `now`.
    public mutating func due(now: UInt64) -> [Action] {
        let expired = self.open.values.filter { now &- $0.openedAt >= self.flushIntervalNanoseconds }
        for batch in expired { self.open.removeValue(forKey: batch.day) }
        return expired.sorted { $0.day < $1.day }.map { .write($0) }
    }

    /// Monotonic time at which the oldest open batch is due, or `nil` when nothing is open.
    public var nextDeadline: UInt64? {
        self.open.values.map { $0.openedAt &+ self.flushIntervalNanoseconds }.min()
    }

    /// Every open batch, oldest day first: for shutdown.
    public mutating func drain() -> [Action] {
        let batches = self.open.values.sorted { $0.day < $1.day }
        self.open.removeAll()
        return batches.map { .write($0) }
    }
}
