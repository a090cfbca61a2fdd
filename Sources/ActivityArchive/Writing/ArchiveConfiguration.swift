import ActivityModel

/// How archives are written: where, cut by which day, how compressed, how durable, how much may be queued.
public struct ArchiveConfiguration: Sendable, Equatable {
    /// When file data is forced to disk.
    public enum FsyncPolicy: Sendable, Equatable {
        /// Never: the kernel writes back when it likes (fastest; a power loss can lose the last seconds).
        case none
        /// After each member, at most once per interval per file.
        case interval(Duration)
        /// After every member.
        case always
    }

    /// `archive-dir`: where the daily files are.
    public var directory: String
    /// `archive-layout` and `node-name`: how the files are named.
    public var naming: ArchiveNaming
    /// `rotation-timezone`: the zone whose midnight starts a new file.
    public var rotationTimeZone: CivilTimeZone
    /// `compression-engine`: which deflate implementation writes members.
    public var compressionEngine: CompressionEngine
    /// `compression-level`: 1–9, as gzip's.
    public var compressionLevel: Int
    /// `overload-compression-level`: the level while UDP has filled half the queue (``CompressionGear``).
    public var overloadCompressionLevel: Int
    /// `flush-interval`: longest time a record waits in a batch.
    public var flushInterval: Duration
    /// `batch-size`: uncompressed bytes at which a batch becomes a member.
    public var batchSize: Int
    /// `queue-size`: encoded bytes that may wait for the disk before ingest is slowed (TCP) or dropped (UDP).
    public var queueSize: Int
    /// `fsync`.
    public var fsync: FsyncPolicy

    /// Bytes from streams (TCP, TLS) queued at which their reads pause: four batches, enough to keep every
    /// compressing thread busy, and never more than ``queueSize``. Stream senders wait without loss, so their
    /// backlog is left in their socket buffers rather than in our memory; the rest of `queue-size` is headroom for
    /// UDP bursts, which cannot wait. Streams count only their own bytes, so UDP cannot keep them paused.
    public var streamPauseBytes: Int { min(self.queueSize, 4 * self.batchSize) }

    /// Creates a configuration with the defaults activitylogd.conf(5) documents.
    public init(
        directory: String = "./archive",
        naming: ArchiveNaming = ArchiveNaming(),
        rotationTimeZone: CivilTimeZone = .utc,
        compressionEngine: CompressionEngine = .libdeflate,
        compressionLevel: Int = 6,
        overloadCompressionLevel: Int = 1,
        flushInterval: Duration = .seconds(1),
        batchSize: Int = 1 << 20,
        queueSize: Int = 64 << 20,
        fsync: FsyncPolicy = .interval(.seconds(1))
    ) {
        self.directory = directory
        self.naming = naming
        self.rotationTimeZone = rotationTimeZone
        self.compressionEngine = compressionEngine
        self.compressionLevel = compressionLevel
        self.overloadCompressionLevel = overloadCompressionLevel
        self.flushInterval = flushInterval
        self.batchSize = batchSize
        self.queueSize = queueSize
        self.fsync = fsync
    }
}

extension Duration {
    /// The duration in whole nanoseconds (negative durations count as zero).
    public var nanoseconds: UInt64 {
        let (seconds, attoseconds) = self.components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }
}
