import ActivityArchive
import ActivityRuntime

/// A search of archive directories: the files whose day can hold the time range are opened, members outside it are
/// skipped by their headers, the rest inflate in parallel and are filtered on their raw bytes, and the selected
/// lines come out in archive order (or newest first).
///
/// With several directories (one per collector), the selected lines of all of them are merged by `received`.
public final class ArchiveQuery {
    /// The directories searched.
    public let directories: [String]
    /// What a record must be.
    public let filter: RecordFilter
    /// What the query did so far.
    public private(set) var statistics = QueryStatistics()
    private let threads: Int
    private let matcher: MemberMatcher

    /// Creates a query; `threads` members of each directory inflate at a time.
    public init(directories: [String], filter: RecordFilter, threads: Int = availableProcessorCount()) {
        self.directories = directories
        self.filter = filter
        self.threads = max(1, threads)
        self.matcher = MemberMatcher(filter: filter)
    }

    /// Runs the query: `problem` hears of each directory, file or member that cannot be read (the rest is still
    /// searched), `record` receives each selected line (without its LF) in order, at most `limit` of them.
    public func run(
        reverse: Bool = false,
        limit: Int? = nil,
        problem: (QueryProblem) -> Void,
        record: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let streams = try self.directories.map { directory in
            let members = try self.plan(files: self.files(in: directory, problem: problem), problem: problem)
            return try MemberStream(members: members, matcher: self.matcher, reverse: reverse, threads: self.threads)
        }
        try self.emit(streams, reverse: reverse, limit: limit, problem: problem, record: record)
    }

    /// The archive files of `directory` that can hold the range, in archive order.
    private func files(in directory: String, problem: (QueryProblem) -> Void) -> [ArchiveDirectory.Entry] {
        do {
            return try ArchiveFileList.files(in: directory, within: self.filter.range)
        } catch let error as QueryProblem {
            problem(error)
        } catch {
            problem(QueryProblem(path: directory, offset: nil, "\(error)"))
        }
        return []
    }

    /// The members of `files` to read for the range, found from their headers.
    func plan(files: [ArchiveDirectory.Entry], problem: (QueryProblem) -> Void) throws -> [MemberPlan.Member] {
        let checker = try GzipMemberChecker()
        var members: [MemberPlan.Member] = []
        for file in files {
            do {
                let handle = try ArchiveFileHandle(path: file.path)
                self.statistics.filesOpened += 1
                let plan = try MemberPlan(file: handle, range: self.filter.range, checker: checker)
                members += plan.members
                self.statistics.membersSkipped += plan.skippedByHeader
                plan.problems.forEach(problem)
                if let tornTail = plan.tornTail { problem(tornTail) }
            } catch let error as QueryProblem {
                problem(error)
            } catch {
                problem(QueryProblem(path: file.path, offset: nil, "\(error)"))
            }
        }
        return members
    }

    /// Inflates and filters `members` in parallel and hands the selected lines over in order.
    func read(
        _ members: [MemberPlan.Member],
        reverse: Bool,
        limit: Int?,
        problem: (QueryProblem) -> Void,
        record: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let stream = try MemberStream(members: members, matcher: self.matcher, reverse: reverse, threads: self.threads)
        try self.emit([stream], reverse: reverse, limit: limit, problem: problem, record: record)
    }

    /// Hands over the selected lines of `streams` (one per directory), merged by `received` (latest first when
    /// reversed; on a tie, the earlier directory first), at most `limit` of them.
    private func emit(
        _ streams: [MemberStream],
        reverse: Bool,
        limit: Int?,
        problem: (QueryProblem) -> Void,
        record: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        defer {
            for stream in streams { stream.stop() }
        }
        var heads: [MergeHead?] = streams.map { self.nextHead(of: $0, problem: problem) }
        while limit.map({ self.statistics.recordsPrinted < $0 }) ?? true {
            guard let chosen = MergeHead.first(of: heads, reverse: reverse) else { return }
            try heads[chosen]!.withLine(record)
            self.statistics.recordsPrinted += 1
            if !heads[chosen]!.advance() { heads[chosen] = self.nextHead(of: streams[chosen], problem: problem) }
        }
    }

    /// The first member of `stream` that has a selected line, counting what was read on the way.
    private func nextHead(of stream: MemberStream, problem: (QueryProblem) -> Void) -> MergeHead? {
        while let result = stream.next() {
            switch result {
            case .failure(let error):
                problem(error)
            case .success(let selected):
                self.statistics.membersInflated += 1
                self.statistics.bytesInflated += selected.lines.count
                self.statistics.recordsTested += selected.tested
                if let head = MergeHead(selected) { return head }
            }
        }
        return nil
    }
}
