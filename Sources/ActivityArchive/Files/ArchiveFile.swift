#if canImport(Glibc)
import Glibc
#endif

/// One archive file open for appending whole members.
///
/// Each member goes in with one `write` (repeated only if the kernel takes part of it); if any write, or the
/// `fdatasync` after it, fails, the file is truncated back to where the member began, so the file never holds part
/// of a member and a retry appends it once. Files are created 0640.
///
/// Before each member the writer asks ``pathState`` whether the file is still the one under its name, unchanged
/// since our last write: operators recompress, restore, rename, delete and `chmod` archives while the daemon runs.
public final class ArchiveFile {
    /// The file's path.
    public let path: String
    private let descriptor: Int32
    /// `fdatasync`, or a stand-in that fails, for tests.
    private let syncData: @Sendable (Int32) -> Int32
    /// Size of the file: where the next member will start.
    public private(set) var size: Int
    /// `true` when this open created the file (it did not exist before).
    public let wasCreated: Bool
    private let device: UInt
    private let inode: UInt

    /// Opens (creating if needed) `path` for appending; the caller has recovered its tail first.
    public convenience init(path: String) throws {
        try self.init(path: path, syncData: { fdatasync($0) })
    }

    /// Opens `path` with `syncData` in place of `fdatasync` (tests make it fail).
    ///
    /// - Throws: ``ArchiveError``; also when `path` is not a regular file (`EISDIR`, `ELOOP` for a symbolic link,
    ///   `EINVAL` for anything else), which is never written through.
    init(path: String, syncData: @escaping @Sendable (Int32) -> Int32) throws {
        self.path = path
        self.syncData = syncData
        // O_NOFOLLOW: a symlink planted under an archive's name must not redirect our writes. O_NONBLOCK: a FIFO
        // planted there must not block the open (the fstat below refuses it).
        let flags = O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK
        var descriptor = open(path, flags | O_CREAT | O_EXCL, 0o640)
        self.wasCreated = descriptor >= 0
        if descriptor < 0, errno == EEXIST { descriptor = open(path, flags) }
        guard descriptor >= 0 else { throw ArchiveError(.open, path: path) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            let error = ArchiveError(.open, path: path, errno: EINVAL)
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        self.size = Int(status.st_size)
        self.device = UInt(status.st_dev)
        self.inode = UInt(status.st_ino)
    }

    deinit {
        close(self.descriptor)
    }

    /// Appends one complete member and, when `sync` is set, flushes the file's data to stable storage.
    ///
    /// - Throws: ``ArchiveError`` after cutting the file back to its size before the call. After a failed
    ///   `fdatasync` the kernel may have dropped the written pages, so the member is taken out to be written again.
    public func append(_ member: UnsafeRawBufferPointer, sync: Bool) throws {
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
        guard !sync || self.syncData(self.descriptor) == 0 else {
            let error = ArchiveError(.sync, path: self.path)
            self.cutBack()
            throw error
        }
        self.size += member.count
    }

    /// `true` once the file has been deleted while open (its last link is gone): what is appended would be lost.
    public var isDeleted: Bool {
        var status = stat()
        return fstat(self.descriptor, &status) == 0 && status.st_nlink == 0
    }

    /// What became of the file since our last write, as seen under its name.
    public enum PathState: Equatable, Sendable {
        /// The name still leads to this file, at the size we left it, writable.
        case unchanged
        /// Nothing is under the name any more: deleted or renamed.
        case gone
        /// Another file (or a directory, or a link) is under the name: a restored or recompressed copy.
        case replaced
        /// The same file has another size: something else wrote to it or cut it (`cp` over it restores in place).
        case resized(to: Int)
        /// An operator removed every write permission bit.
        case madeReadOnly
    }

    /// Compares the file under ``path`` with the open one (one `lstat`).
    public var pathState: PathState {
        var status = stat()
        guard lstat(self.path, &status) == 0 else { return .gone }
        guard UInt(status.st_dev) == self.device, UInt(status.st_ino) == self.inode else { return .replaced }
        guard !FileMode.isWriteProtected(status.st_mode) else { return .madeReadOnly }
        guard Int(status.st_size) == self.size else { return .resized(to: Int(status.st_size)) }
        return .unchanged
    }

    /// Truncates the file to `size`; if that fails, `size` follows the file as it is, so the next cut never falls
    /// inside a member already written.
    private func cutBack() {
        while ftruncate(self.descriptor, off_t(self.size)) != 0 {
            guard errno == EINTR else {
                var status = stat()
                if fstat(self.descriptor, &status) == 0 { self.size = Int(status.st_size) }
                return
            }
        }
    }
}
