/// The line a directory's stream offers next when directories are merged: a member's selected lines and which of
/// them is next, with that line's `received` text to compare.
struct MergeHead {
    private let selected: SelectedLines
    private var index = 0
    /// Where the next line's `received` value lies in the member's lines (empty when it has none).
    private var received: Range<Int> = 0..<0

    /// The head of a member's selected lines, or `nil` when none was selected.
    init?(_ selected: SelectedLines) {
        guard !selected.ranges.isEmpty else { return nil }
        self.selected = selected
        self.locateReceived()
    }

    /// Calls `body` with the next line.
    func withLine(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try self.selected.lines.withUnsafeBytes {
            try body(UnsafeRawBufferPointer(rebasing: $0[self.selected.ranges[self.index]]))
        }
    }

    /// Moves to the following line; `false` when the member has no more.
    mutating func advance() -> Bool {
        self.index += 1
        guard self.index < self.selected.ranges.count else { return false }
        self.locateReceived()
        return true
    }

    /// Which of `heads` offers the earliest line (the latest when `reverse`), the first on a tie; `nil` when all are
    /// done. A single stream needs no comparing.
    static func first(of heads: [MergeHead?], reverse: Bool) -> Int? {
        guard heads.count > 1 else { return heads.first.flatMap { $0 }.map { _ in 0 } }
        var chosen: Int?
        for (index, head) in heads.enumerated() {
            guard let head else { continue }
            guard let best = chosen.flatMap({ heads[$0] }) else {
                chosen = index
                continue
            }
            let order = head.compareReceived(with: best)
            if reverse ? order > 0 : order < 0 { chosen = index }
        }
        return chosen
    }

    private mutating func locateReceived() {
        self.received = self.selected.lines.withUnsafeBytes { lines in
            let range = self.selected.ranges[self.index]
            var line = RecordLine(UnsafeRawBufferPointer(rebasing: lines[range]))
            guard let value = line.value(forKey: Self.receivedKey) else { return 0..<0 }
            return (range.lowerBound + value.range.lowerBound)..<(range.lowerBound + value.range.upperBound)
        }
    }

    /// The order of this head's `received` text against `other`'s: negative when earlier.
    private func compareReceived(with other: MergeHead) -> Int {
        self.selected.lines.withUnsafeBytes { mine in
            other.selected.lines.withUnsafeBytes { theirs in
                let left = mine[self.received]
                let right = theirs[other.received]
                return left.lexicographicallyPrecedes(right) ? -1 : (right.lexicographicallyPrecedes(left) ? 1 : 0)
            }
        }
    }

    private static let receivedKey = RecordField.received.keyBytes
}
