import ActivityArchive

/// What `GET /health` answers: healthy while every listener is bound and the writer keeps up; otherwise the reason,
/// for a load balancer or a Kubernetes probe.
struct HealthCheck: Sendable {
    /// How long the writer may hold records without writing before it counts as stuck: its `flush-interval`, plus
    /// two seconds for compressing and appending a full batch.
    let stallLimitNanoseconds: UInt64

    init(flushInterval: Duration) {
        self.stallLimitNanoseconds = (flushInterval + .seconds(2)).nanoseconds
    }

    /// `nil` when healthy, else why not.
    func problem(listenersBound: Bool, load: WriterLoad) -> String? {
        guard listenersBound else { return "listeners are not bound yet" }
        guard !load.isStalled(limit: self.stallLimitNanoseconds) else {
            let seconds = load.nanosecondsSinceProgress / 1_000_000_000
            return "the archive writer has written nothing for \(seconds) s with \(load.pendingRecords) records queued"
        }
        return nil
    }
}
