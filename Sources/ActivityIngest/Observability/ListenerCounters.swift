import ActivityRuntime
import Synchronization

/// The ingest counters of every listener, one set each, so `/metrics` tells listeners apart while the `statistics`
/// line gives their ``totals``.
///
/// A listener looks its counters up once, when it is bound, and counts into them without a lock, as into one global
/// set. A listener that a reload closes keeps its counts (they stay in the totals since start), and finds them again
/// if a later reload binds it once more.
public final class ListenerCounters: Sendable {
    private let byListener = Mutex<[ListenerConfiguration: IngestCounters]>([:])

    /// No listener counted yet.
    public init() {}

    /// The counters `listener` counts into, made at zero the first time.
    public func counters(for listener: ListenerConfiguration) -> IngestCounters {
        self.byListener.withLock { counters in
            if let existing = counters[listener] { return existing }
            let made = IngestCounters()
            counters[listener] = made
            return made
        }
    }

    /// Every listener's counters now.
    public var snapshots: [ListenerConfiguration: CounterValues<IngestCounter>] {
        self.byListener.withLock { $0 }.mapValues(\.snapshot)
    }

    /// The counters of all listeners added up: what the `statistics` line gives.
    public var totals: CounterValues<IngestCounter> { Self.totals(of: self.snapshots) }

    /// The counters of the listeners in `snapshots` added up.
    public static func totals(
        of snapshots: [ListenerConfiguration: CounterValues<IngestCounter>]
    ) -> CounterValues<IngestCounter> {
        snapshots.values.reduce(CounterValues(), +)
    }
}
