#if canImport(Glibc)
import Glibc
#endif

/// What identifies a file's content for "recovered already, unchanged since": device, inode, size, mtime.
struct FileIdentity: Equatable {
    var device: UInt
    var inode: UInt
    var size: Int
    var modified: Int
}

extension FileIdentity {
    /// The identity of the file at `path`, or `nil` when there is none.
    init?(path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        self.device = UInt(status.st_dev)
        self.inode = UInt(status.st_ino)
        self.size = Int(status.st_size)
        self.modified = status.st_mtim.tv_sec * 1_000_000_000 + status.st_mtim.tv_nsec
    }
}
