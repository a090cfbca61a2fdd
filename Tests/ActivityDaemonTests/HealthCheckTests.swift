import ActivityArchive
import Testing

@testable import ActivityDaemon

/// `/health` as a function of the listeners and the writer's load, without a daemon.
struct HealthCheckTests {
    private let check = HealthCheck(flushInterval: .milliseconds(500))
    private let second: UInt64 = 1_000_000_000

    private func load(records: Int, sinceProgress: UInt64) -> WriterLoad {
        WriterLoad(
            pendingBytes: records * 100,
            pendingRecords: records,
            nanosecondsSinceWrite: sinceProgress,
            nanosecondsSinceProgress: sinceProgress
        )
    }

    @Test func healthyWhileListeningAndWritingOrIdle() {
        #expect(
            self.check.problem(listenersBound: true, load: self.load(records: 0, sinceProgress: 3_600 * second)) == nil
        )
        #expect(self.check.problem(listenersBound: true, load: self.load(records: 9, sinceProgress: 2 * second)) == nil)
    }

    @Test func unhealthyBeforeTheListenersAreBound() {
        let problem = self.check.problem(listenersBound: false, load: self.load(records: 0, sinceProgress: 0))
        #expect(problem == "listeners are not bound yet")
    }

    @Test func unhealthyWhenRecordsWaitLongerThanTheFlushIntervalAndTwoSeconds() {
        #expect(self.check.stallLimitNanoseconds == 2_500_000_000)
        let problem = self.check.problem(listenersBound: true, load: self.load(records: 7, sinceProgress: 3 * second))
        #expect(problem == "the archive writer has written nothing for 3 s with 7 records queued")
    }
}
