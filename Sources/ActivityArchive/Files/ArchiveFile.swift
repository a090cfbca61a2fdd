#if canImport(Glibc)
import Glibc
#endif

/// One archive file open for appending whole members.
///
/// Each member goes in with one `write` (repeated only if the kernel takes part of it); if any write fails, the file
/// is truncated back to where the member began, so the file never holds part of a member. Files are created 0640.
public final class ArchiveFile {
    /// The file's path.
    public let path: String
    private let descriptor: Int32
    /// Size of the file: where the next member will start.
    public private(set) var size: Int

    /// Opens (creating if needed) `path` for appending; the caller has recovered its tail first.
    public init(path: String) throws {
        self.path = path
        // O_NOFOLLOW: a symlink planted under an archive's name must not redirect our writes.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard descriptor >= 0 else { throw ArchiveError(.open, path: path) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let error = ArchiveError(.stat, path: path)
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        self.size = Int(status.st_size)
    }

    deinit {
        close(self.descriptor)
    }

    /// Appends one complete member.
    ///
    /// - Throws: ``ArchiveError`` after cutting the file back to its size before the call.
    public func append(_ member: UnsafeRawBufferPointer) throws {
        var written = 0
        while written < member.count {
            let result = write(self.descriptor, member.baseAddress! + written, member.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                let error = ArchiveError(.write, path: self.path)
                self.cutBack()
                throw error
            }
            written += result
        }
        self.size += member.count
    }

    /// Flushes the file's data to stable storage.
    public func sync() throws {
        guard fdatasync(self.descriptor) == 0 else { throw ArchiveError(.sync, path: self.path) }
    }

    private func cutBack() {
        while ftruncate(self.descriptor, off_t(self.size)) != 0, errno == EINTR {}
    }
}
