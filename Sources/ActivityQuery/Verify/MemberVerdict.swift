import ActivityArchive
import ActivityModel

/// What checking one member found: its records, its first and last `received`, and what is wrong with it.
struct MemberVerdict: @unchecked Sendable {
    var records = 0
    var rawBytes = 0
    var firstReceived: String?
    var lastReceived: String?
    var problems: [QueryProblem] = []

    /// Checks `member`: it inflates, its CRC-32 and ISIZE match, its `AL` field states its records, length and
    /// first and last `received` truly, and every line is one record of our schema.
    init(member: MemberPlan.Member, loader: MemberLoader) {
        let lines: [UInt8]
        do {
            lines = try loader.lines(of: member)
        } catch {
            self.problems.append(error)
            return
        }
        self.rawBytes = lines.count
        var badLines: [(number: Int, reason: String)] = []
        lines.withUnsafeBytes { bytes in
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
                self.records += 1
                if let reason = RecordSchema.problem(in: line) { badLines.append((self.records, reason)) }
                let received = RecordField.received.value(in: line)
                if self.firstReceived == nil { self.firstReceived = received }
                self.lastReceived = received ?? self.lastReceived
                if end == bytes.count { badLines.append((self.records, "no LF at the end")) }
                start = end + 1
            }
        }
        if let first = badLines.first {
            let more = badLines.count > 1 ? " (and \(badLines.count - 1) more records)" : ""
            self.problem(member, "record \(first.number): \(first.reason)\(more)")
        }
        guard let extra = member.extra else { return }
        if extra.recordCount != self.records {
            self.problem(member, "header states \(extra.recordCount) records, the member holds \(self.records)")
        }
        let first = RFC3339Formatter.string(extra.firstReceived)
        let last = RFC3339Formatter.string(extra.lastReceived)
        if self.records > 0, first != self.firstReceived || last != self.lastReceived {
            self.problem(
                member,
                "header states received \(first) to \(last), the records \(self.firstReceived ?? "-") to \(self.lastReceived ?? "-")"
            )
        }
    }

    private mutating func problem(_ member: MemberPlan.Member, _ reason: String) {
        self.problems.append(QueryProblem(path: member.file.path, offset: member.offset, reason))
    }
}
