import Synchronization

/// Counters that threads and event loops add to without a lock; a reader takes a ``snapshot``.
public final class AtomicCounters<Key: CounterKey>: Sendable {
    /// One counter's storage: `Atomic` cannot live in an array by value.
    private final class Cell: Sendable {
        let value = Atomic<Int>(0)
    }

    private let cells: [Cell]

    /// Creates counters at zero.
    public init() {
        self.cells = Key.allCases.map { _ in Cell() }
    }

    /// Adds `amount` to one counter.
    public func add(_ key: Key, _ amount: Int = 1) {
        self.cells[key.rawValue].value.add(amount, ordering: .relaxed)
    }

    /// The counters now.
    public var snapshot: CounterValues<Key> {
        CounterValues(values: self.cells.map { $0.value.load(ordering: .relaxed) })
    }
}
