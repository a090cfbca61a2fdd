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
    private let loaders: [MemberLoader]

    /// Creates a query; `threads` members inflate at a time.
    public init(directories: [String], filter: RecordFilter, threads: Int = availableProcessorCount()) throws {
        self.directories = directories
        self.filter = filter
        self.loaders = try (0..<max(1, threads)).map { _ in try MemberLoader() }
    }

    /// Runs the query: `problem` hears of each directory, file or member that cannot be read (the rest is still
    /// searched), `record` receives each selected line (without its LF) in order, at most `limit` of them.
    public func run(
        reverse: Bool = false,
        limit: Int? = nil,
        problem: (QueryProblem) -> Void,
        record: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let members = try self.plan(files: self.files(problem: problem), problem: problem)
        guard self.directories.count > 1 else {
            return try self.read(members, reverse: reverse, limit: limit, problem: problem, record: record)
        }
        var merged: [(received: [UInt8], line: [UInt8])] = []
        try self.read(members, reverse: false, limit: nil, problem: problem) { line in
            let received = RecordField.received.value(in: line).map { Array($0.utf8) } ?? []
            merged.append((received, Array(line)))
        }
        merged = merged.enumerated().sorted { first, second in
            first.element.received == second.element.received
                ? first.offset < second.offset
                : first.element.received.lexicographicallyPrecedes(second.element.received)
        }.map(\.element)
        self.statistics.recordsPrinted = 0
        for entry in reverse ? merged.reversed() : merged {
            if let limit, self.statistics.recordsPrinted >= limit { break }
            try entry.line.withUnsafeBytes(record)
            self.statistics.recordsPrinted += 1
        }
    }

    /// The archive files of every directory that can hold the range, in archive order.
    func files(problem: (QueryProblem) -> Void) -> [ArchiveDirectory.Entry] {
        self.directories.flatMap { directory in
            do {
                return try ArchiveFileList.files(in: directory, within: self.filter.range)
            } catch let error as QueryProblem {
                problem(error)
            } catch {
                problem(QueryProblem(path: directory, offset: nil, "\(error)"))
            }
            return []
        }
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
        let ordered = reverse ? Array(members.reversed()) : members
        let matcher = MemberMatcher(filter: self.filter)
        try OrderedParallelWork.run(count: ordered.count, contexts: self.loaders) { loader, index in
            let member = ordered[index]
            return Result { () throws(QueryProblem) -> SelectedLines in
                let lines = try loader.lines(of: member)
                let (ranges, tested) = lines.withUnsafeBytes {
                    matcher.matches(in: $0, recordCount: member.extra?.recordCount, checkTime: member.needsTimeCheck)
                }
                return SelectedLines(lines: lines, ranges: reverse ? ranges.reversed() : ranges, tested: tested)
            }
        } deliver: { result in
            switch result {
            case .failure(let error):
                problem(error)
            case .success(let selected):
                self.statistics.membersInflated += 1
                self.statistics.bytesInflated += selected.lines.count
                self.statistics.recordsTested += selected.tested
                try selected.lines.withUnsafeBytes { lines in
                    for range in selected.ranges {
                        if let limit, self.statistics.recordsPrinted >= limit { return }
                        try record(UnsafeRawBufferPointer(rebasing: lines[range]))
                        self.statistics.recordsPrinted += 1
                    }
                }
            }
            return limit.map { self.statistics.recordsPrinted < $0 } ?? true
        }
    }
}

/// The lines of one inflated member and which of them the filter selected.
struct SelectedLines: @unchecked Sendable {
    var lines: [UInt8]
    var ranges: [Range<Int>]
    var tested: Int
}
