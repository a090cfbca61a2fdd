import ActivityModel

/// One complete gzip member (RFC 1952) of JSON lines, laid out for one `write`:
///
/// ```
/// +----+----+----+----+----+----+----+----+----+----+----+----+==========================+
/// | 1F | 8B | 08 | 04 | MTIME = 0         |XFL | OS | XLEN=36 | extra: MemberExtraField  |
/// +----+----+----+----+----+----+----+----+----+----+----+----+==========================+
/// +=============================+----+----+----+----+----+----+----+----+
/// | raw deflate of the lines    |      CRC32        |      ISIZE        |
/// +=============================+----+----+----+----+----+----+----+----+
/// ```
///
/// A file of such members is one valid gzip stream for `zcat`, `zgrep` and `gzip -t`, and since every member states
/// its own length, a reader walks the file header to header.
public enum GzipMember {
    /// Bytes before the deflate data: the 10-byte header, XLEN, and our subfield.
    public static let headerLength = 12 + MemberExtraField.encodedLength
    /// Bytes after the deflate data: CRC32 and ISIZE.
    public static let trailerLength = 8

    /// Compresses `lines` into one member.
    ///
    /// - Parameters:
    ///   - lines: JSON lines, each ending in LF.
    ///   - recordCount: How many lines.
    ///   - firstReceived: `received` of the first record.
    ///   - lastReceived: `received` of the last record.
    ///   - compressor: The engine's compressor to use.
    /// - Returns: The member's bytes and its description.
    public static func encode(
        lines: UnsafeRawBufferPointer,
        recordCount: Int,
        firstReceived: Timestamp,
        lastReceived: Timestamp,
        compressor: any MemberCompressor
    ) throws -> (bytes: [UInt8], extra: MemberExtraField) {
        precondition(lines.count < Int(UInt32.max), "a member holds less than 4 GiB of lines")
        let capacity = Self.headerLength + compressor.bound(for: lines.count) + Self.trailerLength
        var extra: MemberExtraField?
        // Uninitialized: zero-filling the worst-case bound would touch (and make resident) ~4 times the member.
        let member = try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initializedCount in
            let bytes = UnsafeMutableRawBufferPointer(buffer)
            let body = UnsafeMutableRawBufferPointer(
                rebasing: bytes[Self.headerLength..<(capacity - Self.trailerLength)]
            )
            let compressed = try compressor.compress(lines, into: body)
            let length = Self.headerLength + compressed + Self.trailerLength
            let described = MemberExtraField(
                memberLength: length,
                recordCount: recordCount,
                uncompressedLength: lines.count,
                firstReceived: firstReceived,
                lastReceived: lastReceived
            )
            Self.writeHeader(described, into: bytes, level: compressor.level)
            extra = described
            let trailer = Self.headerLength + compressed
            bytes.storeBytes(of: crc32(lines).littleEndian, toByteOffset: trailer, as: UInt32.self)
            bytes.storeBytes(of: UInt32(lines.count).littleEndian, toByteOffset: trailer + 4, as: UInt32.self)
            initializedCount = length
        }
        return (member, extra!)
    }

    private static func writeHeader(
        _ extra: MemberExtraField,
        into bytes: UnsafeMutableRawBufferPointer,
        level: Int
    ) {
        bytes[0] = 0x1F  // ID1
        bytes[1] = 0x8B  // ID2
        bytes[2] = 8  // CM = deflate
        bytes[3] = 0x04  // FLG = FEXTRA
        // MTIME 0 (unknown): the subfield carries the times. Every header byte is written; the buffer is not zeroed.
        bytes.storeBytes(of: UInt32(0), toByteOffset: 4, as: UInt32.self)
        bytes[8] = level == 9 ? 2 : (level == 1 ? 4 : 0)  // XFL
        bytes[9] = 3  // OS = Unix
        bytes.storeBytes(of: UInt16(MemberExtraField.encodedLength).littleEndian, toByteOffset: 10, as: UInt16.self)
        extra.write(into: bytes, at: 12)
    }

    /// Reads the description of the member that starts at `offset` of `bytes`.
    ///
    /// - Returns: `nil` when the bytes there are not the start of one of our members (foreign gzip, garbage, or
    ///   fewer than ``headerLength`` bytes).
    public static func readHeader(_ bytes: UnsafeRawBufferPointer, at offset: Int = 0) -> MemberExtraField? {
        guard offset + Self.headerLength <= bytes.count, bytes[offset] == 0x1F, bytes[offset + 1] == 0x8B,
            bytes[offset + 2] == 8, bytes[offset + 3] == 0x04,
            UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 10, as: UInt16.self))
                == UInt16(MemberExtraField.encodedLength),
            let extra = MemberExtraField.read(from: bytes, at: offset + 12),
            extra.memberLength >= Self.headerLength + Self.trailerLength
        else { return nil }
        return extra
    }

    /// Inflates a complete member and checks its CRC32 and ISIZE.
    ///
    /// - Returns: The JSON lines.
    /// - Throws: The inflater's error or ``ArchiveFormatError`` when the member is corrupt.
    public static func decode(_ member: UnsafeRawBufferPointer, inflater: any DeflateInflating) throws -> [UInt8] {
        guard let extra = Self.readHeader(member), extra.memberLength == member.count else {
            throw ArchiveFormatError.notAMember
        }
        let body = UnsafeRawBufferPointer(rebasing: member[Self.headerLength..<(member.count - Self.trailerLength)])
        let lines = try inflater.inflate(body, expectedLength: extra.uncompressedLength)
        let storedCRC = UInt32(littleEndian: member.loadUnaligned(fromByteOffset: member.count - 8, as: UInt32.self))
        let storedSize = UInt32(littleEndian: member.loadUnaligned(fromByteOffset: member.count - 4, as: UInt32.self))
        let actualCRC = lines.withUnsafeBytes { crc32($0) }
        guard storedCRC == actualCRC, storedSize == UInt32(truncatingIfNeeded: lines.count) else {
            throw ArchiveFormatError.checksumMismatch
        }
        return lines
    }
}

/// A member that is not what its header says.
public enum ArchiveFormatError: Error, Equatable {
    /// The bytes do not start with one of our member headers, or the lengths disagree.
    case notAMember
    /// The CRC32 or ISIZE of the trailer does not match the inflated data.
    case checksumMismatch
}
