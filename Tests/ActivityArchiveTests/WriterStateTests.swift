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
}
