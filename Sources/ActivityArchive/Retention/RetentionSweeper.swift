import ActivityModel
import ActivityRuntime
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// Deletes the archives that ``RetentionPlan`` selects, logging and counting every deletion.
///
/// The daemon runs it at start, after each rotation and every `retention-check-interval`; it is synchronous and
/// cheap (one directory listing), and takes "now" as a parameter so tests drive it with a fake clock.
public struct RetentionSweeper: Sendable {
    private let directory: ArchiveDirectory
    private let zone: CivilTimeZone
    private let logger: Logger
    private let counters: RetentionCounters
    /// The policy applied.
    public var policy: RetentionPolicy

    /// Creates a sweeper for `directory`, whose days are in `zone` (`rotation-timezone`), that counts what it
    /// deletes in `counters`.
    public init(
        directory: ArchiveDirectory,
        zone: CivilTimeZone,
        policy: RetentionPolicy,
        counters: RetentionCounters = RetentionCounters(),
        logger: Logger
    ) {
        self.directory = directory
        self.zone = zone
        self.policy = policy
        self.counters = counters
        self.logger = logger
    }

    /// Deletes what the policy says must go at wall-clock time `now`.
    ///
    /// - Returns: The paths deleted.
    @discardableResult
    public func sweep(now: Timestamp) throws -> [String] {
        var calendar = ArchiveCalendar(zone: self.zone)
        let today = calendar.day(of: now)
        var deleted: [String] = []
        for (entry, reason) in RetentionPlan.deletions(
            of: try self.directory.entries(),
            today: today,
            policy: self.policy
        ) {
            guard unlink(entry.path) == 0 else {
                self.logger.error(
                    "cannot delete archive",
                    metadata: ["archive.path": "\(entry.path)", "error": "\(ArchiveError(.remove, path: entry.path))"]
                )
                continue
            }
            let why: String
            switch reason {
            case .age(let days): why = "older than retention-days (\(days) days old)"
            case .totalSize: why = "archives exceed retention-max-size"
            }
            self.logger.notice(
                "deleted archive",
                metadata: ["archive.path": "\(entry.path)", "archive.size": "\(entry.size)", "reason": "\(why)"]
            )
            self.counters.add(.filesDeleted)
            self.counters.add(.bytesDeleted, entry.size)
            deleted.append(entry.path)
            Self.removeEmptyPartition(of: entry.path)
        }
        return deleted
    }

    /// Removes the `date=` directory a deleted file was in, once it holds nothing (another node's file keeps it).
    private static func removeEmptyPartition(of path: String) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let parent = String(path[..<slash])
        guard parent.split(separator: "/").last?.hasPrefix("date=") == true else { return }
        _ = rmdir(parent)
    }
}
