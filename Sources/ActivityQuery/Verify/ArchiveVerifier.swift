import ActivityArchive
import ActivityRuntime

/// `activitylog verify`: every member of every archive file checked, on every core (``MemberVerdict``), and what
/// each file holds.
public final class ArchiveVerifier {
    /// What one file holds and what is wrong with it.
    public struct FileReport: Sendable {
        /// The file.
        public var path: String
        /// Whole members found.
        public var members = 0
        /// Records in them.
        public var records = 0
        /// `received` of the first record.
        public var firstReceived: String?
        /// `received` of the last record.
        public var lastReceived: String?
        /// The file's size.
        public var compressedBytes = 0
        /// Bytes of JSON lines.
        public var rawBytes = 0
        /// What is wrong, by offset.
        public var problems: [QueryProblem] = []

        /// `PATH: N members, N records, FIRST to LAST, N bytes compressed, N raw, ratio R`.
        public var summary: String {
            let ratio = self.compressedBytes > 0 ? Double(self.rawBytes) / Double(self.compressedBytes) : 0
            let span = "\(self.firstReceived ?? "-") to \(self.lastReceived ?? "-")"
            return
                "\(self.path): \(self.members) members, \(self.records) records, \(span), \(self.compressedBytes) bytes compressed, \(self.rawBytes) raw, ratio \((ratio * 100).rounded() / 100)"
        }
    }

    private let loaders: [MemberLoader]
    private let checker: GzipMemberChecker

    /// Creates a verifier that checks `threads` members at a time.
    public init(threads: Int = availableProcessorCount()) throws {
        self.loaders = try (0..<max(1, threads)).map { _ in try MemberLoader() }
        self.checker = try GzipMemberChecker()
    }

    /// Checks the archive file at `path`.
    public func verify(path: String) -> FileReport {
        var report = FileReport(path: path)
        let plan: MemberPlan
        do {
            let file = try ArchiveFileHandle(path: path)
            report.compressedBytes = file.size
            plan = try MemberPlan(file: file, range: TimeRange(), checker: self.checker)
        } catch let problem as QueryProblem {
            report.problems.append(problem)
            return report
        } catch {
            report.problems.append(QueryProblem(path: path, offset: nil, "\(error)"))
            return report
        }
        var problems = plan.problems
        let members = plan.members
        OrderedParallelWork.run(count: members.count, contexts: self.loaders) { loader, index in
            MemberVerdict(member: members[index], loader: loader)
        } deliver: { verdict in
            report.members += 1
            report.records += verdict.records
            report.rawBytes += verdict.rawBytes
            report.firstReceived = report.firstReceived ?? verdict.firstReceived
            report.lastReceived = verdict.lastReceived ?? report.lastReceived
            problems += verdict.problems
            return true
        }
        if let tornTail = plan.tornTail { problems.append(tornTail) }
        report.problems = problems.sorted { ($0.offset ?? 0) < ($1.offset ?? 0) }
        return report
    }
}
