import ActivityModel

/// How much of `queue-size` is taken, and by whom: the writer's backpressure decisions, as a value with no lock and
/// no thread, tested on its own.
///
/// Bytes count from submission until their member is on disk. A stream (TCP, TLS) is refused once streams hold
/// `streamPauseBytes` or the queue is full, so its sender blocks early and nothing is lost; a datagram receiver
/// may fill the whole queue (a refused datagram is dropped, counted).
struct QueueBudget: Equatable {
    let queueSize: Int
    let streamPauseBytes: Int
    /// Bytes submitted and not yet on disk.
    private(set) var pendingBytes = 0
    /// The part of ``pendingBytes`` that streams submitted.
    private(set) var pendingStreamBytes = 0

    init(queueSize: Int, streamPauseBytes: Int) {
        self.queueSize = queueSize
        self.streamPauseBytes = streamPauseBytes
    }

    /// Whether a chunk from `submitter` would be taken now.
    func accepts(_ submitter: RecordSubmitter) -> Bool {
        switch submitter {
        case .stream: self.pendingStreamBytes < self.streamPauseBytes && self.pendingBytes < self.queueSize
        case .datagram: self.pendingBytes < self.queueSize
        }
    }

    /// Takes a chunk of `bytes` from `submitter`, if ``accepts(_:)``.
    ///
    /// - Returns: Whether it was taken.
    mutating func take(_ bytes: Int, from submitter: RecordSubmitter) -> Bool {
        guard self.accepts(submitter) else { return false }
        self.pendingBytes += bytes
        if submitter == .stream { self.pendingStreamBytes += bytes }
        return true
    }

    /// Gives back the bytes of a batch whose member is on disk (or lost): `streamBytes` of them from streams.
    mutating func release(_ bytes: Int, streamBytes: Int) {
        self.pendingBytes -= bytes
        self.pendingStreamBytes -= streamBytes
    }
}
