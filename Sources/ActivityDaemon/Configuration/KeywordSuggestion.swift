/// The keyword a mistyped one most likely meant, by edit distance: `retention-day` → `retention-days`.
enum KeywordSuggestion {
    /// The nearest of `names`, when it is within a third of the typed word's length (at least 1, at most 3 edits).
    static func nearest(to typed: String, among names: [String]) -> String? {
        let limit = min(3, max(1, typed.count / 3))
        let ranked = names.map { (name: $0, distance: Self.distance(Array(typed.utf8), Array($0.utf8))) }
            .filter { $0.distance <= limit }
            .min { $0.distance < $1.distance }
        return ranked?.name
    }

    /// Levenshtein distance: insertions, deletions and substitutions.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
