import ActivityModel

/// Fills a record's activity fields from its SD-PARAMs.
///
/// For each field the first candidate name present anywhere wins: candidate order first, then element order, then
/// the first occurrence within an element. The value is the PARAM-VALUE (its escapes are removed when written).
/// 
struct ActivityMapper {
    /// Candidate names as bytes, indexed by field (user, event, resource, outcome) then preference.
    private let candidates: [[[UInt8]]]

    init(_ fields: ActivityFieldCandidates) {
        self.candidates = [fields.user, fields.event, fields.resource, fields.outcome].map { names in
            names.map { Array($0.utf8) }
        }
    }

    func map(_ raw: RawStructuredData, _ bytes: UnsafeBufferPointer<UInt8>, into record: inout ActivityRecord) {
        record.user = self.firstMatch(field: 0, raw, bytes)
        record.event = self.firstMatch(field: 1, raw, bytes)
        record.resource = self.firstMatch(field: 2, raw, bytes)
        record.outcome = self.firstMatch(field: 3, raw, bytes)
    }

    /// The value of the parameter whose name ranks best for `field`; the earliest one among equal ranks.
    private func firstMatch(field: Int, _ raw: RawStructuredData, _ bytes: UnsafeBufferPointer<UInt8>) -> TextSpan? {
        var bestRank = Int.max
        var value: TextSpan?
        for param in raw.params {
            guard let rank = self.rank(of: param.name, field: field, bytes), rank < bestRank else { continue }
            bestRank = rank
            value = param.value
            if rank == 0 { break }
        }
        return value
    }

    /// Position of `name` in the candidate list of `field`, or `nil` when it is not a candidate.
    @inline(__always)
    private func rank(of name: TextSpan, field: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let names = self.candidates[field]
        for position in names.indices where SpanOrder.equals(name, names[position], in: bytes) {
            return position
        }
        return nil
    }
}
