import ActivityArchive

/// `activitylog tail`: the last records of a directory's newest archive file, then, polled, each whole member the
/// daemon appends, on into the next day's file when it appears.
///
/// A member is read only when the file holds all of it (its `AL` field states its length, or it inflates to its
/// end): the daemon appends each with one `write`, and a member still being written is left for the next poll.
public final class ArchiveFollower {
    private let directory: String
    private let query: ArchiveQuery
    private let checker: GzipMemberChecker
    /// The file being followed and where its unread members start.
    private var position: (file: ArchiveDirectory.Entry, offset: Int)?

    /// Creates a follower of `query`'s first directory.
    public init(query: ArchiveQuery) throws {
        self.directory = query.directories.first ?? "./archive"
        self.query = query
        self.checker = try GzipMemberChecker()
    }

    /// Hands over the last `count` selected records of the newest file, oldest first, and positions the follower
    /// after them.
    public func last(
        _ count: Int,
        problem: (QueryProblem) -> Void,
        record: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let newest: ArchiveDirectory.Entry?
        do {
            newest = try self.newestFile()
        } catch let error as QueryProblem {
            return problem(error)
        }
        guard let newest else { return }
        self.position = (newest, 0)
        var lines: [[UInt8]] = []
        try self.readNewMembers(reverse: true, limit: count, problem: problem) { lines.append(Array($0)) }
        for line in lines.reversed() { try line.withUnsafeBytes(record) }
    }

    /// Hands over the selected records of the members appended since the last call, and moves on to a newer file
    /// once one exists. A directory that cannot be listed is waited for (``last(_:problem:record:)`` reported it).
    public func poll(problem: (QueryProblem) -> Void, record: (UnsafeRawBufferPointer) throws -> Void) throws {
        if self.position == nil {
            guard let newest = try? self.newestFile() else { return }
            self.position = (newest, 0)
        }
        try self.readNewMembers(reverse: false, limit: nil, problem: problem, record: record)
        while let next = (try? ArchiveFileList.files(in: self.directory))?.first(where: {
            self.position!.file.precedes($0)
        }) {
            self.position = (next, 0)
            try self.readNewMembers(reverse: false, limit: nil, problem: problem, record: record)
        }
    }

    private func newestFile() throws -> ArchiveDirectory.Entry? {
        try ArchiveFileList.files(in: self.directory).last
    }

    /// Reads the whole members after the current position and moves the position past them. A file that is gone
    /// (retention) or cannot be opened is reported and left.
    private func readNewMembers(
        reverse: Bool,
        limit: Int?,
        problem: (QueryProblem) -> Void,
        record: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard let position = self.position else { return }
        let plan: MemberPlan
        do {
            let handle = try ArchiveFileHandle(path: position.file.path)
            plan = try MemberPlan(
                file: handle,
                from: position.offset,
                range: self.query.filter.range,
                checker: self.checker
            )
        } catch let error as QueryProblem {
            return problem(error)
        }
        plan.problems.forEach(problem)
        self.position = (position.file, plan.end)
        try self.query.read(plan.members, reverse: reverse, limit: limit, problem: problem, record: record)
    }
}
