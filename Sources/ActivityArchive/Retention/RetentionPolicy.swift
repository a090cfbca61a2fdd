import ActivityModel

/// How long archives are kept: by age, and optionally by total size.
public struct RetentionPolicy: Sendable, Equatable {
    /// `retention-days`: a file whose day is more than this many days before today is deleted.
    public var days: Int
    /// `retention-max-size`: when set, the oldest files are deleted until the total fits (today's file never is).
    public var maximumTotalBytes: Int?
    /// `retention-check-interval`: how often the sweeper runs besides at start and after each rotation.
    public var checkInterval: Duration

    /// Creates a policy with the defaults activitylogd.conf(5) documents.
    public init(days: Int = 90, maximumTotalBytes: Int? = nil, checkInterval: Duration = .seconds(3600)) {
        self.days = days
        self.maximumTotalBytes = maximumTotalBytes
        self.checkInterval = checkInterval
    }
}

/// Which archives a sweep deletes: a pure function of the files, today and the policy, tested without a disk.
public enum RetentionPlan {
    /// Why a file is deleted.
    public enum Reason: Equatable, Sendable {
        /// Its day is more than `retention-days` before today.
        case age(days: Int)
        /// The archives together exceeded `retention-max-size`.
        case totalSize
    }

    /// The files to delete, oldest first, with the reason for each.
    ///
    /// Today's file and files dated after today (a clock that went back) are never deleted.
    public static func deletions(
        of entries: [ArchiveDirectory.Entry],
        today: ArchiveDay,
        policy: RetentionPolicy
    ) -> [(entry: ArchiveDirectory.Entry, reason: Reason)] {
        let sorted = entries.sorted { $0.day < $1.day }
        var deletions: [(ArchiveDirectory.Entry, Reason)] = []
        var kept: [ArchiveDirectory.Entry] = []
        for entry in sorted {
            let age = today.date.daysSinceEpoch - entry.day.date.daysSinceEpoch
            if age > policy.days {
                deletions.append((entry, .age(days: age)))
            } else {
                kept.append(entry)
            }
        }
        if let limit = policy.maximumTotalBytes {
            var total = kept.reduce(0) { $0 + $1.size }
            for entry in kept where total > limit && entry.day < today {
                deletions.append((entry, .totalSize))
                total -= entry.size
            }
        }
        return deletions
    }
}
