/// Chooses each batch's compression level: `compression-level` normally, `overload-compression-level` under
/// pressure. Two pressures shift it:
///
/// - **queue**: UDP has filled the queue past half; it lasts until the queue has drained below a quarter. Only
///   datagrams can fill the queue that far (TCP and TLS pause at ``ArchiveConfiguration/streamPauseBytes``), and a
///   full queue drops them. With a queue too small to tell the two apart, this pressure never starts.
/// - **receive backlog**: a UDP socket's kernel receive queue is backing up (the ingest side reports it, see
///   ``ArchiveWriter/reportReceiveBacklog()``). Compression then takes the CPU the reading thread needs, and the
///   kernel drops what overflows the socket before the writer's queue ever fills. It lasts while reports keep
///   coming.
///
/// Either way a cheaper level keeps the data at the cost of a larger archive for the duration. A pure state
/// machine: the writer feeds it the queued bytes and the backlog state as it hands each batch to compression.
public struct CompressionGear: Sendable, Equatable {
    /// Why the overload level is in use.
    public enum Pressure: Sendable, Equatable {
        /// It is not: the normal level.
        case none
        /// The writer's queue is over half full.
        case queue
        /// A UDP receive queue is backing up.
        case receiveBacklog
    }

    /// The level used while nothing presses.
    public let normalLevel: Int
    /// The level used under pressure.
    public let overloadLevel: Int
    /// Queued bytes at or above which queue pressure starts.
    public let enterBytes: Int
    /// Queued bytes below which queue pressure ends.
    public let leaveBytes: Int
    /// What presses now.
    public private(set) var pressure = Pressure.none
    /// Queue pressure, with its hysteresis between ``enterBytes`` and ``leaveBytes``.
    private var queueIsFilling = false

    /// `true` while the overload level is in use.
    public var isOverloaded: Bool { self.pressure != .none }

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

    /// The level for the next batch when `pendingBytes` are queued and a receive queue is (or is not) backing up,
    /// and whether that changed the level.
    public mutating func level(pendingBytes: Int, receiveBacklog: Bool = false) -> (level: Int, shifted: Bool) {
        let wasOverloaded = self.isOverloaded
        if !self.queueIsFilling, pendingBytes >= self.enterBytes {
            self.queueIsFilling = true
        } else if self.queueIsFilling, pendingBytes < self.leaveBytes {
            self.queueIsFilling = false
        }
        self.pressure = self.queueIsFilling ? .queue : receiveBacklog ? .receiveBacklog : .none
        let level = self.isOverloaded ? self.overloadLevel : self.normalLevel
        return (level, self.isOverloaded != wasOverloaded && self.overloadLevel != self.normalLevel)
    }
}

extension CompressionGear.Pressure {
    /// What the writer logs when the level shifts into this pressure (or out of all, for ``none``).
    var shiftMessage: String {
        switch self {
        case .queue: "queue over half full: compressing at overload-compression-level until it drains"
        case .receiveBacklog: "UDP receive queue backing up: compressing at overload-compression-level"
        case .none: "load eased: compressing at compression-level again"
        }
    }
}
