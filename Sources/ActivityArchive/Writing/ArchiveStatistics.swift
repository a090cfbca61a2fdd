/// Counters of the archive writer, for logs and tests.
public struct ArchiveStatistics: Sendable, Equatable {
    /// Records written to archives.
    public var recordsWritten = 0
    /// Members appended.
    public var membersWritten = 0
    /// Compressed bytes appended.
    public var bytesWritten = 0
    /// Failed member writes (each retried).
    public var writeFailures = 0
    /// Records given up on at shutdown because their member could not be written.
    public var recordsLost = 0
    /// Members compressed at `overload-compression-level`.
    public var membersCompressedUnderLoad = 0

    /// Creates zeroed counters.
    public init() {}

    /// Every count under the name the daemon's log lines give it (`records_written`, …), in a fixed order.
    public var named: KeyValuePairs<String, Int> {
        [
            "records_written": self.recordsWritten, "members_written": self.membersWritten,
            "bytes_written": self.bytesWritten, "write_failures": self.writeFailures,
            "records_lost": self.recordsLost, "members_compressed_under_load": self.membersCompressedUnderLoad,
        ]
    }
}
