import CZlib

/// Raw inflate (RFC 1951) of one member body: for crash recovery, `verify` and queries.
///
/// Like ``ZlibCompressor``, owns one `z_stream` and resets it between members.
public final class Inflater {
    private let stream: UnsafeMutablePointer<z_stream>

    /// Creates an inflater.
    public init() throws {
        self.stream = .allocate(capacity: 1)
        self.stream.initialize(to: z_stream())
        let code = czlib_inflate_init_raw(self.stream)
        guard code == Z_OK else {
            let error = ZlibError("inflateInit2", code: code, stream: self.stream)
            self.stream.deallocate()
            throw error
        }
    }

    deinit {
        inflateEnd(self.stream)
        self.stream.deallocate()
    }

    /// Inflates a complete deflate stream of exactly `expectedLength` bytes into a new array.
    ///
    /// - Throws: ``ZlibError`` when the data is corrupt, truncated, longer than expected, or followed by junk.
    public func inflate(_ input: UnsafeRawBufferPointer, expectedLength: Int) throws -> [UInt8] {
        defer { inflateReset(self.stream) }
        var output = [UInt8](repeating: 0, count: expectedLength + 1)
        let (code, produced, unused) = output.withUnsafeMutableBytes { out in
            self.stream.pointee.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            self.stream.pointee.avail_in = uInt(input.count)
            self.stream.pointee.next_out = out.bindMemory(to: Bytef.self).baseAddress
            self.stream.pointee.avail_out = uInt(out.count)
            let code = CZlib.inflate(self.stream, Z_FINISH)
            return (code, out.count - Int(self.stream.pointee.avail_out), Int(self.stream.pointee.avail_in))
        }
        guard code == Z_STREAM_END else { throw ZlibError("inflate", code: code, stream: self.stream) }
        guard produced == expectedLength, unused == 0 else {
            throw ZlibError("inflate", code: Z_DATA_ERROR, stream: self.stream)
        }
        output.removeLast()
        return output
    }
}
