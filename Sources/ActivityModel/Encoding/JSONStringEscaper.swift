/// Writes arbitrary bytes as the inside of a JSON string: valid UTF-8, no raw control characters.
///
/// ```
///  input bytes                 output
///  ──────────────────────────  ─────────────────────────
///  a " b \ c                   a \" b \\ c
///  0x00 0x0A 0x1F 0x7F         \u0000 \n \u001f \u007f
///  E2 80 A8 / E2 80 A9         \u2028 / \u2029
///  C3 28   (broken sequence)   EF BF BD 28   (U+FFFD, then "(")
/// ```
///
/// Bytes that are not valid UTF-8 become U+FFFD, one per maximal invalid subsequence (Unicode §3.9 "U+FFFD
/// Substitution of Maximal Subparts", which is what `String(decoding:as: UTF8.self)` does). Because every byte below
/// 0x20 is escaped, the output never contains a line break, so a record is always exactly one line.
///
/// Eight bytes are tested at a time (SWAR): a run of plain ASCII is copied a word at a time, and a string's last
/// one to seven bytes are tested and copied as one word too, padded with spaces, so a short field costs one test.
public enum JSONStringEscaper {
    /// The most bytes one input byte can become (`\u00XX`).
    public static let maximumExpansion = 6

    /// Writes the escaped form of `bytes` (without surrounding quotes); at most
    /// ``maximumExpansion`` × `bytes.count` bytes.
    ///
    /// Whole words may be stored past the escaped text, but never past the space `writer` has reserved.
    @inline(__always)
    public static func write(_ bytes: UnsafeBufferPointer<UInt8>, to writer: inout ByteWriter) {
        guard let input = bytes.baseAddress else { return }
        let count = bytes.count
        let room = writer.remaining
        precondition(room >= count * Self.maximumExpansion, "ByteWriter overflow: reserve more space")
        let output = writer.cursor
        // Indices stay below count and written below room, so the arithmetic below cannot overflow.
        var written = 0
        var index = 0
        while index < count {
            let left = count &- index
            let word: UInt64
            let wordLength: Int
            if left >= 8 {
                // Room: written <= 6 * index, so written + 8 <= 6 * count <= room.
                word = UnsafeRawPointer(input + index).loadUnaligned(as: UInt64.self)
                wordLength = 8
            } else if written &+ 8 <= room {
                word = Self.loadTail(of: input, count: count, from: index) | (Self.spaces &<< UInt64(left &* 8))
                wordLength = left
            } else {
                let (consumed, produced) = Self.writeOneCharacter(bytes, at: index, to: output + written)
                index &+= consumed
                written &+= produced
                continue
            }
            UnsafeMutableRawPointer(output + written).storeBytes(of: word, as: UInt64.self)
            let flags = Self.escapeFlags(word)
            if flags == 0 {
                written &+= wordLength
                index &+= wordLength
                continue
            }
            let plainLength = flags.trailingZeroBitCount &>> 3
            let (consumed, produced) = Self.writeOneCharacter(
                bytes,
                at: index &+ plainLength,
                to: output + (written &+ plainLength)
            )
            index &+= plainLength &+ consumed
            written &+= plainLength &+ produced
        }
        writer.position &+= written
    }

    /// Writes `bytes` as they are when they are 4 to 16 plain ASCII bytes (most host names, app names, user names,
    /// addresses and vocabulary words), with two overlapping loads, one test and two overlapping stores; returns
    /// `false`, having written nothing, for any other text, which ``write(_:to:)`` then escapes.
    @inline(__always)
    static func writeShortPlain(_ bytes: UnsafeBufferPointer<UInt8>, to writer: inout ByteWriter) -> Bool {
        let count = bytes.count
        guard count >= 4, count <= 16, let input = bytes.baseAddress, writer.remaining >= count else { return false }
        let output = UnsafeMutableRawPointer(writer.cursor)
        if count >= 8 {
            let head = UnsafeRawPointer(input).loadUnaligned(as: UInt64.self)
            let tail = UnsafeRawPointer(input + (count &- 8)).loadUnaligned(as: UInt64.self)
            guard Self.escapeFlags(head) | Self.escapeFlags(tail) == 0 else { return false }
            output.storeBytes(of: head, as: UInt64.self)
            output.storeBytes(of: tail, toByteOffset: count &- 8, as: UInt64.self)
        } else {
            let head = UnsafeRawPointer(input).loadUnaligned(as: UInt32.self)
            let tail = UnsafeRawPointer(input + (count &- 4)).loadUnaligned(as: UInt32.self)
            guard Self.escapeFlags(UInt64(head) | UInt64(tail) &<< 32) == 0 else { return false }
            output.storeBytes(of: head, as: UInt32.self)
            output.storeBytes(of: tail, toByteOffset: count &- 4, as: UInt32.self)
        }
        writer.position &+= count
        return true
    }

    /// Eight ASCII spaces: padding that is plain, so it never raises a flag of its own.
    private static let spaces: UInt64 = 0x2020_2020_2020_2020

    /// The last `count - index` (one to seven) bytes of `input` in the low bytes of a word, the rest zero.
    @inline(__always)
    private static func loadTail(of input: UnsafePointer<UInt8>, count: Int, from index: Int) -> UInt64 {
        let left = count - index
        if count >= 8 {  // One load of the string's last eight bytes, shifted down.
            let last = UnsafeRawPointer(input + count - 8).loadUnaligned(as: UInt64.self)
            return last &>> UInt64((8 &- left) &* 8)
        }
        let start = UnsafeRawPointer(input + index)
        var word: UInt64 = 0
        var offset = 0
        if left & 4 != 0 {
            word = UInt64(start.loadUnaligned(as: UInt32.self))
            offset = 4
        }
        if left & 2 != 0 {
            word |= UInt64(start.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) &<< UInt64(offset &* 8)
            offset += 2
        }
        if left & 1 != 0 {
            word |= UInt64(start.load(fromByteOffset: offset, as: UInt8.self)) &<< UInt64(offset &* 8)
        }
        return word
    }

    /// A word with the high bit set in the lowest byte of `word` that cannot be copied as itself (non-ASCII, below
    /// 0x20, `"`, `\`, DEL), zero when all eight can.
    ///
    /// Bytes above the lowest flagged one may be flagged falsely (borrows and carries run upwards); only
    /// "none" and "the lowest" are meaningful. For an ASCII byte b: `(b ^ 0x22) - 1` and `(b ^ 0x5C) - 1` reach
    /// the high bit only when b is `"` or `\`, `b - 0x20` only when b < 0x20, `b + 1` only when b is DEL.
    @inline(__always)
    static func escapeFlags(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = (word ^ (ones &* 0x22)) &- ones
        let backslashes = (word ^ (ones &* 0x5C)) &- ones
        let controls = word &- Self.spaces
        let deletes = word &+ ones
        return (quotes | backslashes | controls | deletes | word) & highs
    }

    /// `true` for ASCII bytes that appear in a JSON string as themselves: 0x20–0x7E except `"` and `\`.
    ///
    /// A bit per byte value in two 64-bit masks, so the test is a shift and a mask, not four comparisons.
    @inline(__always)
    static func isPlainASCII(_ byte: UInt8) -> Bool {
        let plainBelow64: UInt64 = 0xFFFF_FFFB_0000_0000  // 0x20–0x3F without 0x22 (")
        let plainFrom64: UInt64 = 0x7FFF_FFFF_EFFF_FFFF  // 0x40–0x7E without 0x5C (\)
        let mask = byte < 64 ? plainBelow64 : plainFrom64
        return byte < 0x80 && (mask >> UInt64(byte & 63)) & 1 != 0
    }

    /// Writes the character starting at `index` (one byte, an escape, a UTF-8 sequence or U+FFFD) to `output`;
    /// returns how many input bytes it consumed and how many it wrote.
    private static func writeOneCharacter(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at index: Int,
        to output: UnsafeMutablePointer<UInt8>
    ) -> (consumed: Int, produced: Int) {
        let byte = bytes[index]
        if byte < 0x80 {
            if Self.isPlainASCII(byte) {
                output[0] = byte
                return (1, 1)
            }
            return (1, Self.writeEscape(for: byte, to: output))
        }
        let length = UTF8Validation.sequenceLength(in: bytes, at: index)
        if length == 3, byte == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 {
            return (3, Self.copy(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", to: output))
        }
        if length > 0 {
            for offset in 0..<length { output[offset] = bytes[index + offset] }
            return (length, length)
        }
        (output[0], output[1], output[2]) = (0xEF, 0xBF, 0xBD)  // U+FFFD
        return (-length, 3)
    }

    /// Writes the escape for an ASCII byte that cannot stand as itself; returns its length.
    private static func writeEscape(for byte: UInt8, to output: UnsafeMutablePointer<UInt8>) -> Int {
        switch byte {
        case UInt8(ascii: "\""): return Self.copy("\\\"", to: output)
        case UInt8(ascii: "\\"): return Self.copy("\\\\", to: output)
        case UInt8(ascii: "\n"): return Self.copy("\\n", to: output)
        case UInt8(ascii: "\r"): return Self.copy("\\r", to: output)
        case UInt8(ascii: "\t"): return Self.copy("\\t", to: output)
        case 0x08: return Self.copy("\\b", to: output)
        case 0x0C: return Self.copy("\\f", to: output)
        default:
            let hexDigits: StaticString = "0123456789abcdef"
            _ = Self.copy("\\u00", to: output)
            output[4] = hexDigits.utf8Start[Int(byte >> 4)]
            output[5] = hexDigits.utf8Start[Int(byte & 0x0F)]
            return 6
        }
    }

    @inline(__always)
    private static func copy(_ text: StaticString, to output: UnsafeMutablePointer<UInt8>) -> Int {
        for offset in 0..<text.utf8CodeUnitCount { output[offset] = text.utf8Start[offset] }
        return text.utf8CodeUnitCount
    }
}
