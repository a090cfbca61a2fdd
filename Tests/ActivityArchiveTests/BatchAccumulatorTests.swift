import ActivityArchive
import ActivityModel
import Testing

struct BatchAccumulatorTests {
    private let day26 = ArchiveDay(CivilDate(year: 2026, month: 11, day: 26))
    private var day27: ArchiveDay { self.day26.adding(days: 1) }

    private func writtenDays(_ actions: [BatchAccumulator.Action]) -> [ArchiveDay] {
        actions.compactMap { if case .write(let batch) = $0 { batch.day } else { nil } }
    }

    @Test func holdsBatchesUntilTheFlushInterval() {
        var accumulator = BatchAccumulator(maximumBatchBytes: 1 << 20, flushIntervalNanoseconds: 1_000_000_000)
        #expect(accumulator.append(recordChunk(self.day26, records: 3), now: 0).isEmpty)
        #expect(accumulator.append(recordChunk(self.day26, records: 2), now: 500_000_000).isEmpty)
        #expect(accumulator.nextDeadline == 1_000_000_000)
        #expect(accumulator.due(now: 999_999_999).isEmpty)
        let due = accumulator.due(now: 1_000_000_000)
        guard case .write(let batch) = due.first else {
            Issue.record("expected a write")
            return
        }
        #expect(batch.recordCount == 5)
        #expect(batch.firstReceived == Timestamp(microsecondsSinceEpoch: 0))
        #expect(batch.lastReceived == Timestamp(microsecondsSinceEpoch: 2))
        #expect(accumulator.nextDeadline == nil)
    }

    @Test func cutsABatchAtTheSizeLimit() {
        var accumulator = BatchAccumulator(maximumBatchBytes: 1000, flushIntervalNanoseconds: .max)
        var written = 0
        for _ in 0..<50 {
            written += self.writtenDays(accumulator.append(recordChunk(self.day26, records: 1), now: 0)).count
        }
        let lineLength = recordChunk(self.day26, records: 1).lines.count
        let recordsPerBatch = (1000 + lineLength - 1) / lineLength
        #expect(written == 50 / recordsPerBatch)
    }

    @Test func rotationAtMidnightWritesYesterdayAndStartsToday() {
        var accumulator = BatchAccumulator(maximumBatchBytes: 1 << 20, flushIntervalNanoseconds: 1_000_000_000)
        #expect(accumulator.append(recordChunk(self.day26, records: 4), now: 0).isEmpty)
        let actions = accumulator.append(recordChunk(self.day27, records: 1), now: 10)
        #expect(self.writtenDays(actions) == [self.day26])
        guard case .rotated(let day) = actions.last else {
            Issue.record("expected a rotation")
            return
        }
        #expect(day == self.day27)
        // A late chunk of yesterday (a slow connection) is written at once, to yesterday's file.
        #expect(self.writtenDays(accumulator.append(recordChunk(self.day26, records: 1), now: 20)) == [self.day26])
        #expect(self.writtenDays(accumulator.drain()) == [self.day27])
    }

    @Test func drainWritesEveryOpenBatchOldestFirst() {
        var accumulator = BatchAccumulator(maximumBatchBytes: 1 << 20, flushIntervalNanoseconds: .max)
        _ = accumulator.append(recordChunk(self.day26, records: 1), now: 0)
        #expect(self.writtenDays(accumulator.drain()) == [self.day26])
        #expect(accumulator.drain().isEmpty)
    }
}

struct ArchiveDayTests {
    @Test func namesRoundTrip() {
        let day = ArchiveDay(CivilDate(year: 2026, month: 1, day: 5))
        #expect(day.fileName == "activity-2026-01-05.jsonl.gz")
        #expect(ArchiveDay(fileName: day.fileName) == day)
        #expect(day.fileName(part: 2) == "activity-2026-01-05.2.jsonl.gz")
        #expect(ArchiveDay(fileName: day.fileName(part: 2)) == day)
        #expect(ArchiveDay(fileName: day.fileName(part: 999)) == day)
    }

    @Test(arguments: [
        "activity-2026-11-26.jsonl", "activity-2026-11-26.jsonl.gz.bak", "activity-2026-13-01.jsonl.gz",
        "activity-2026-02-30.jsonl.gz", "xactivity-2026-11-26.jsonl.gz", "activity-26-11-26.jsonl.gz",
        "activity-2026-11-2a.jsonl.gz", "notes.txt", "", "activity-2026_11_26.jsonl.gz",
        "activity-2026-11-26.1.jsonl.gz", "activity-2026-11-26.02.jsonl.gz", "activity-2026-11-26.x.y.jsonl.gz",
        "activity-2026-11-26..jsonl.gz", "activity-2026-11-26.1000.jsonl.gz", "activity-2026-11-26.jsonl.gz.torn-5",
    ])
    func rejectsEveryOtherName(name: String) {
        #expect(ArchiveDay(fileName: name) == nil)
    }

    @Test func calendarCutsDaysInTheRotationZone() throws {
        var utc = ArchiveCalendar(zone: .utc)
        var tokyo = ArchiveCalendar(zone: try #require(CivilTimeZone(name: "Asia/Tokyo")))
        let beforeMidnightUTC = Timestamp(
            utc: CivilDate(year: 2026, month: 11, day: 26),
            hour: 23,
            minute: 59,
            second: 59
        )
        #expect(utc.day(of: beforeMidnightUTC).description == "2026-11-26")
        #expect(utc.day(of: beforeMidnightUTC.adding(seconds: 1)).description == "2026-11-27")
        #expect(tokyo.day(of: beforeMidnightUTC).description == "2026-11-27")
        let beforeMidnightTokyo = Timestamp(
            utc: CivilDate(year: 2026, month: 11, day: 26),
            hour: 14,
            minute: 59,
            second: 59
        )
        #expect(tokyo.day(of: beforeMidnightTokyo).description == "2026-11-26")
        #expect(tokyo.day(of: beforeMidnightTokyo.adding(seconds: 1)).description == "2026-11-27")
    }
}
