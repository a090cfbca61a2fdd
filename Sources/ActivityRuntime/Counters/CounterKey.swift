/// A set of counters declared once, as the cases of an enum: the `statistics` log line, `/metrics` and the man page
/// test all read the cases and their ``CounterDescription``s, so a counter cannot be spelled differently in two
/// places. Cases are numbered from 0 in order (the enum's raw values), which is also the order they are printed in.
public protocol CounterKey: CaseIterable, Sendable, Hashable, RawRepresentable where RawValue == Int {
    /// The prefix of every name in the `statistics` line (`ingest`, `archive`).
    static var group: String { get }
    /// What the counter means, said once.
    var description: CounterDescription { get }
}

extension CounterKey {
    /// The counter's field in the `statistics` line: `ingest.received`, `archive.records_written`.
    public var statisticsName: String { "\(Self.group).\(self.description.name)" }
}

/// What one counter means: its name in the `statistics` line, its Prometheus family and labels, its help text, and
/// whether a rise is a loss.
public struct CounterDescription: Sendable {
    /// The name in the `statistics` log line, after the group prefix (`udp_dropped_kernel`).
    public let name: String
    /// The Prometheus counter family, without the `_total` suffix (`activitylog_messages_dropped`).
    public let metric: String
    /// The labels that tell this counter apart within its family (`transport`, `reason`).
    public let labels: [(String, String)]
    /// One sentence for the metric's `# HELP` line.
    public let help: String
    /// Whether a rise means a message was lost or cut, which turns the `statistics` line into a warning.
    public let isLoss: Bool

    /// Describes a counter; `labels` default to none and `isLoss` to false.
    public init(_ name: String, metric: String, labels: [(String, String)] = [], isLoss: Bool = false, help: String) {
        self.name = name
        self.metric = metric
        self.labels = labels
        self.help = help
        self.isLoss = isLoss
    }
}
