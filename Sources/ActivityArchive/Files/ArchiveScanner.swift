#if canImport(Glibc)
import Glibc
#endif

/// Walks the members of one archive file by their headers, without inflating.
public struct ArchiveScanner {
    /// One member found in a file.
    public struct Member: Equatable, Sendable {
        /// Where the member starts.
        public var offset: Int
        /// What its header says.
        public var extra: MemberExtraField
    }

    /// The result of a walk.
    public struct Walk: Equatable, Sendable {
        /// Members that lie wholly inside the file, in order.
        public var members: [Member]
        /// Where the last whole member ends: everything after it is not a member (torn or foreign).
        public var validLength: Int
        /// The file's size.
        public var fileSize: Int
    }

    /// Reads every member header of the file at `path`.
    public static func walk(path: String) throws -> Walk {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw ArchiveError(.open, path: path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ArchiveError(.stat, path: path) }
        let fileSize = Int(status.st_size)
        var members: [Member] = []
        var offset = 0
        var header = [UInt8](repeating: 0, count: GzipMember.headerLength)
        while offset + GzipMember.headerLength <= fileSize {
            let count = try header.withUnsafeMutableBytes {
                try FileReading.read(descriptor, into: $0, at: offset, path: path)
            }
            guard count == GzipMember.headerLength,
                let extra = header.withUnsafeBytes({ GzipMember.readHeader($0) }),
                offset + extra.memberLength <= fileSize
            else { break }
            members.append(Member(offset: offset, extra: extra))
            offset += extra.memberLength
        }
        return Walk(members: members, validLength: offset, fileSize: fileSize)
    }
}
