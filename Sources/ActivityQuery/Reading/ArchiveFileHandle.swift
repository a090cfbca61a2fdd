import ActivityArchive

#if canImport(Glibc)
import Glibc
#endif

/// An archive file open for reading, shared by the threads that read its members; closed when the last member
/// planned in it is done.
public final class ArchiveFileHandle: Sendable {
    /// The file's path, for messages.
    public let path: String
    /// The open descriptor (`pread` only, so threads share it).
    public let descriptor: Int32
    /// The file's size when it was opened.
    public let size: Int

    /// Opens `path`.
    ///
    /// - Throws: ``QueryProblem`` when it cannot be opened.
    public init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw QueryProblem(path: path, offset: nil, String(cString: strerror(errno))) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw QueryProblem(path: path, offset: nil, reason)
        }
        self.path = path
        self.descriptor = descriptor
        self.size = Int(status.st_size)
    }

    deinit {
        close(self.descriptor)
    }

    /// The `count` bytes at `offset` (fewer at the end of the file).
    public func read(at offset: Int, count: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            initializedCount = try FileReading.read(
                self.descriptor,
                into: UnsafeMutableRawBufferPointer(buffer),
                at: offset,
                path: self.path
            )
        }
    }
}
