import ActivityModel
import ActivityRuntime
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// Turns submitted chunks into gzip members appended to daily files, on a thread of its own.
///
/// Ingest handlers call ``submit(_:from:)`` from their event loops; the writer thread batches chunks per day
/// (``BatchAccumulator``), hands each batch to a ``CompressionPool`` (one thread per core, since members are
/// independent), and appends the finished members in the order the batches were cut, each with one write.
///
/// Memory is bounded by `queue-size`: bytes count from submission until their member is on disk, and past the limit
/// ``submit(_:from:)`` refuses, which UDP handlers answer by dropping (counted). TCP and TLS handlers are refused
/// earlier, at ``ArchiveConfiguration/streamPauseBytes``, and pause reads until ``whenSpaceAvailable(_:)`` fires.
/// A failed write (disk full, I/O error) keeps its batch, is retried with backoff from 100 ms to 10 s, and never
/// leaves part of a member in the file; the writer resumes by itself when space returns.
///
/// ``start()`` recovers the newest archives (``ArchiveRecovery``) before the first write; every other file is
/// recovered when first opened (``DailyArchiveFiles``). ``shutdown()`` writes everything submitted so far and closes
/// the files.
public final class ArchiveWriter: RecordSink, @unchecked Sendable {
    private let configuration: ArchiveConfiguration
    private let directory: ArchiveDirectory
    private let logger: Logger
    private let onRotation: @Sendable (ArchiveDay) -> Void
    /// Added to by the writer thread and by recovery; a written member's counts are added under `condition`.
    private let counters = AtomicCounters<ArchiveCounter>()

    // Guarded by `condition`.
    private let condition = ConditionLock()
    private var intake: WriterIntake
    private var sequencer = MemberSequencer<(BatchAccumulator.Batch, Result<[UInt8], any Error>)>()

    // Owned by the writer thread.
    private var accumulator: BatchAccumulator
    private let files: DailyArchiveFiles
    private let appender: MemberAppender
    private var compressor: CompressionPool?
    private let levelControl: CompressionLevelControl
    private var isStarted = false

    /// Creates a writer; nothing is touched on disk until ``start()``, except creating the directory.
    ///
    /// - Parameters:
    ///   - configuration: Directory, zone, compression, batching, durability and queue limits.
    ///   - logger: Where members, recoveries and failures are logged.
    ///   - metrics: The histograms of members written.
    ///   - onRotation: Called on the writer thread when a newer day starts (for retention).
    public init(
        configuration: ArchiveConfiguration,
        logger: Logger,
        metrics: WriterMetrics = .none,
        onRotation: @escaping @Sendable (ArchiveDay) -> Void = { _ in }
    ) throws {
        self.configuration = configuration
        self.directory = try ArchiveDirectory(path: configuration.directory, naming: configuration.naming)
        self.logger = logger
        self.onRotation = onRotation
        self.accumulator = BatchAccumulator(
            maximumBatchBytes: configuration.batchSize,
            flushIntervalNanoseconds: configuration.flushInterval.nanoseconds
        )
        self.files = try DailyArchiveFiles(directory: self.directory, logger: logger, counters: self.counters)
        self.intake = WriterIntake(
            budget: QueueBudget(queueSize: configuration.queueSize, streamPauseBytes: configuration.streamPauseBytes),
            now: monotonicNanoseconds()
        )
        self.appender = MemberAppender(
            files: self.files,
            sync: SyncSchedule(policy: configuration.fsync),
            metrics: metrics,
            logger: logger
        )
        self.levelControl = CompressionLevelControl(configuration: configuration, logger: logger)
    }

    /// Counters so far, read under the lock a member is counted under: its records, member and bytes show together.
    public var statistics: ArchiveStatistics { self.withLock { self.counters.snapshot } }

    /// What the writer holds now, and how recently it wrote.
    public var load: WriterLoad { self.withLock { self.intake.load(now: monotonicNanoseconds()) } }

    /// Recovers the archives a crash can have torn, then starts the writer thread; any other file is recovered
    /// before its first append. A file that cannot be recovered now does not stop the start (it is logged, and not
    /// written to until it can be recovered).
    public func start() throws {
        self.files.recoverAtStart(
            try RecoveryCandidates.files(in: self.directory, zone: self.configuration.rotationTimeZone)
        )
        self.compressor = try CompressionPool(
            threads: availableProcessorCount(),
            engine: self.configuration.compressionEngine,
            level: self.configuration.compressionLevel
        ) { [self] sequence, batch, member in
            self.condition.lock()
            self.sequencer.finish(sequence, (batch, member))
            self.condition.broadcast()
            self.condition.unlock()
        }
        self.withLock { self.isStarted = true }
        startDetachedThread(name: "archive-writer") { [self] in self.runLoop() }
    }

    /// Queues a chunk for writing: a stream is refused once streams have ``ArchiveConfiguration/streamPauseBytes``
    /// queued, a datagram receiver may fill the whole `queue-size` (``WriterIntake``).
    public func submit(_ chunk: RecordChunk, from submitter: RecordSubmitter) -> RecordSubmission {
        guard !chunk.isEmpty else { return .accepted }
        self.condition.lock()
        defer { self.condition.unlock() }
        let result = self.intake.submit(chunk, from: submitter, now: monotonicNanoseconds())
        if result == .accepted { self.condition.broadcast() }
        return result
    }

    /// How long one ``reportReceiveBacklog()`` keeps the overload level on.
    public static let receiveBacklogHoldNanoseconds = CompressionLevelControl.receiveBacklogHoldNanoseconds

    /// Tells the writer that a UDP socket's kernel receive queue is backing up: members are compressed at
    /// `overload-compression-level` until no report has come for ``receiveBacklogHoldNanoseconds``, leaving the CPU
    /// to the thread that reads the socket (see ``CompressionGear``). One atomic store; any thread.
    public func reportReceiveBacklog() { self.levelControl.reportReceiveBacklog() }

    /// Calls `callback` (once, on the writer thread) when a ``RecordSubmitter/stream`` would be accepted again; at
    /// once if it would be now.
    public func whenSpaceAvailable(_ callback: @escaping @Sendable () -> Void) {
        if self.withLock({ self.intake.waitForSpace(callback) }) { callback() }
    }

    /// Writes everything submitted so far, closes the files and stops the thread. Blocks until done.
    public func shutdown() {
        self.condition.lock()
        self.intake.requestStop()
        self.condition.broadcast()
        while self.intake.phase != .stopped, self.isStarted { self.condition.wait() }
        let waiters = self.intake.markStopped()
        self.condition.unlock()
        for waiter in waiters { waiter() }
    }

    // MARK: writer thread

    private func runLoop() {
        while true {
            self.condition.lock()
            while !self.intake.hasQueuedChunks, self.intake.phase == .running, !self.sequencer.isNextReady {
                let deadline = self.accumulator.nextDeadline
                if let deadline, deadline <= monotonicNanoseconds() { break }
                if let deadline { self.condition.wait(untilMonotonic: deadline) } else { self.condition.wait() }
            }
            let chunks = self.intake.takeQueued()
            let stopping = self.intake.phase != .running
            self.condition.unlock()

            let now = monotonicNanoseconds()
            var actions = chunks.flatMap { self.accumulator.append($0, now: now) }
            actions += self.accumulator.due(now: now)
            if stopping { actions += self.accumulator.drain() }
            self.perform(actions)
            self.appendCompressedMembers(stopping: stopping, waitForAll: stopping)
            // Waiters woken by the last writes may have submitted more; take it all before refusing.
            if stopping, self.withLock({ self.intake.refuseIfDrained() }) { break }
        }
        self.compressor?.shutdown()
        self.files.closeAll()
        self.condition.lock()
        let waiters = self.intake.markStopped()
        self.condition.broadcast()
        self.condition.unlock()
        for waiter in waiters { waiter() }
    }

    /// Appends compressed members in the order their batches were cut; with `waitForAll`, until none is pending.
    private func appendCompressedMembers(stopping: Bool, waitForAll: Bool) {
        while self.withLock({ self.sequencer.hasOutstanding }) {
            self.condition.lock()
            while waitForAll, !self.sequencer.isNextReady { self.condition.wait() }
            let ready = self.sequencer.takeNext()
            self.condition.unlock()
            guard let (batch, member) = ready else { return }
            switch member {
            case .success(let bytes):
                self.write(bytes, of: batch, stopping: stopping)
            case .failure(let error):
                self.logger.critical("cannot compress batch", metadata: ["error": "\(error)"])
                self.finish(batch, written: nil)
            }
        }
    }

    private func perform(_ actions: [BatchAccumulator.Action]) {
        for action in actions {
            switch action {
            case .write(let batch):
                let level = self.nextLevel()
                let sequence = self.withLock { self.sequencer.issue() }
                self.compressor?.compress(batch, sequence: sequence, level: level)
            case .rotated(let day):
                self.logger.info("archive rotated", metadata: ["archive.day": "\(day)"])
                self.files.close(before: day.adding(days: -1))
                self.onRotation(day)
            }
        }
    }

    /// The level for the batch being handed to compression (``CompressionLevelControl``), counted when it is not
    /// the configured one.
    private func nextLevel() -> Int {
        let level = self.levelControl.level(pendingBytes: self.withLock { self.intake.budget.pendingBytes })
        if level != self.configuration.compressionLevel {
            self.counters.add(.membersCompressedUnderLoad)
        }
        return level
    }

    /// Appends one member through the ``MemberAppender`` (which retries with backoff) and releases its batch.
    private func write(_ member: [UInt8], of batch: BatchAccumulator.Batch, stopping: Bool) {
        let written = self.appender.append(
            member,
            of: batch,
            isStopping: { stopping || self.withLock { self.intake.phase != .running } },
            onFailure: { self.counters.add(.writeFailures) }
        )
        self.finish(batch, written: written ? member.count : nil)
    }

    /// Runs `body` holding the lock that guards the queue, the budget and the sequencer.
    private func withLock<Value>(_ body: () -> Value) -> Value {
        self.condition.lock()
        defer { self.condition.unlock() }
        return body()
    }

    /// Releases a batch's bytes from the queue budget and counts it as written (or lost).
    private func finish(_ batch: BatchAccumulator.Batch, written bytes: Int?) {
        self.condition.lock()
        let waiters = self.intake.release(batch, written: bytes != nil, now: monotonicNanoseconds())
        if let bytes {
            self.counters.add(.recordsWritten, batch.recordCount)
            self.counters.add(.membersWritten)
            self.counters.add(.bytesWritten, bytes)
        } else {
            self.counters.add(.recordsLost, batch.recordCount)
        }
        self.condition.unlock()
        for waiter in waiters { waiter() }
    }
}
