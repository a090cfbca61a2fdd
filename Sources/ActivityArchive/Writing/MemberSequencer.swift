/// Puts compressed members back in the order their batches were cut: compression runs on several threads and
/// finishes in any order, but a day's file must get its members in order. A value with no lock and no thread.
struct MemberSequencer<Member> {
    /// The number the next batch handed to compression gets.
    private(set) var nextSequence = 0
    /// The number of the next member to append.
    private(set) var nextToAppend = 0
    private var finished: [Int: Member] = [:]

    /// A number for a batch handed to compression.
    mutating func issue() -> Int {
        defer { self.nextSequence += 1 }
        return self.nextSequence
    }

    /// The member of batch `sequence` is compressed.
    mutating func finish(_ sequence: Int, _ member: Member) {
        self.finished[sequence] = member
    }

    /// Whether a batch was handed to compression whose member has not been appended yet.
    var hasOutstanding: Bool { self.nextToAppend < self.nextSequence }

    /// Whether the next member in order is compressed.
    var isNextReady: Bool { self.finished[self.nextToAppend] != nil }

    /// The next member in order, if it is compressed; it counts as appended from then on.
    mutating func takeNext() -> Member? {
        guard let member = self.finished.removeValue(forKey: self.nextToAppend) else { return nil }
        self.nextToAppend += 1
        return member
    }
}
