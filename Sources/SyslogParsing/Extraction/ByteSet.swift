/// A set of byte values as a 256-bit mask: one shift and one test per lookup, for the recognizers' first-byte gates
/// (a `Set<UInt8>` hashes on every lookup).
struct ByteSet: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// The set of the bytes of `members`.
    init(_ members: StaticString) {
        for index in 0..<members.utf8CodeUnitCount {
            let byte = members.utf8Start[index]
            let bit = UInt64(1) << (byte & 63)
            switch byte >> 6 {
            case 0: self.words.0 |= bit
            case 1: self.words.1 |= bit
            case 2: self.words.2 |= bit
            default: self.words.3 |= bit
            }
        }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let word: UInt64 =
            switch byte >> 6 {
            case 0: self.words.0
            case 1: self.words.1
            case 2: self.words.2
            default: self.words.3
            }
        return word & (UInt64(1) << (byte & 63)) != 0
    }
}
