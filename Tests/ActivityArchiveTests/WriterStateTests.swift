import ActivityModel
import Testing

@testable import ActivityArchive

/// The writer's decisions as values, without threads or files: the queue budget and the order of members.
struct WriterStateTests {
    /// `take` is mutating, which `#expect` cannot call: the results go through a local first.
    private func take(_ budget: inout QueueBudget, _ bytes: Int, _ submitter: RecordSubmitter) -> Bool {
        budget.take(bytes, from: submitter)
    }

    @Test func streamsPauseAtTheirShareWhileDatagramsMayFillTheQueue() {
        var budget = QueueBudget(queueSize: 100, streamPauseBytes: 40)
        let taken = [take(&budget, 30, .stream), take(&budget, 15, .stream)]
        #expect(taken == [true, true], "below the share when submitted")
        #expect(!budget.accepts(.stream), "45 of 40: streams pause")
        let refused = take(&budget, 1, .stream)
        #expect(!refused)
        let datagrams = [take(&budget, 54, .datagram), take(&budget, 1, .datagram)]
        #expect(datagrams == [true, true], "datagrams may go on until the queue is full")
        #expect(budget.pendingBytes == 100)
        #expect(!budget.accepts(.datagram))
    }

    @Test func releasingABatchLetsStreamsReadAgain() {
        var budget = QueueBudget(queueSize: 100, streamPauseBytes: 40)
        let taken = take(&budget, 40, .stream)
        #expect(taken)
        #expect(!budget.accepts(.stream))
        budget.release(40, streamBytes: 40)
        #expect(budget.accepts(.stream))
        #expect(budget == QueueBudget(queueSize: 100, streamPauseBytes: 40))
    }

    @Test func datagramsCannotKeepStreamsPausedBeyondTheQueue() {
        var budget = QueueBudget(queueSize: 100, streamPauseBytes: 40)
        let taken = take(&budget, 100, .datagram)
        #expect(taken)
        #expect(!budget.accepts(.stream), "a full queue refuses streams too")
        budget.release(100, streamBytes: 0)
        #expect(budget.accepts(.stream))
    }

    @Test func membersComeOutInTheOrderTheirBatchesWereCut() {
        var sequencer = MemberSequencer<String>()
        let first = sequencer.issue()
        let second = sequencer.issue()
        let third = sequencer.issue()
        #expect([first, second, third] == [0, 1, 2])
        sequencer.finish(third, "c")
        sequencer.finish(second, "b")
        #expect(!sequencer.isNextReady, "the first is not compressed yet")
        #expect(sequencer.takeNext() == nil)
        sequencer.finish(first, "a")
        #expect(sequencer.takeNext() == "a")
        #expect(sequencer.takeNext() == "b")
        #expect(sequencer.hasOutstanding)
        #expect(sequencer.takeNext() == "c")
        #expect(!sequencer.hasOutstanding)
        #expect(sequencer.takeNext() == nil)
    }

    // MARK: intake

    private let day = ArchiveDay(CivilDate(year: 2026, month: 12, day: 7))

    /// A batch holding `chunks`, as the accumulator cuts it.
    private func batch(of chunks: [RecordChunk]) -> BatchAccumulator.Batch {
        var accumulator = BatchAccumulator(maximumBatchBytes: 1 << 30, flushIntervalNanoseconds: 1)
        for chunk in chunks { _ = accumulator.append(chunk, now: 0) }
        let batches = accumulator.drain().compactMap { action -> BatchAccumulator.Batch? in
            if case .write(let batch) = action { return batch } else { return nil }
        }
        return batches[0]
    }

    @Test func intakeQueuesWithinTheBudgetAndWakesStreamsWhenABatchIsWritten() {
        let chunk = recordChunk(self.day, records: 10)
        var intake = WriterIntake(budget: QueueBudget(queueSize: 10_000, streamPauseBytes: chunk.lines.count), now: 0)
        let results = [
            intake.submit(chunk, from: .stream, now: 0), intake.submit(chunk, from: .stream, now: 0),
            intake.submit(chunk, from: .datagram, now: 0),
        ]
        #expect(results == [.accepted, .queueFull, .accepted], "streams hold their share, datagrams go on")
        #expect(intake.pendingRecords == 20)
        let woken = Counter()
        let callNow = intake.waitForSpace { woken.add() }
        #expect(!callNow, "no room for a stream: parked")
        let queued = intake.takeQueued()
        #expect(queued.map(\.isFromStream) == [true, false] && !intake.hasQueuedChunks)
        let afterDatagram = intake.release(self.batch(of: [queued[1]]), written: true, now: 5)
        #expect(afterDatagram.isEmpty, "the datagram's bytes do not free the streams")
        for waiter in intake.release(self.batch(of: [queued[0]]), written: true, now: 9) { waiter() }
        #expect(woken.value == 1 && intake.pendingRecords == 0 && intake.lastWrite == 9)
        let callNowAgain = intake.waitForSpace {}
        #expect(callNowAgain, "room again: call at once")
    }

    @Test func intakeTakesChunksWhileStoppingAndRefusesOnceDrained() {
        var intake = WriterIntake(budget: QueueBudget(queueSize: 10_000, streamPauseBytes: 5_000), now: 0)
        intake.requestStop()
        let last = intake.submit(recordChunk(self.day, records: 1), from: .stream, now: 0)
        #expect(last == .accepted, "a stream woken by the last writes may still submit")
        let drainedTooEarly = intake.refuseIfDrained()
        #expect(!drainedTooEarly, "a chunk is still queued")
        _ = intake.takeQueued()
        let drained = intake.refuseIfDrained()
        let refused = intake.submit(recordChunk(self.day, records: 1), from: .datagram, now: 0)
        let callNow = intake.waitForSpace {}
        #expect(drained && refused == .stopped && callNow, "a refusing writer never parks a stream")
        let waiters = intake.markStopped()
        #expect(waiters.isEmpty && intake.phase == .stopped)
    }

    @Test func aStopWakesEveryParkedStream() {
        let chunk = recordChunk(self.day, records: 5)
        var intake = WriterIntake(budget: QueueBudget(queueSize: chunk.lines.count, streamPauseBytes: 1), now: 0)
        let taken = intake.submit(chunk, from: .stream, now: 0)
        let parked = [intake.waitForSpace {}, intake.waitForSpace {}]
        let waiters = intake.markStopped()
        #expect(taken == .accepted && parked == [false, false] && waiters.count == 2)
    }
}

/// A count that `@Sendable` closures may add to.
private final class Counter: @unchecked Sendable {
    private(set) var value = 0
    func add() { self.value += 1 }
}
