/// What a query did, for `--stats`: how much the headers let it skip, and how much it had to read.
public struct QueryStatistics: Equatable, Sendable {
    /// Archive files opened.
    public var filesOpened = 0
    /// Members left out by their header's time span, never inflated.
    public var membersSkipped = 0
    /// Members inflated.
    public var membersInflated = 0
    /// Bytes of JSON lines inflated.
    public var bytesInflated = 0
    /// Records tested against the filter.
    public var recordsTested = 0
    /// Records handed to the output (after `--limit`).
    public var recordsPrinted = 0

    public init() {}

    /// The `--stats` line, with the run's seconds.
    public func summary(seconds: Double) -> String {
        let time = (seconds * 1000).rounded() / 1000
        return
            "files opened \(self.filesOpened), members skipped by header \(self.membersSkipped), members inflated \(self.membersInflated), bytes inflated \(self.bytesInflated), records tested \(self.recordsTested), records printed \(self.recordsPrinted), seconds \(time)"
    }
}
