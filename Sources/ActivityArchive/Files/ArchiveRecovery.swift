#if canImport(Glibc)
import Glibc
#endif

/// Makes an archive file end with a whole member again after a crash, cutting only what is provably torn.
///
/// The file is surveyed (``ArchiveSurvey``): every member that inflates completely and whose CRC-32 and ISIZE check
/// out is kept, whoever wrote it. Only the tail after the last whole member — an incomplete or corrupt final member,
/// or garbage — is cut, and before the cut its bytes are saved to `<file>.torn-<offset>` (made durable first), unless
/// they are all zero. Damage in the middle of a file, with whole members after it, is reported and left as it is:
/// the daemon only ever appends at the end. Recovery never removes a file, and never touches a read-only one.
///
/// If the tail cannot be saved (the disk is full), nothing is cut: ``recover(path:checker:)`` throws, and the
/// writer appends to the file only once a later recovery has cut the tail.
public enum ArchiveRecovery {
    /// What recovery found in, and did to, one file.
    public struct Report: Equatable, Sendable {
        /// The file.
        public var path: String
        /// What the file holds.
        public var survey: ArchiveSurvey
        /// Where the cut bytes were saved; `nil` when nothing was cut or the cut bytes were all zero.
        public var savedTailPath: String?
        /// `true` when the file is read-only (no write permission bit): it is surveyed but never cut.
        public var isReadOnly: Bool

        /// Size before recovery.
        public var originalSize: Int { self.survey.fileSize }
        /// Size after recovery.
        public var recoveredSize: Int { self.isReadOnly ? self.survey.fileSize : self.survey.validLength }
        /// Whole members kept.
        public var membersKept: Int { self.survey.wholeMembers }
        /// Bytes cut from the end.
        public var bytesCut: Int { self.originalSize - self.recoveredSize }
    }

    /// Recovers the file at `path` in place.
    ///
    /// - Throws: ``ArchiveError``: the file cannot be opened (gone, not a regular file) or read, or its tail cannot be
    ///   saved before the cut (then nothing was cut).
    public static func recover(path: String, checker: GzipMemberChecker) throws -> Report {
        let file = try OpenArchive(path: path, writable: true)
        defer { file.close() }
        let survey = try ArchiveSurvey.survey(file.descriptor, fileSize: file.size, path: path, checker: checker)
        var report = Report(path: path, survey: survey, savedTailPath: nil, isReadOnly: file.isReadOnly)
        guard let tail = survey.tail, !file.isReadOnly else { return report }
        if !tail.isAllZero {
            report.savedTailPath = try Self.save(tail, of: file, path: path)
        }
        while ftruncate(file.descriptor, off_t(tail.offset)) != 0 {
            guard errno == EINTR else { throw ArchiveError(.truncate, path: path) }
        }
        guard fdatasync(file.descriptor) == 0 else { throw ArchiveError(.sync, path: path) }
        return report
    }

    /// Copies `tail` of `file` to a new `<path>.torn-<offset>` (`.torn-<offset>.2`, … if taken) and makes the copy
    /// and its name durable.
    ///
    /// - Returns: The copy's path.
    private static func save(_ tail: ArchiveSurvey.Region, of file: OpenArchive, path: String) throws -> String {
        var copyPath = "\(path).torn-\(tail.offset)"
        var copy = open(copyPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o640)
        var attempt = 1
        while copy < 0, errno == EEXIST, attempt < 1000 {
            attempt += 1
            copyPath = "\(path).torn-\(tail.offset).\(attempt)"
            copy = open(copyPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o640)
        }
        guard copy >= 0 else { throw ArchiveError(.saveTornTail, path: copyPath) }
        do {
            try Self.copy(tail, from: file, to: copy, path: path, copyPath: copyPath)
            guard fsync(copy) == 0 else { throw ArchiveError(.saveTornTail, path: copyPath) }
            close(copy)
            try Self.syncDirectory(of: path)
            return copyPath
        } catch {
            close(copy)
            unlink(copyPath)
            throw error
        }
    }

    private static func copy(
        _ tail: ArchiveSurvey.Region,
        from file: OpenArchive,
        to copy: Int32,
        path: String,
        copyPath: String
    ) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var offset = tail.offset
        while offset < tail.offset + tail.length {
            let wanted = min(buffer.count, tail.offset + tail.length - offset)
            let count = try FileReading.read(
                file.descriptor,
                into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<wanted]),
                at: offset,
                path: path
            )
            guard count > 0 else { break }
            var written = 0
            while written < count {
                let result = write(copy, buffer.baseAddress! + written, count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw ArchiveError(.saveTornTail, path: copyPath)
                }
                written += result
            }
            offset += count
        }
    }

    private static func syncDirectory(of path: String) throws {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let descriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ArchiveError(.saveTornTail, path: directory) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw ArchiveError(.saveTornTail, path: directory) }
    }
}
