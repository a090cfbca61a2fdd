import ActivityModel
import ActivityRuntime
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// Appends compressed members to the day's file, durably when the ``SyncSchedule`` says so, retrying a failed write
/// (disk full, I/O error) with backoff from 100 ms to 10 s until it is on disk, or, once the writer stops, until
/// three attempts failed. The file never holds part of a member (``ArchiveFile``), so a retry appends it once.
///
/// Owned by the writer thread; not thread-safe.
final class MemberAppender {
    private let files: DailyArchiveFiles
    private var sync: SyncSchedule
    private let metrics: WriterMetrics
    private let logger: Logger

    init(files: DailyArchiveFiles, sync: SyncSchedule, metrics: WriterMetrics, logger: Logger) {
        self.files = files
        self.sync = sync
        self.metrics = metrics
        self.logger = logger
    }

    /// Appends `member` of `batch`.
    ///
    /// - Parameters:
    ///   - isStopping: Whether the writer is stopping (asked after each failure).
    ///   - onFailure: Called for every failed attempt (the writer counts them).
    /// - Returns: `true` once the member is on disk; `false` when it was given up at shutdown.
    func append(
        _ member: [UInt8],
        of batch: BatchAccumulator.Batch,
        isStopping: () -> Bool,
        onFailure: () -> Void
    ) -> Bool {
        var backoff: UInt64 = 100_000_000
        var failures = 0
        let start = monotonicNanoseconds()
        while true {
            do {
                try self.appendOnce(member, day: batch.day)
                self.metrics.memberWritten(records: batch.recordCount, nanoseconds: monotonicNanoseconds() &- start)
                return true
            } catch {
                failures += 1
                onFailure()
                if failures == 1 || failures % 10 == 0 {
                    self.logger.error(
                        "cannot write archive member, will retry",
                        metadata: ["archive.day": "\(batch.day)", "error": "\(error)", "attempt": "\(failures)"]
                    )
                }
                if failures >= 3, isStopping() {
                    self.logger.critical(
                        "giving up on archive member at shutdown",
                        metadata: ["archive.day": "\(batch.day)", "member.records": "\(batch.recordCount)"]
                    )
                    return false
                }
                usleep(useconds_t(backoff / 1000))
                backoff = min(backoff * 2, 10_000_000_000)
            }
        }
    }

    private func appendOnce(_ member: [UInt8], day: ArchiveDay) throws {
        let now = monotonicNanoseconds()
        let isDue = self.sync.isDue(day, now: now)
        try self.files.append(member, day: day, sync: isDue)
        if isDue { self.sync.synced(day, at: now) }
    }
}
