#if canImport(Glibc)
import Glibc
#endif

/// `pread` until a buffer is full or the file ends, for the readers of archive files.
public enum FileReading {
    /// Reads into `buffer` from `offset`, retrying on EINTR and short reads.
    ///
    /// - Returns: The bytes read: less than `buffer.count` only at the end of the file.
    public static func read(
        _ descriptor: Int32,
        into buffer: UnsafeMutableRawBufferPointer,
        at offset: Int,
        path: String
    ) throws -> Int {
        var total = 0
        while total < buffer.count {
            let result = pread(descriptor, buffer.baseAddress! + total, buffer.count - total, off_t(offset + total))
            if result < 0 {
                if errno == EINTR { continue }
                throw ArchiveError(.read, path: path)
            }
            if result == 0 { break }
            total += result
        }
        return total
    }
}
