import ActivityRuntime

/// What retention deleted since start; the sweeper adds to them, the `statistics` line and `/metrics` read them.
public typealias RetentionCounters = AtomicCounters<RetentionCounter>

/// Every count the retention sweeper keeps, declared once: the `statistics` line (`retention.NAME`), `/metrics` and
/// `activitylogd(8)` all come from these cases.
public enum RetentionCounter: Int, CounterKey {
    case filesDeleted, bytesDeleted

    public static let group = "retention"

    public var description: CounterDescription {
        switch self {
        case .filesDeleted:
            CounterDescription(
                "files_deleted",
                metric: "activitylog_retention_files_deleted",
                help: "Archives deleted by retention-days or retention-max-size."
            )
        case .bytesDeleted:
            CounterDescription(
                "bytes_deleted",
                metric: "activitylog_retention_bytes_deleted",
                help: "Bytes of the archives retention deleted."
            )
        }
    }
}
