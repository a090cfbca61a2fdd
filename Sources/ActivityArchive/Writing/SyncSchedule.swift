import ActivityModel

/// When a member's write is followed by `fdatasync`, by the `fsync` policy: never, always, or once per file per
/// interval. A value: the writer asks it and tells it, with the monotonic time.
struct SyncSchedule {
    private let policy: ArchiveConfiguration.FsyncPolicy
    private var lastSync: [ArchiveDay: UInt64] = [:]

    init(policy: ArchiveConfiguration.FsyncPolicy) {
        self.policy = policy
    }

    /// Whether the member written to `day`'s file at `now` should be synced.
    func isDue(_ day: ArchiveDay, now: UInt64) -> Bool {
        switch self.policy {
        case .none: false
        case .always: true
        case .interval(let interval): now &- (self.lastSync[day] ?? 0) >= interval.nanoseconds
        }
    }

    /// `day`'s file was synced at `now`.
    mutating func synced(_ day: ArchiveDay, at now: UInt64) {
        self.lastSync[day] = now
    }
}
