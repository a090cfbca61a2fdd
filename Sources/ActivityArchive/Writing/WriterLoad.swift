/// How much the writer holds and how recently it wrote: for `/metrics` gauges and `/health`.
public struct WriterLoad: Sendable, Equatable {
    /// Bytes submitted and not yet on disk.
    public var pendingBytes: Int
    /// Records submitted and not yet on disk.
    public var pendingRecords: Int
    /// Nanoseconds since a member was last written (since the writer was created, before the first).
    public var nanosecondsSinceWrite: UInt64
    /// Nanoseconds since the writer last made progress: wrote a member, or found records waiting after none were.
    public var nanosecondsSinceProgress: UInt64

    /// A load, as the writer reports it (or a test builds it).
    public init(pendingBytes: Int, pendingRecords: Int, nanosecondsSinceWrite: UInt64, nanosecondsSinceProgress: UInt64)
    {
        self.pendingBytes = pendingBytes
        self.pendingRecords = pendingRecords
        self.nanosecondsSinceWrite = nanosecondsSinceWrite
        self.nanosecondsSinceProgress = nanosecondsSinceProgress
    }

    /// Whether records wait and the writer has made no progress for longer than `limit` nanoseconds: stuck (a
    /// disk that refuses writes, a thread that is gone).
    public func isStalled(limit: UInt64) -> Bool {
        self.pendingRecords > 0 && self.nanosecondsSinceProgress > limit
    }
}

extension WriterIntake {
    /// The intake's load at monotonic time `now`.
    func load(now: UInt64) -> WriterLoad {
        WriterLoad(
            pendingBytes: self.budget.pendingBytes,
            pendingRecords: self.pendingRecords,
            nanosecondsSinceWrite: now &- self.lastWrite,
            nanosecondsSinceProgress: now &- self.lastProgress
        )
    }
}
