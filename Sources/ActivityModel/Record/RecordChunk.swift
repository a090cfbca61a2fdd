/// Encoded records of one archive day, handed from an ingest handler to a ``RecordSink`` (the archive writer).
///
/// Handlers encode records into a chunk as they parse them and submit it when it is full or their read burst ends,
/// so the writer's queue sees a few large items instead of one per message. A chunk never spans two days: the
/// handler starts a new one when a record's day changes.
public struct RecordChunk: Sendable {
    /// The day every record in the chunk belongs to.
    public var day: ArchiveDay
    /// The JSON lines.
    public var lines: LineBuffer
    /// Number of lines.
    public var recordCount: Int
    /// `received` of the first record.
    public var firstReceived: Timestamp
    /// `received` of the last record.
    public var lastReceived: Timestamp
    /// Set by the writer for chunks a TCP or TLS connection submitted, whose bytes count against the streams' share
    /// of the queue until written.
    public var isFromStream = false

    /// Creates an empty chunk for `day`.
    public init(day: ArchiveDay, capacity: Int = 0) {
        self.day = day
        self.lines = LineBuffer(capacity: capacity)
        self.recordCount = 0
        self.firstReceived = Timestamp(microsecondsSinceEpoch: .max)
        self.lastReceived = Timestamp(microsecondsSinceEpoch: .min)
    }

    /// Appends one record's JSON line.
    public mutating func append(_ record: ActivityRecord) {
        JSONLineEncoder.append(record, to: &self.lines)
        self.recordCount += 1
        self.firstReceived = min(self.firstReceived, record.received)
        self.lastReceived = max(self.lastReceived, record.received)
    }

    /// `true` when no record has been appended.
    public var isEmpty: Bool { self.recordCount == 0 }
}
