/// UTF-8 well-formedness per Unicode Table 3-7, one sequence at a time.
public enum UTF8Validation {
    /// Length of the UTF-8 sequence that starts with a non-ASCII byte at `index`.
    ///
    /// - Returns: A positive length when the bytes form a well-formed sequence, or the negated length of the
    ///   maximal invalid subpart (the bytes that one U+FFFD replaces) when they do not.
    @inlinable
    public static func sequenceLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            secondHigh = 0x9F
        case 0xF0:
            length = 4
            secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            secondHigh = 0x8F
        default: return -1
        }
        guard index + 1 < bytes.count, (secondLow...secondHigh).contains(bytes[index + 1]) else { return -1 }
        var offset = 2
        while offset < length {
            guard index + offset < bytes.count, bytes[index + offset] & 0xC0 == 0x80 else { return -offset }
            offset += 1
        }
        return length
    }
}
