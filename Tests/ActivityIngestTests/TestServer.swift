import ActivityIngest
import ActivityModel
import Logging
import NIOPosix

/// An ingest server on one event-loop thread, feeding `writer` and counting into its own ``ListenerCounters``; the
/// caller shuts the group down after stopping the server.
func makeTestServer(writer: any RecordSink) -> (IngestServer, ListenerCounters, MultiThreadedEventLoopGroup) {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let counters = ListenerCounters()
    let server = IngestServer(
        group: group,
        writer: writer,
        rotationTimeZone: .utc,
        counters: counters,
        logger: Logger(label: "test")
    )
    return (server, counters, group)
}
