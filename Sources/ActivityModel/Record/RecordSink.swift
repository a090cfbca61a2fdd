/// Where ingest hands its records: the archive writer, as the daemon wires it, or a fake in tests. Ingest knows this
/// protocol and nothing of files.
///
/// The three calls are the edges between the stages: a chunk goes in, a refused stream learns when to read again,
/// and a UDP receiver reports that its kernel queue is backing up.
public protocol RecordSink: AnyObject, Sendable {
    /// Queues `chunk`; a refused one is not taken (a stream keeps it and pauses, a datagram receiver drops it).
    func submit(_ chunk: RecordChunk, from submitter: RecordSubmitter) -> RecordSubmission

    /// Calls `callback` once when a ``RecordSubmitter/stream`` would be accepted again (at once if it would be now).
    func whenSpaceAvailable(_ callback: @escaping @Sendable () -> Void)

    /// Says that a UDP socket's kernel receive queue is backing up (the sink may trade compression for CPU).
    func reportReceiveBacklog()
}

/// Who submits a chunk, which decides how much of the sink's queue it may fill.
public enum RecordSubmitter: Sendable, Equatable {
    /// A TCP or TLS connection: it can wait (its sender blocks, nothing is lost), so it is refused early.
    case stream
    /// A UDP socket: it cannot wait (a refused chunk is dropped), so it may fill the whole queue.
    case datagram
}

/// What became of a submitted chunk.
public enum RecordSubmission: Sendable, Equatable {
    /// Queued; it will be written.
    case accepted
    /// Not taken: the queue is full. Try again after ``RecordSink/whenSpaceAvailable(_:)``.
    case queueFull
    /// Not taken: the sink has shut down and takes nothing more.
    case stopped
}
