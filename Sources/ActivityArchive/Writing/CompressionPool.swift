#if canImport(Glibc)
import Glibc
#endif

/// Threads that compress batches into gzip members in parallel (pigz's idea: members are independent).
///
/// The threads run at a lower priority (nice +``niceIncrement``) than the event loops: when the cores are busy, reading
/// sockets comes first, since a UDP socket that is not read in time loses datagrams in the kernel, while a batch
/// that waits for compression only waits (in the bounded queue). Each thread owns a ``MemberCompressor``. Jobs carry a sequence number; the results come back through `onCompressed` in
/// whatever order they finish, and the ``ArchiveWriter`` appends them in sequence order.
final class CompressionPool: @unchecked Sendable {
    typealias Completion =
        @Sendable (_ sequence: Int, _ batch: BatchAccumulator.Batch, _ member: Result<[UInt8], any Error>) -> Void

    private let condition = ConditionLock()
    private var jobs: [(Int, BatchAccumulator.Batch)] = []
    private var isStopping = false
    private var running = 0
    private let onCompressed: Completion

    /// Starts `threads` compressing threads with `engine` at `level`.
    init(threads: Int, engine: CompressionEngine, level: Int, onCompressed: @escaping Completion) throws {
        self.onCompressed = onCompressed
        for index in 0..<threads {
            let compressor = try engine.makeCompressor(level: level)
            self.condition.lock()
            self.running += 1
            self.condition.unlock()
            startDetachedThread(name: "compress-\(index)") { [self] in self.work(compressor) }
        }
    }

    /// Queues a batch.
    func compress(_ batch: BatchAccumulator.Batch, sequence: Int) {
        self.condition.lock()
        self.jobs.append((sequence, batch))
        self.condition.broadcast()
        self.condition.unlock()
    }

    /// Finishes the queued jobs, then stops the threads; blocks until they are gone.
    func shutdown() {
        self.condition.lock()
        self.isStopping = true
        self.condition.broadcast()
        while self.running > 0 { self.condition.wait() }
        self.condition.unlock()
    }

    /// How much nicer than the rest of the process the compressing threads are.
    static let niceIncrement: Int32 = 5

    private func work(_ compressor: any MemberCompressor) {
        // On Linux the nice value is per thread, and `who` 0 is the calling thread. Failure keeps the priority.
        let process = __priority_which_t(PRIO_PROCESS.rawValue)
        _ = setpriority(process, 0, getpriority(process, 0) + Self.niceIncrement)
        while true {
            self.condition.lock()
            while self.jobs.isEmpty, !self.isStopping { self.condition.wait() }
            guard !self.jobs.isEmpty else {
                self.running -= 1
                self.condition.broadcast()
                self.condition.unlock()
                return
            }
            let (sequence, batch) = self.jobs.removeFirst()
            self.condition.unlock()
            let member = Result {
                try batch.lines.withUnsafeBytes {
                    try GzipMember.encode(
                        lines: $0,
                        recordCount: batch.recordCount,
                        firstReceived: batch.firstReceived,
                        lastReceived: batch.lastReceived,
                        compressor: compressor
                    ).bytes
                }
            }
            self.onCompressed(sequence, batch, member)
        }
    }
}
