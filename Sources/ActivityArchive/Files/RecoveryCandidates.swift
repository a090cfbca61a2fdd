import ActivityModel

#if canImport(Glibc)
import Glibc
#endif

/// Which archives the writer recovers at start, before its first write.
enum RecoveryCandidates {
    /// The files the writer may have been appending to when it stopped: today's and yesterday's by the clock, the
    /// two with the latest days in their names, and the two modified last. A clock that was once ahead leaves
    /// later-dated files, with later modification times, beside the one a crash tore.
    static func files(in directory: ArchiveDirectory, zone: CivilTimeZone) throws -> Set<String> {
        let entries = try directory.entries()
        var calendar = ArchiveCalendar(zone: zone)
        let now = Timestamp.now()
        let recentDays: Set = [calendar.day(of: now), calendar.day(of: now.adding(seconds: -86_400))]
        let byModification = entries.map { (path: $0.path, modified: Self.modified($0.path)) }
            .sorted { $0.modified < $1.modified }
        return Set(entries.filter { recentDays.contains($0.day) }.map(\.path))
            .union(entries.suffix(2).map(\.path))
            .union(byModification.suffix(2).map(\.path))
    }

    /// A file's modification time in nanoseconds since the epoch (0 when it cannot be read).
    private static func modified(_ path: String) -> Int {
        var status = stat()
        guard stat(path, &status) == 0 else { return 0 }
        return status.st_mtim.tv_sec * 1_000_000_000 + status.st_mtim.tv_nsec
    }
}
