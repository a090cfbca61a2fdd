/// `--count-by FIELD`: how many selected records have each value of a field (`-` for none), most first.
public struct CountTable {
    private let field: RecordField
    private var counts: [String: Int] = [:]

    /// Creates an empty table for `field`.
    public init(field: RecordField) {
        self.field = field
    }

    /// Counts one selected line.
    public mutating func add(_ line: UnsafeRawBufferPointer) {
        self.counts[self.field.value(in: line) ?? "-", default: 0] += 1
    }

    /// The rows, most first (ties by value), at most `limit` of them: `COUNT VALUE`, the counts aligned.
    public func rendered(limit: Int? = nil) -> String {
        let rows = self.counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(limit ?? Int.max)
        let width = rows.map { String($0.value).count }.max() ?? 0
        return rows.map { String(repeating: " ", count: width - String($0.value).count) + "\($0.value) \($0.key)\n" }
            .joined()
    }
}
