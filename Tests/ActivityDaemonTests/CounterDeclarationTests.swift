import ActivityArchive
import ActivityDaemon
import ActivityIngest
import ActivityModel
import ActivityRuntime
import Testing

/// The counters are declared once; these tests hold the declarations to the promises other places rely on.
@Suite struct CounterDeclarationTests {
    @Test func everyCounterHasItsOwnStatisticsNameAndMetricSeries() {
        let all = DaemonCounters.declared.map { ($0.statisticsName, Self.series($0.description)) }
        #expect(Set(all.map(\.0)).count == all.count)
        #expect(Set(all.map(\.1)).count == all.count)
        #expect(all.allSatisfy { $0.1.hasPrefix("activitylog_") })
    }

    @Test func lossesAreTheCountsOfMessagesLostOrCutAndOfFailedWrites() {
        var ingest = CounterValues<IngestCounter>()
        for key in IngestCounter.allCases { ingest[key] = 1 }
        var archive = ArchiveStatistics()
        for key in ArchiveCounter.allCases { archive[key] = 10 }
        let lossNames =
            (IngestCounter.allCases.filter(\.description.isLoss).map(\.statisticsName)
                + ArchiveCounter.allCases.filter(\.description.isLoss).map(\.statisticsName))
        #expect(
            lossNames.sorted() == [
                "archive.records_lost", "archive.write_failures", "ingest.connections_refused", "ingest.lost",
                "ingest.proxy_refused_malformed", "ingest.proxy_refused_missing", "ingest.tls_on_plain_listener",
                "ingest.truncated", "ingest.udp_dropped_kernel", "ingest.udp_dropped_queue_full",
            ]
        )
        #expect(ingest.losses == 8 && archive.losses == 20)
        #expect(RetentionCounter.allCases.allSatisfy { !$0.description.isLoss }, "retention deletes by design")
    }

    /// Each listener counts into its own set, found again by the same listener; the totals add them up.
    @Test func listenerCountersKeepOneSetPerListenerAndAddUp() {
        let counters = ListenerCounters()
        let tcp = ListenerConfiguration(transport: .tcp, host: "127.0.0.1", port: 5514)
        let udp = ListenerConfiguration(transport: .udp, host: "127.0.0.1", port: 5514)
        counters.counters(for: tcp).add(.messagesReceived, 3)
        counters.counters(for: udp).add(.messagesReceived, 4)
        counters.counters(for: tcp).add(.connectionsTimedOut)
        #expect(counters.counters(for: tcp) === counters.counters(for: tcp))
        #expect(counters.snapshots[tcp]?[.messagesReceived] == 3 && counters.snapshots[udp]?[.messagesReceived] == 4)
        #expect(counters.totals[.messagesReceived] == 7 && counters.totals[.connectionsTimedOut] == 1)
    }

    @Test func atomicCountersAddPerKey() {
        let counters = IngestCounters()
        counters.add(.messagesReceived, 5)
        counters.add(.readsPaused)
        counters.add(.messagesReceived)
        let snapshot = counters.snapshot
        #expect(snapshot[.messagesReceived] == 6 && snapshot[.readsPaused] == 1 && snapshot[.messagesLost] == 0)
        #expect(snapshot.all.map(\.key) == IngestCounter.allCases)
    }

    private static func series(_ description: CounterDescription) -> String {
        description.metric + description.labels.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
    }
}
