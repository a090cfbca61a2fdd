import CZlib

#if canImport(Glibc)
import Glibc
#endif

/// Checks one gzip member (RFC 1952) of any writer where it lies in a file: ours, `gzip -1`…`-9`, `pigz`, `bgzip`,
/// Python's `gzip`. It inflates the member in pieces, without holding it in memory, and lets zlib check the header
/// and the trailer's CRC-32 and ISIZE, so a member counts as whole only when every byte of it checks out.
///
/// Recovery uses it where our `AL` header field is missing or cannot be trusted: to learn where a foreign member
/// ends, and whether the last members of a file survived a crash.
public final class GzipMemberChecker {
    /// What the bytes at an offset are.
    public enum Outcome: Equatable, Sendable {
        /// A complete member that inflates and whose CRC-32 and ISIZE match, `length` bytes long.
        case whole(length: Int)
        /// The start of a member that the file ends inside of: a torn write.
        case incomplete
        /// Not a gzip member, or one whose data or checksums are wrong.
        case corrupt
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private let output: UnsafeMutableRawBufferPointer

    /// Bytes of the file read at a time.
    private static let readSize = 256 << 10

    /// Creates a checker.
    public init() throws {
        self.stream = .allocate(capacity: 1)
        self.stream.initialize(to: z_stream())
        let code = czlib_inflate_init_gzip(self.stream)
        guard code == Z_OK else {
            let error = ZlibError("inflateInit2", code: code, stream: self.stream)
            self.stream.deallocate()
            throw error
        }
        self.input = .allocate(byteCount: Self.readSize, alignment: 16)
        self.output = .allocate(byteCount: 256 << 10, alignment: 16)
    }

    deinit {
        inflateEnd(self.stream)
        self.stream.deallocate()
        self.input.deallocate()
        self.output.deallocate()
    }

    /// Checks the member that starts at `offset` of the open file `descriptor`, which is `fileSize` bytes long.
    ///
    /// - Parameter inflated: Called with each piece of the inflated data in turn, for readers of members that have
    ///   no `AL` field (the pieces of a member that turns out corrupt or incomplete have been handed over too).
    /// - Throws: ``ArchiveError`` when the file cannot be read; what the bytes are is the outcome, never an error.
    public func check(
        _ descriptor: Int32,
        at offset: Int,
        fileSize: Int,
        path: String,
        inflated: ((UnsafeRawBufferPointer) -> Void)? = nil
    ) throws -> Outcome {
        inflateReset(self.stream)
        self.stream.pointee.avail_in = 0
        var position = offset
        while true {
            if self.stream.pointee.avail_in == 0 {
                guard position < fileSize else { return .incomplete }
                let wanted = min(self.input.count, fileSize - position)
                let count = try FileReading.read(
                    descriptor,
                    into: UnsafeMutableRawBufferPointer(rebasing: self.input[..<wanted]),
                    at: position,
                    path: path
                )
                guard count > 0 else { return .incomplete }
                position += count
                self.stream.pointee.next_in = self.input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                self.stream.pointee.avail_in = uInt(count)
            }
            self.stream.pointee.next_out = self.output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            self.stream.pointee.avail_out = uInt(self.output.count)
            let code = inflate(self.stream, Z_NO_FLUSH)
            if let inflated {
                inflated(
                    UnsafeRawBufferPointer(
                        rebasing: self.output[..<(self.output.count - Int(self.stream.pointee.avail_out))]
                    )
                )
            }
            switch code {
            case Z_STREAM_END:
                // total_in counts the header and trailer too: the member's whole length.
                return .whole(length: Int(self.stream.pointee.total_in))
            case Z_OK, Z_BUF_ERROR:
                continue
            default:
                return .corrupt
            }
        }
    }
}
