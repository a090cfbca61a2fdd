/// The values of a set of counters at one moment, indexed by their keys.
public struct CounterValues<Key: CounterKey>: Sendable, Equatable {
    private var values: [Int]

    /// All counters at zero.
    public init() {
        self.values = Array(repeating: 0, count: Key.allCases.count)
    }

    init(values: [Int]) {
        self.values = values
    }

    /// The value of one counter.
    public subscript(key: Key) -> Int {
        get { self.values[key.rawValue] }
        set { self.values[key.rawValue] = newValue }
    }

    /// Every counter with its value, in declaration order.
    public var all: [(key: Key, value: Int)] {
        Key.allCases.map { ($0, self[$0]) }
    }

    /// Each counter of `left` plus the same counter of `right`.
    public static func + (left: Self, right: Self) -> Self {
        Self(values: zip(left.values, right.values).map { $0 + $1 })
    }

    /// The sum of the counters that count losses.
    public var losses: Int {
        Key.allCases.reduce(0) { $1.description.isLoss ? $0 + self[$1] : $0 }
    }
}
