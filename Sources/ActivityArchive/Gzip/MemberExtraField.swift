import ActivityModel

/// What every archive member says about itself in its gzip header, so readers can hop from member to member and
/// skip members by time without inflating anything (the BGZF idea).
///
/// The member's header has `FLG.FEXTRA` set and one extra subfield (RFC 1952 §2.3.1.1), always first:
///
/// ```
/// offset  size  field
///  0      1     SI1 = 'A'
///  1      1     SI2 = 'L'            ("activitylog")
///  2      2     LEN = 32             (little-endian, as all fields below)
///  4      1     version = 1
///  5      3     reserved, zero
///  8      4     member length        whole member in bytes: header + deflate data + CRC32 + ISIZE
/// 12      4     record count         JSON lines in the member
/// 16      4     uncompressed length  bytes of JSON lines (equals ISIZE)
/// 20      8     first received       microseconds since 1970-01-01T00:00:00Z, signed
/// 28      8     last received        microseconds since 1970-01-01T00:00:00Z, signed
/// ```
///
/// Standard tools (`gzip`, `zcat`, `zgrep`) skip the extra field.
public struct MemberExtraField: Equatable, Sendable {
    /// The subfield ID bytes.
    public static let identifier: (UInt8, UInt8) = (UInt8(ascii: "A"), UInt8(ascii: "L"))
    /// Payload length (LEN).
    public static let payloadLength = 32
    /// Subfield length including SI1, SI2 and LEN.
    public static let encodedLength = 4 + payloadLength
    /// The layout version this code writes and reads.
    public static let version: UInt8 = 1

    /// Total bytes of the member.
    public var memberLength: Int
    /// Number of records (JSON lines).
    public var recordCount: Int
    /// Bytes of JSON lines.
    public var uncompressedLength: Int
    /// `received` of the first record.
    public var firstReceived: Timestamp
    /// `received` of the last record.
    public var lastReceived: Timestamp

    /// Creates a description of a member.
    public init(
        memberLength: Int,
        recordCount: Int,
        uncompressedLength: Int,
        firstReceived: Timestamp,
        lastReceived: Timestamp
    ) {
        self.memberLength = memberLength
        self.recordCount = recordCount
        self.uncompressedLength = uncompressedLength
        self.firstReceived = firstReceived
        self.lastReceived = lastReceived
    }

    /// Writes the subfield (SI1 SI2 LEN payload) into `bytes` at `offset`.
    func write(into bytes: UnsafeMutableRawBufferPointer, at offset: Int) {
        bytes[offset] = Self.identifier.0
        bytes[offset + 1] = Self.identifier.1
        bytes.storeBytes(of: UInt16(Self.payloadLength).littleEndian, toByteOffset: offset + 2, as: UInt16.self)
        bytes[offset + 4] = Self.version
        bytes[offset + 5] = 0
        bytes[offset + 6] = 0
        bytes[offset + 7] = 0
        bytes.storeBytes(of: UInt32(self.memberLength).littleEndian, toByteOffset: offset + 8, as: UInt32.self)
        bytes.storeBytes(of: UInt32(self.recordCount).littleEndian, toByteOffset: offset + 12, as: UInt32.self)
        bytes.storeBytes(of: UInt32(self.uncompressedLength).littleEndian, toByteOffset: offset + 16, as: UInt32.self)
        bytes.storeBytes(
            of: self.firstReceived.microsecondsSinceEpoch.littleEndian,
            toByteOffset: offset + 20,
            as: Int64.self
        )
        bytes.storeBytes(
            of: self.lastReceived.microsecondsSinceEpoch.littleEndian,
            toByteOffset: offset + 28,
            as: Int64.self
        )
    }

    /// Reads the subfield at `offset`, or `nil` when it is not ours.
    static func read(from bytes: UnsafeRawBufferPointer, at offset: Int) -> MemberExtraField? {
        guard offset + Self.encodedLength <= bytes.count, bytes[offset] == Self.identifier.0,
            bytes[offset + 1] == Self.identifier.1,
            UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 2, as: UInt16.self))
                == UInt16(Self.payloadLength),
            bytes[offset + 4] == Self.version
        else { return nil }
        func integer<T: FixedWidthInteger>(_ at: Int, as type: T.Type) -> T {
            T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + at, as: T.self))
        }
        return MemberExtraField(
            memberLength: Int(integer(8, as: UInt32.self)),
            recordCount: Int(integer(12, as: UInt32.self)),
            uncompressedLength: Int(integer(16, as: UInt32.self)),
            firstReceived: Timestamp(microsecondsSinceEpoch: integer(20, as: Int64.self)),
            lastReceived: Timestamp(microsecondsSinceEpoch: integer(28, as: Int64.self))
        )
    }
}
