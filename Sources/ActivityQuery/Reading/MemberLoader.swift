import ActivityArchive

/// Reads and inflates planned members, one thread's worth: libdeflate in one call for our members (sized by the
/// `AL` field), zlib's gzip mode for members of other writers; the CRC-32 and ISIZE are checked either way.
final class MemberLoader {
    private let inflater: any DeflateInflating
    private let checker: GzipMemberChecker

    init() throws {
        self.inflater = try makeDeflateInflater()
        self.checker = try GzipMemberChecker()
    }

    /// The JSON lines of `member`.
    ///
    /// - Throws: ``QueryProblem`` naming the member's file and offset when it cannot be read or does not check out.
    func lines(of member: MemberPlan.Member) throws(QueryProblem) -> [UInt8] {
        do {
            guard member.extra != nil else { return try self.inflateForeign(member) }
            let bytes = try member.file.read(at: member.offset, count: member.length)
            return try bytes.withUnsafeBytes { try GzipMember.decode($0, inflater: self.inflater) }
        } catch let problem as QueryProblem {
            throw problem
        } catch {
            throw QueryProblem(path: member.file.path, offset: member.offset, "corrupt member: \(error)")
        }
    }

    private func inflateForeign(_ member: MemberPlan.Member) throws -> [UInt8] {
        var lines: [UInt8] = []
        let outcome = try self.checker.check(
            member.file.descriptor,
            at: member.offset,
            fileSize: member.file.size,
            path: member.file.path
        ) { lines.append(contentsOf: $0) }
        guard case .whole = outcome else {
            throw QueryProblem(path: member.file.path, offset: member.offset, "corrupt member: it no longer inflates")
        }
        return lines
    }
}
