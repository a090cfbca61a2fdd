import CLibdeflate
import CZlib

/// Compresses one batch of JSON lines into the raw deflate body of a gzip member.
///
/// Implementations keep their state between calls (so a warmed-up compressor allocates nothing) and are used by one
/// thread at a time.
public protocol MemberCompressor: AnyObject, Sendable {
    /// The compression level, 1 (fastest) to 9 (smallest).
    var level: Int { get }
    /// The most bytes ``compress(_:into:)`` can produce for `length` input bytes.
    func bound(for length: Int) -> Int
    /// Compresses all of `input` into `output`, which must hold at least ``bound(for:)`` bytes.
    ///
    /// - Returns: The number of compressed bytes written.
    func compress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int
}

/// CRC-32 (ISO 3309, as gzip uses) of a buffer, continuing from `crc`. libdeflate's is carry-less-multiply
/// accelerated, several times faster than zlib's on the same data; zlib's is used when libdeflate is not there.
public func crc32(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
    if Libdeflate.isAvailable { return cld_crc32(crc, bytes.baseAddress, bytes.count) }
    guard let base = bytes.baseAddress else { return crc }
    return UInt32(crc32_z(uLong(crc), base.assumingMemoryBound(to: Bytef.self), bytes.count))
}
