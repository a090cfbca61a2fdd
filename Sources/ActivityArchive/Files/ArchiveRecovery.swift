#if canImport(Glibc)
import Glibc
#endif

/// Makes an archive file end with a complete, verified member after a crash.
///
/// Walks the members by header (``ArchiveScanner``); whatever follows the last member that lies wholly in the file
/// (a torn write, garbage) is cut off. Then the last member is inflated and its CRC32 checked, since a crash can also
/// leave a member of the right length whose blocks never reached the disk; a bad one is cut too, and the one before
/// it checked, until a good member remains; a file with none is removed. Afterwards `gzip -t` passes on the file.
public enum ArchiveRecovery {
    /// What recovery did to one file.
    public struct Report: Equatable, Sendable {
        /// The file.
        public var path: String
        /// Size before recovery.
        public var originalSize: Int
        /// Size after recovery.
        public var recoveredSize: Int
        /// Complete members kept.
        public var membersKept: Int

        /// Bytes cut from the end.
        public var bytesCut: Int { self.originalSize - self.recoveredSize }
    }

    /// Recovers the file at `path` in place.
    public static func recover(path: String, inflater: Inflater) throws -> Report {
        let walk = try ArchiveScanner.walk(path: path)
        var members = walk.members
        while let last = members.last {
            let bytes = try ArchiveScanner.readMember(path: path, last)
            let isIntact = (try? bytes.withUnsafeBytes { try GzipMember.decode($0, inflater: inflater) }) != nil
            if isIntact { break }
            members.removeLast()
        }
        let validLength = members.last.map { $0.offset + $0.extra.memberLength } ?? 0
        if validLength == 0 {
            // Nothing whole is left: an empty file would fail `gzip -t`, so it goes.
            guard unlink(path) == 0 else { throw ArchiveError(.remove, path: path) }
        } else if validLength < walk.fileSize {
            let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
            guard descriptor >= 0 else { throw ArchiveError(.open, path: path) }
            defer { close(descriptor) }
            guard ftruncate(descriptor, off_t(validLength)) == 0 else { throw ArchiveError(.truncate, path: path) }
        }
        return Report(path: path, originalSize: walk.fileSize, recoveredSize: validLength, membersKept: members.count)
    }
}
