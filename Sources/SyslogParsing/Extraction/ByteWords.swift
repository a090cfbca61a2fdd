import CLinuxShims

#if canImport(Glibc)
import Glibc
#endif

/// Eight bytes of text at a time, as one `UInt64` (the first byte in the low byte): for the short runs of log
/// text, where a loop over the bytes costs more and `memchr`'s set-up more still.
///
/// A mask has bit 7 of each byte set where the byte matches.
enum ByteWords {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `index`.
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self).littleEndian
    }

    /// The bytes of `word` equal to `byte`: exact in the lowest byte set, which is all a search needs (a byte above
    /// a match may be set too).
    @inline(__always)
    static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let zeros = word ^ (Self.ones &* UInt64(byte))
        return (zeros &- Self.ones) & ~zeros & Self.highs
    }

    /// The offset of the lowest byte set in a mask that is not 0.
    @inline(__always)
    static func first(_ mask: UInt64) -> Int { mask.trailingZeroBitCount &>> 3 }

    /// The first index of `byte` in `start..<end`: a run of up to sixteen bytes is read a byte at a time, and the
    /// first sixteen bytes of a longer one a word at a time when the byte is expected `near` (the next `=` after a
    /// pair); the rest goes to `memchr`, whose set-up costs more than a short run. Every search of the extraction
    /// goes through here.
    @inline(__always)
    static func firstIndex(
        of byte: UInt8,
        in bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to end: Int,
        near: Bool = false
    ) -> Int? {
        var index = start
        if end &- start <= 16 {
            while index < end {
                if bytes[index] == byte { return index }
                index &+= 1
            }
            return nil
        }
        if near {
            while index < start &+ 16 {
                let found = Self.matches(Self.load(bytes, at: index), byte)
                if found != 0 { return index &+ Self.first(found) }
                index &+= 8
            }
        }
        guard let base = bytes.baseAddress, let found = memchr(base + index, Int32(byte), end &- index) else {
            return nil
        }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The last index of `byte` in `start..<end`: the last sixteen bytes a word at a time, from the end (the
    /// recognizers look back for a literal near the end of the text: ` port `, ` from `), fewer than eight left a
    /// byte at a time, more with `memrchr`.
    @inline(__always)
    static func lastIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var wordEnd = end
        while wordEnd &- start >= 8, wordEnd > end &- 16 {
            let found = Self.exactMatches(Self.load(bytes, at: wordEnd &- 8), byte)
            if found != 0 { return wordEnd &- 1 &- (found.leadingZeroBitCount &>> 3) }
            wordEnd &-= 8
        }
        if wordEnd &- start < 8 {
            while wordEnd > start {
                wordEnd &-= 1
                if bytes[wordEnd] == byte { return wordEnd }
            }
            return nil
        }
        guard let base = bytes.baseAddress,
            let found = clinux_memrchr(base + start, Int32(byte), UInt(wordEnd &- start))
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The bytes of `word` equal to `byte`, exact in every byte (a backward search needs the highest).
    @inline(__always)
    static func exactMatches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let zeros = word ^ (Self.ones &* UInt64(byte))
        let lows = ~Self.highs
        return ~(((zeros & lows) &+ lows) | zeros | lows)
    }

    /// The bytes of `word` that may be in a key: ASCII letters, digits, `_`, `-` and `.`; exact in every byte.
    @inline(__always)
    static func keyBytes(_ word: UInt64) -> UInt64 {
        // With bit 7 cleared no sum below carries into the next byte; bytes with it set are no key's.
        let low = word & ~Self.highs
        let letters = Self.inRange(low | (Self.ones &* 0x20), UInt8(ascii: "a"), UInt8(ascii: "z"))
        let digits = Self.inRange(low, UInt8(ascii: "0"), UInt8(ascii: "9"))
        let marks = Self.inRange(low, UInt8(ascii: "-"), UInt8(ascii: "."))
        let underscores = Self.inRange(low, UInt8(ascii: "_"), UInt8(ascii: "_"))
        return (letters | digits | marks | underscores) & ~word & Self.highs
    }

    /// How many of the last bytes of `word` (from its high byte down) are key bytes, up to 8.
    @inline(__always)
    static func keyRun(_ word: UInt64) -> Int {
        let others = ~Self.keyBytes(word) & Self.highs
        return others == 0 ? 8 : others.leadingZeroBitCount &>> 3
    }

    /// The bytes of `word` (each below 0x80) from `lowest` to `highest`, in bit 7.
    @inline(__always)
    private static func inRange(_ word: UInt64, _ lowest: UInt8, _ highest: UInt8) -> UInt64 {
        (word &+ Self.ones &* UInt64(0x80 - lowest)) & ~(word &+ Self.ones &* UInt64(0x7F - highest))
    }
}
