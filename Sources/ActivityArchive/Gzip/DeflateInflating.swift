/// Raw inflate (RFC 1951) of a whole member body whose inflated length is known (the `AL` field states it): what
/// ``GzipMember/decode(_:inflater:)`` uses, with libdeflate (``LibdeflateInflater``) or zlib (``Inflater``).
public protocol DeflateInflating: AnyObject {
    /// Inflates a complete deflate stream of exactly `expectedLength` bytes into a new array.
    ///
    /// - Throws: When the data is corrupt, truncated, or inflates to another length.
    func inflate(_ input: UnsafeRawBufferPointer, expectedLength: Int) throws -> [UInt8]
}

extension Inflater: DeflateInflating {}

/// The fastest inflater this machine has: libdeflate when it loads, zlib otherwise.
public func makeDeflateInflater() throws -> any DeflateInflating {
    Libdeflate.isAvailable ? try LibdeflateInflater() : try Inflater()
}
