import CoreMetrics

/// The writer's histograms, through swift-metrics: records per member and how long a member's append took
/// (retries included). `/metrics` backs them with Prometheus; without a factory they cost nothing.
public struct WriterMetrics: Sendable {
    /// The label of the records-per-member histogram.
    public static let batchRecordsLabel = "activitylog_member_records"
    /// The label of the member-append latency histogram.
    public static let memberWriteLabel = "activitylog_member_write_seconds"

    let batchRecords: Recorder
    let memberWrite: CoreMetrics.Timer

    /// Histograms made by `factory`.
    public init(factory: any MetricsFactory) {
        self.batchRecords = Recorder(label: Self.batchRecordsLabel, factory: factory)
        self.memberWrite = CoreMetrics.Timer(label: Self.memberWriteLabel, factory: factory)
    }

    /// Histograms that record nothing.
    public static var none: WriterMetrics { WriterMetrics(factory: NOOPMetricsHandler.instance) }

    /// Records one member of `records` records appended in `nanoseconds`.
    func memberWritten(records: Int, nanoseconds: UInt64) {
        self.batchRecords.record(records)
        self.memberWrite.recordNanoseconds(Int64(clamping: nanoseconds))
    }
}
