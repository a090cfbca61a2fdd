#if canImport(Glibc)
import Glibc
#endif

/// A failed file operation on an archive, naming the file, the operation and the system's reason.
public struct ArchiveError: Error, CustomStringConvertible, Equatable {
    /// What was being done.
    public enum Operation: String, Sendable {
        case open
        case write
        case truncate
        case sync
        case read
        case stat
        case remove
        case saveTornTail = "save the torn tail to"
        case createDirectory = "create directory"
        case listDirectory = "list directory"
    }

    /// What was being done.
    public var operation: Operation
    /// The file or directory.
    public var path: String
    /// `errno` from the failing call.
    public var errno: Int32

    /// Creates an error from the current `errno`.
    public init(_ operation: Operation, path: String, errno: Int32 = Glibc.errno) {
        self.operation = operation
        self.path = path
        self.errno = errno
    }

    /// `true` when the error is about space (disk full or quota), which clears by itself when space returns.
    public var isOutOfSpace: Bool { self.errno == ENOSPC || self.errno == EDQUOT }

    public var description: String {
        "cannot \(self.operation.rawValue) \(self.path): \(String(cString: strerror(self.errno)))"
    }
}
