import ActivityArchive

/// The selected lines of a list of members, member by member in order (newest first when reversed): each member is
/// read, inflated and matched on one of `threads` threads, and the results come out in order.
final class MemberStream {
    private let work: OrderedParallelWork<MemberLoader, Result<SelectedLines, QueryProblem>>

    /// Starts reading `members` on `threads` threads.
    init(members: [MemberPlan.Member], matcher: MemberMatcher, reverse: Bool, threads: Int) throws {
        let ordered = reverse ? Array(members.reversed()) : members
        let loaders = try (0..<max(1, min(threads, ordered.count))).map { _ in try MemberLoader() }
        self.work = OrderedParallelWork(count: ordered.count, contexts: loaders) { loader, index in
            let member = ordered[index]
            return Result { () throws(QueryProblem) -> SelectedLines in
                let lines = try loader.lines(of: member)
                let (ranges, tested) = lines.withUnsafeBytes {
                    matcher.matches(in: $0, recordCount: member.extra?.recordCount, checkTime: member.needsTimeCheck)
                }
                return SelectedLines(lines: lines, ranges: reverse ? ranges.reversed() : ranges, tested: tested)
            }
        }
    }

    /// The next member's selected lines, or why it could not be read; `nil` after the last member.
    func next() -> Result<SelectedLines, QueryProblem>? {
        self.work.nextResult()
    }

    /// Stops reading ahead.
    func stop() {
        self.work.stop()
    }
}

/// The lines of one inflated member and which of them the filter selected.
struct SelectedLines: @unchecked Sendable {
    var lines: [UInt8]
    var ranges: [Range<Int>]
    var tested: Int
}
