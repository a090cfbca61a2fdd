import ActivityArchive

/// The members of one archive file that a reader will inflate, found from their headers.
public struct MemberPlan: Sendable {
    /// One member to read.
    public struct Member: Sendable {
        /// The file it lies in.
        public var file: ArchiveFileHandle
        /// Where it starts.
        public var offset: Int
        /// Its length in bytes.
        public var length: Int
        /// What its `AL` field says, or `nil` for a member written by another tool.
        public var extra: MemberExtraField?
        /// Whether its records must be tested against the time range one by one (it is not wholly inside).
        public var needsTimeCheck: Bool
    }

    /// The members to read, in file order.
    public var members: [Member] = []
    /// Members left out by their header's time span, never read past the header.
    public var skippedByHeader = 0
    /// Damage found in the middle: stretches that are no whole member.
    public var problems: [QueryProblem] = []
    /// A member the file ends inside of: torn, or still being written when the plan was made.
    public var tornTail: QueryProblem?
    /// Where the last whole member planned or skipped ends: where a follower reads on.
    public var end: Int

    /// Plans the reading of `file` for records received in `range`: hops from header to header (`AL` field), keeps
    /// the members whose span meets the range, and finds the end of members of other writers by inflating them.
    /// Damage in the middle is reported and read past; a torn tail is reported.
    public init(file: ArchiveFileHandle, from start: Int = 0, range: TimeRange, checker: GzipMemberChecker) throws {
        var offset = start
        self.end = start
        defer { self.end = offset }
        while offset < file.size {
            let header = try file.read(at: offset, count: GzipMember.headerLength)
            if let extra = header.withUnsafeBytes({ GzipMember.readHeader($0) }) {
                guard offset + extra.memberLength <= file.size else {
                    self.tornTail = QueryProblem(
                        path: file.path,
                        offset: offset,
                        "torn member: its header states \(extra.memberLength) bytes, the file ends after \(file.size - offset)"
                    )
                    return
                }
                if range.overlaps(first: extra.firstReceived, last: extra.lastReceived) {
                    let needsTimeCheck = !range.covers(first: extra.firstReceived, last: extra.lastReceived)
                    self.members.append(
                        Member(
                            file: file,
                            offset: offset,
                            length: extra.memberLength,
                            extra: extra,
                            needsTimeCheck: needsTimeCheck
                        )
                    )
                } else {
                    self.skippedByHeader += 1
                }
                offset += extra.memberLength
                continue
            }
            switch try checker.check(file.descriptor, at: offset, fileSize: file.size, path: file.path) {
            case .whole(let length):
                self.members.append(
                    Member(file: file, offset: offset, length: length, extra: nil, needsTimeCheck: range.isBounded)
                )
                offset += length
            case .incomplete:
                self.tornTail = QueryProblem(path: file.path, offset: offset, "torn member: the file ends inside it")
                return
            case .corrupt:
                let next = try checker.nextWholeMember(
                    file.descriptor,
                    after: offset,
                    fileSize: file.size,
                    path: file.path
                )
                let end = next ?? file.size
                self.problems.append(
                    QueryProblem(path: file.path, offset: offset, "not a gzip member: \(end - offset) bytes skipped")
                )
                guard let next else { return }
                offset = next
            }
        }
    }
}
