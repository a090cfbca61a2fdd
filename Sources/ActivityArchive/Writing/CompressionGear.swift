/// Chooses each batch's compression level: `compression-level` normally, `overload-compression-level` while UDP
/// has filled the queue past half, until it has drained below a quarter.
///
/// Only datagrams can fill the queue that far (TCP and TLS pause at ``ArchiveConfiguration/streamPauseBytes``), and
/// a full queue drops them: when compression is what falls behind, a cheaper level keeps the data at the cost of a
/// larger archive for the duration. With a queue too small to tell the two apart, the gear never shifts.
/// A pure state machine: the writer feeds it the queued bytes as it hands each batch to compression.
public struct CompressionGear: Sendable, Equatable {
    /// The level used while the queue is not under pressure.
    public let normalLevel: Int
    /// The level used while it is.
    public let overloadLevel: Int
    /// Queued bytes at or above which the overload level starts.
    public let enterBytes: Int
    /// Queued bytes below which the normal level returns.
    public let leaveBytes: Int
    /// `true` while the overload level is in use.
    public private(set) var isOverloaded = false

    /// A gear for `configuration`.
    public init(configuration: ArchiveConfiguration) {
        self.normalLevel = configuration.compressionLevel
        self.overloadLevel = configuration.overloadCompressionLevel
        let half = configuration.queueSize / 2
        // Above anything streams alone can queue (one chunk may overshoot their limit by a batch at most).
        let streamCeiling = configuration.streamPauseBytes + configuration.batchSize
        self.enterBytes = half > streamCeiling ? half : .max
        self.leaveBytes = max(configuration.queueSize / 4, streamCeiling)
    }

    /// The level for the next batch when `pendingBytes` are queued, and whether that changed the gear.
    public mutating func level(pendingBytes: Int) -> (level: Int, shifted: Bool) {
        let wasOverloaded = self.isOverloaded
        if !self.isOverloaded, pendingBytes >= self.enterBytes {
            self.isOverloaded = true
        } else if self.isOverloaded, pendingBytes < self.leaveBytes {
            self.isOverloaded = false
        }
        let level = self.isOverloaded ? self.overloadLevel : self.normalLevel
        return (level, self.isOverloaded != wasOverloaded && self.overloadLevel != self.normalLevel)
    }
}
