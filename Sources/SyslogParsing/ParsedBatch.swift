import ActivityModel

/// Records parsed a batch at a time, one phase over the whole batch before the next: ``SyslogParser`` parses each
/// message into the next record (`parse(_:truncated:context:into:)` with a batch), ``SyslogParser/finish(_:)`` then
/// extracts the activity fields of them all, and the caller encodes the finished records (``forEachFinished(_:)``).
/// Each phase's code and branch history stay warm across the batch instead of being evicted by the other two at
/// every message, which makes extraction about 15 % cheaper (`scripts/bench-parse.sh`).
///
/// A batch reuses its records, so it allocates only while they grow to the largest messages it has held (up to
/// ``largestKeptText``: a record that held more starts again empty); a thread keeps one and lends it to whoever is
/// parsing, rather than each connection keeping its own.
public struct ParsedBatch {
    /// The most records a batch holds: enough for each phase to warm up, few enough that the records stay in cache.
    public static let capacity = 64

    private var records: [ActivityRecord] = []
    /// How many records hold a message of this batch, parsed or finished.
    public private(set) var count = 0
    /// How many of them are finished: the first ones.
    private var finishedCount = 0

    /// Creates an empty batch.
    public init() {}

    /// Whether the batch holds ``capacity`` messages.
    public var isFull: Bool { self.count == Self.capacity }

    /// Calls `body` with each finished record in place, in the order the messages were parsed.
    ///
    /// In place (`inout`), because a record lent to a closure any other way is copied first: a retain and a release
    /// for each array it holds, which costs more than encoding a short record.
    public mutating func forEachFinished(_ body: (inout ActivityRecord) -> Void) {
        for index in 0..<self.finishedCount { body(&self.records[index]) }
    }

    /// The most text storage a record keeps between batches. A thread keeps its batch for good, so a record that held
    /// a huge message (`max-message-size` allows 16 MiB) gives its storage up rather than keep it for the thread's
    /// lifetime: 64 such records would pin gigabytes.
    public static let largestKeptText = 64 << 10

    /// Empties the batch, keeping its records' storage for the next messages, unless a record's is larger than
    /// ``largestKeptText``.
    public mutating func removeAll() {
        for index in 0..<self.count { self.records[index].releaseTextRoom(over: Self.largestKeptText) }
        (self.count, self.finishedCount) = (0, 0)
    }

    /// Lets `parse` fill the next record.
    mutating func parseNext(_ parse: (inout ActivityRecord) -> Void) {
        precondition(self.count < Self.capacity, "a full batch must be finished and emptied first")
        if self.count == self.records.count { self.records.append(ActivityRecord()) }
        parse(&self.records[self.count])
        self.count += 1
    }

    /// Lets `finish` complete each record parsed since the last call, and counts them finished.
    mutating func finishEach(_ finish: (inout ActivityRecord) -> Void) {
        for index in self.finishedCount..<self.count { finish(&self.records[index]) }
        self.finishedCount = self.count
    }
}
