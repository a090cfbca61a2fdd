import ActivityModel

/// Fills a record's activity fields from its SD-PARAMs.
///
/// For each field the first candidate name present anywhere wins: candidate order first, then element order, then
/// the first occurrence within an element. The value is the PARAM-VALUE (its escapes are removed when written).
/// Candidates are bucketed by length, so each parameter name is compared only with the few candidates of its
/// length, in one pass that serves all five fields.
struct ActivityMapper {
    private struct Candidate {
        var name: [UInt8]
        var field: Int
        var rank: Int
    }

    /// The five fields' best match so far.
    private struct Matches {
        var ranks = (Int.max, Int.max, Int.max, Int.max, Int.max)
        var values: (TextSpan?, TextSpan?, TextSpan?, TextSpan?, TextSpan?) = (nil, nil, nil, nil, nil)

        mutating func offer(field: Int, rank: Int, value: TextSpan) {
            switch field {
            case 0 where rank < self.ranks.0: (self.ranks.0, self.values.0) = (rank, value)
            case 1 where rank < self.ranks.1: (self.ranks.1, self.values.1) = (rank, value)
            case 2 where rank < self.ranks.2: (self.ranks.2, self.values.2) = (rank, value)
            case 3 where rank < self.ranks.3: (self.ranks.3, self.values.3) = (rank, value)
            case 4 where rank < self.ranks.4: (self.ranks.4, self.values.4) = (rank, value)
            default: break
            }
        }
    }

    /// Candidates indexed by name length.
    private let candidatesByLength: [[Candidate]]

    init(_ fields: ActivityFieldCandidates) {
        let lists = [fields.user, fields.event, fields.resource, fields.outcome, fields.client]
        let all = lists.enumerated().flatMap { field, names in
            names.enumerated().map { rank, name in Candidate(name: Array(name.utf8), field: field, rank: rank) }
        }
        let longest = all.map(\.name.count).max() ?? 0
        var buckets = [[Candidate]](repeating: [], count: longest + 1)
        for candidate in all { buckets[candidate.name.count].append(candidate) }
        self.candidatesByLength = buckets
    }

    func map(_ raw: RawStructuredData, _ bytes: UnsafeBufferPointer<UInt8>, into record: inout ActivityRecord) {
        var matches = Matches()
        for param in raw.params where param.name.count < self.candidatesByLength.count {
            for candidate in self.candidatesByLength[param.name.count]
            where SpanOrder.equals(param.name, candidate.name, in: bytes) {
                matches.offer(field: candidate.field, rank: candidate.rank, value: param.value)
            }
        }
        (record.user, record.event, record.resource, record.outcome, record.client) = matches.values
    }
}
