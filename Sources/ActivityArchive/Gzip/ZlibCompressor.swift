import CZlib

/// Raw deflate (RFC 1951) of whole buffers with the system zlib: `compression-engine zlib`.
///
/// Owns one `z_stream` at a never-moving address for its lifetime and resets it between buffers, so compressing a
/// batch allocates nothing once warmed up. Not thread-safe: one compressor per compressing thread (it may be handed
/// to that thread, hence `@unchecked Sendable`, but never used by two at once).
public final class ZlibCompressor: MemberCompressor, @unchecked Sendable {
    private let stream: UnsafeMutablePointer<z_stream>
    public let level: Int

    /// Creates a compressor.
    ///
    /// - Parameter level: 1–9, as `compression-level`.
    /// - Throws: ``ZlibError`` if zlib cannot be initialised.
    public init(level: Int) throws {
        precondition(CompressionEngine.levels.contains(level), "compression level \(level) is not 1–9")
        self.level = level
        self.stream = .allocate(capacity: 1)
        self.stream.initialize(to: z_stream())
        let code = czlib_deflate_init_raw(self.stream, Int32(level))
        guard code == Z_OK else {
            let error = ZlibError("deflateInit2", code: code, stream: self.stream)
            self.stream.deallocate()
            throw error
        }
    }

    deinit {
        deflateEnd(self.stream)
        self.stream.deallocate()
    }

    public func bound(for length: Int) -> Int {
        Int(deflateBound(self.stream, uLong(length)))
    }

    public func compress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        precondition(output.count >= self.bound(for: input.count), "deflate output smaller than deflateBound")
        defer { deflateReset(self.stream) }
        self.stream.pointee.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
        self.stream.pointee.avail_in = uInt(input.count)
        self.stream.pointee.next_out = output.bindMemory(to: Bytef.self).baseAddress
        self.stream.pointee.avail_out = uInt(output.count)
        let code = deflate(self.stream, Z_FINISH)
        guard code == Z_STREAM_END else { throw ZlibError("deflate", code: code, stream: self.stream) }
        return output.count - Int(self.stream.pointee.avail_out)
    }
}
