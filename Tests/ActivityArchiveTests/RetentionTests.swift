import ActivityArchive
import ActivityModel
import ActivityRuntime
import Foundation
import Logging
import Testing

struct RetentionPlanTests {
    private let today = ArchiveDay(CivilDate(year: 2026, month: 11, day: 26))

    private func entries(_ ages: [Int], size: Int = 100) -> [ArchiveDirectory.Entry] {
        ages.map { age in
            let day = self.today.adding(days: -age)
            return ArchiveDirectory.Entry(day: day, path: "/a/\(day.fileName)", size: size)
        }
    }

    private func deletedAges(_ entries: [ArchiveDirectory.Entry], _ policy: RetentionPolicy) -> [Int] {
        RetentionPlan.deletions(of: entries, today: self.today, policy: policy).map {
            self.today.date.daysSinceEpoch - $0.entry.day.date.daysSinceEpoch
        }
    }

    @Test func deletesFilesOlderThanRetentionDays() {
        #expect(self.deletedAges(self.entries([0, 1, 89, 90, 91, 400]), RetentionPolicy(days: 90)) == [400, 91])
        #expect(self.deletedAges(self.entries([0, 1, 2]), RetentionPolicy(days: 0)) == [2, 1])
    }

    @Test func sizeLimitDeletesOldestButNeverToday() {
        let policy = RetentionPolicy(days: 90, maximumTotalBytes: 250)
        #expect(self.deletedAges(self.entries([0, 1, 2, 3, 4]), policy) == [4, 3, 2])
        #expect(self.deletedAges(self.entries([0], size: 10_000), policy) == [])
        #expect(self.deletedAges(self.entries([0, 1], size: 10_000), policy) == [1])
    }

    @Test func neverDeletesFutureFiles() {
        #expect(self.deletedAges(self.entries([-3, -1, 0]), RetentionPolicy(days: 0, maximumTotalBytes: 1)) == [])
    }
}

struct RetentionSweeperTests {
    /// Every deletion is counted, files and bytes, sweep after sweep.
    @Test func sweepsAgedFilesAndLeavesForeignOnes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let names = [
            "activity-2026-11-26.jsonl.gz", "activity-2026-08-28.jsonl.gz", "activity-2026-08-27.jsonl.gz",
            "activity-2025-01-01.jsonl.gz", "notes.txt", "activity-2020-01-01.jsonl.gz.keep",
            "activity-2020-01-01.jsonl",
        ]
        for name in names { try Data("x".utf8).write(to: URL(fileURLWithPath: directory.file(name))) }
        try FileManager.default.createDirectory(
            atPath: directory.file("activity-2019-01-01.jsonl.gz"),
            withIntermediateDirectories: false
        )
        let counters = RetentionCounters()
        let sweeper = RetentionSweeper(
            directory: try ArchiveDirectory(path: directory.path),
            zone: .utc,
            policy: RetentionPolicy(days: 90),
            counters: counters,
            logger: Logger(label: "test")
        )
        let now = Timestamp(utc: CivilDate(year: 2026, month: 11, day: 26), hour: 12, minute: 0, second: 0)
        let deleted = try sweeper.sweep(now: now).map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(deleted == ["activity-2025-01-01.jsonl.gz", "activity-2026-08-27.jsonl.gz"])
        #expect(counters.snapshot[.filesDeleted] == 2 && counters.snapshot[.bytesDeleted] == 2)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(
            left == [
                "activity-2019-01-01.jsonl.gz", "activity-2020-01-01.jsonl", "activity-2020-01-01.jsonl.gz.keep",
                "activity-2026-08-28.jsonl.gz", "activity-2026-11-26.jsonl.gz", "notes.txt",
            ]
        )
        // A day later, 2026-08-28 is 91 days old.
        #expect(try sweeper.sweep(now: now.adding(seconds: 86_400)).count == 1)
        #expect(counters.snapshot[.filesDeleted] == 3 && counters.snapshot[.bytesDeleted] == 3)
    }
}
