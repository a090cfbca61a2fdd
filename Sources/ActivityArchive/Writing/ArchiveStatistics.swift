import ActivityRuntime

/// Counters of the archive writer, for logs, `/metrics` and tests.
public typealias ArchiveStatistics = CounterValues<ArchiveCounter>

/// Every count the archive writer keeps, declared once: the `statistics` line (`archive.NAME`), `/metrics` and
/// `activitylogd(8)` all come from these cases.
public enum ArchiveCounter: Int, CounterKey {
    case recordsWritten, membersWritten, bytesWritten, writeFailures, recordsLost, membersCompressedUnderLoad
    case tornTailsCut, tornBytesCut

    public static let group = "archive"

    public var description: CounterDescription {
        switch self {
        case .recordsWritten:
            CounterDescription("records_written", metric: "activitylog_records_written", help: "Records written.")
        case .membersWritten:
            CounterDescription("members_written", metric: "activitylog_members_written", help: "Gzip members appended.")
        case .bytesWritten:
            CounterDescription(
                "bytes_written",
                metric: "activitylog_archive_bytes_written",
                help: "Compressed bytes appended."
            )
        case .writeFailures:
            CounterDescription(
                "write_failures",
                metric: "activitylog_write_failures",
                isLoss: true,
                help: "Member writes that failed (each is retried)."
            )
        case .recordsLost:
            CounterDescription(
                "records_lost",
                metric: "activitylog_records_lost",
                isLoss: true,
                help: "Records given up on at stop because their member could not be written."
            )
        case .membersCompressedUnderLoad:
            CounterDescription(
                "members_compressed_under_load",
                metric: "activitylog_members_compressed_under_load",
                help: "Members compressed at overload-compression-level."
            )
        case .tornTailsCut:
            CounterDescription(
                "torn_tails_cut",
                metric: "activitylog_torn_tails_cut",
                help: "Archives whose torn tail recovery cut (the cut bytes are saved beside the file)."
            )
        case .tornBytesCut:
            CounterDescription(
                "torn_bytes_cut",
                metric: "activitylog_torn_bytes_cut",
                help: "Bytes recovery cut from the ends of archives."
            )
        }
    }
}
