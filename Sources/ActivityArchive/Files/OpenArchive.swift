#if canImport(Glibc)
import Glibc
#endif

/// An archive file opened for reading (and cutting) by recovery, refused unless it is a regular file.
///
/// `O_NOFOLLOW` keeps a symbolic link planted under an archive's name from redirecting us; `O_NONBLOCK` keeps a FIFO
/// planted there from blocking the open.
struct OpenArchive {
    let descriptor: Int32
    let size: Int
    /// No write permission bit is set: an operator froze the file.
    let isReadOnly: Bool

    /// Opens `path`, for writing too when `writable` and the file's mode allows it.
    init(path: String, writable: Bool) throws {
        var status = stat()
        guard lstat(path, &status) == 0 else { throw ArchiveError(.open, path: path) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ArchiveError(.open, path: path, errno: status.st_mode & S_IFMT == S_IFDIR ? EISDIR : ELOOP)
        }
        let isReadOnly = FileMode.isWriteProtected(status.st_mode)
        let mode = writable && !isReadOnly ? O_RDWR : O_RDONLY
        let descriptor = open(path, mode | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { throw ArchiveError(.open, path: path) }
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            let error = ArchiveError(.open, path: path, errno: EINVAL)
            Glibc.close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        self.size = Int(status.st_size)
        self.isReadOnly = isReadOnly
    }

    func close() { Glibc.close(self.descriptor) }
}
