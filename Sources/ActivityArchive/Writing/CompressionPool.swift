#if canImport(Glibc)
import ActivityRuntime
import Glibc
#endif

/// Threads that compress batches into gzip members in parallel (pigz's idea: members are independent).
///
/// Each thread owns a ``MemberCompressor`` per level it has been asked for (the ``CompressionGear`` uses two at
/// most). Jobs carry a sequence number and a level; the results come back through `onCompressed` in whatever order
/// they finish, and the ``ArchiveWriter`` appends them in sequence order.
///
/// The threads run at a lower priority (nice +``niceIncrement``) than the event loops: when the cores are busy,
/// reading sockets comes first, since a UDP socket that is not read in time loses datagrams in the kernel, while a
/// batch that waits for compression only waits (in the bounded queue).
final class CompressionPool: @unchecked Sendable {
    typealias Completion =
        @Sendable (_ sequence: Int, _ batch: BatchAccumulator.Batch, _ member: Result<[UInt8], any Error>) -> Void

    private let condition = ConditionLock()
    private var jobs: [(sequence: Int, level: Int, batch: BatchAccumulator.Batch)] = []
    private var isStopping = false
    private var running = 0
    private let onCompressed: Completion
    private let engine: CompressionEngine

    /// Starts `threads` compressing threads of `engine`, each with a compressor for `level` made at once (so a
    /// compressor that cannot be made fails here, at start).
    init(threads: Int, engine: CompressionEngine, level: Int, onCompressed: @escaping Completion) throws {
        self.onCompressed = onCompressed
        self.engine = engine
        for index in 0..<threads {
            let compressor = try engine.makeCompressor(level: level)
            self.condition.lock()
            self.running += 1
            self.condition.unlock()
            startDetachedThread(name: "compress-\(index)") { [self] in self.work([level: compressor]) }
        }
    }

    /// Queues a batch, to be compressed at `level`.
    func compress(_ batch: BatchAccumulator.Batch, sequence: Int, level: Int) {
        self.condition.lock()
        self.jobs.append((sequence, level, batch))
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

    private func work(_ initialCompressors: [Int: any MemberCompressor]) {
        var compressors = initialCompressors
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
            let (sequence, level, batch) = self.jobs.removeFirst()
            self.condition.unlock()
            let member = Result { () throws -> [UInt8] in
                if compressors[level] == nil { compressors[level] = try self.engine.makeCompressor(level: level) }
                let compressor = compressors[level]!
                return try batch.lines.withUnsafeBytes {
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
