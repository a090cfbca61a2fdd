import ActivityModel
import ActivityRuntime
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// The daily files the writer appends to: opened on first use, recovered before the first append, checked before
/// every append for what operators do to them while the daemon runs, and replaced by a continuation when unusable.
/// The decisions are ``DailyFileState``'s; this shell makes the system calls and logs.
///
/// Outcomes, each logged:
/// - deleted or renamed: the next member goes to a new file under the day's name;
/// - replaced (a recompressed or restored copy moved over it) or changed in place (`cp` over it): the file under the
///   name is recovered again, and members are appended after its last whole member;
/// - a member appended to a file that was deleted meanwhile is written again to the new file, so it is not lost;
/// - made read-only (`chmod 0444`), or a directory, a symbolic link or anything but a regular file under the name:
///   the file is left alone and the day goes on in a continuation, `activity-DAY.2.jsonl.gz` (then `.3`, …);
/// - a tail that recovery cannot save before cutting (disk full): the append fails and is retried with the
///   writer's backoff, so members go in only after a whole member.
///
/// Owned by the writer thread; not thread-safe.
final class DailyArchiveFiles {
    private typealias State = DailyFileState<ArchiveFile>

    private let directory: ArchiveDirectory
    private let logger: Logger
    private let checker: GzipMemberChecker
    private let counters: AtomicCounters<ArchiveCounter>
    private var state = State()

    /// Creates the set; recoveries that cut a torn tail are counted in `counters`.
    init(directory: ArchiveDirectory, logger: Logger, counters: AtomicCounters<ArchiveCounter>) throws {
        self.directory = directory
        self.logger = logger
        self.counters = counters
        self.checker = try GzipMemberChecker()
    }

    /// Recovers `paths` at start. Nothing here stops the start: a file that vanished (retention, an operator) is
    /// skipped, and a file that cannot be recovered now is recovered again before its first append.
    func recoverAtStart(_ paths: some Sequence<String>) {
        for path in paths {
            do {
                try self.recover(path: path)
                self.state.recoveredAtStart(path, identity: FileIdentity(path: path))
            } catch let error as ArchiveError where error.errno == ENOENT {
                self.logger.info("archive vanished before recovery; skipped", metadata: ["archive.path": "\(path)"])
            } catch {
                self.logger.error(
                    "cannot recover archive now; it is not written to until it can be",
                    metadata: ["archive.path": "\(path)", "error": "\(error)"]
                )
            }
        }
    }

    /// Appends `member` to the day's file, durably when `sync`.
    func append(_ member: [UInt8], day: ArchiveDay, sync: Bool) throws {
        let file = try self.file(for: day)
        do {
            try member.withUnsafeBytes { try file.append($0, sync: sync) }
        } catch {
            if self.state.appendFailed(day, fileWasCreated: file.wasCreated, fileSize: file.size) { unlink(file.path) }
            throw error
        }
        guard file.isDeleted else { return }
        self.logger.warning(
            "archive file was deleted while a member was written to it; writing the member again to a new file",
            metadata: ["archive.path": "\(file.path)"]
        )
        self.state.appendedToDeletedFile(day)
        try member.withUnsafeBytes { try self.file(for: day).append($0, sync: sync) }
    }

    /// Closes the files of days before `day`.
    func close(before day: ArchiveDay) { self.state.close(before: day) }

    /// Closes every file.
    func closeAll() { self.state.closeAll() }

    private func file(for day: ArchiveDay) throws -> ArchiveFile {
        if let file = self.state.file(of: day) {
            guard let change = self.state.check(day, showed: file.pathState) else { return file }
            self.logger.warning("\(change)", metadata: ["archive.path": "\(file.path)"])
        }
        // The directory may have been deleted as well: make it again (0750), as at start.
        _ = try ArchiveDirectory(path: self.directory.path)
        try self.directory.createPartition(of: day)
        var refusals: [String] = []
        for part in 1...State.maximumParts {
            let path = self.directory.path(of: day, part: part)
            switch self.state.consider(path, looking: try Self.look(at: path)) {
            case .passOver(let reason):
                refusals.append("\(path): \(reason)")
                continue
            case .recoverThenOpen: try self.recover(path: path)
            case .open: break
            }
            let file = try ArchiveFile(path: path)
            if self.state.opened(file, day: day, part: part, path: path) {
                self.logger.error(
                    "archive file unusable; writing the day to a continuation",
                    metadata: [
                        "archive.continuation": "\(path)", "archive.unusable": "\(refusals.joined(separator: "; "))",
                    ]
                )
            }
            return file
        }
        throw ArchiveError(.open, path: self.directory.path(of: day), errno: ENOSPC)
    }

    /// What stands under `path`.
    private static func look(at path: String) throws -> State.PathLook {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            guard errno == ENOENT else { throw ArchiveError(.stat, path: path) }
            return .absent
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .notRegularFile
        }
        if FileMode.isWriteProtected(status.st_mode) { return .readOnly(mode: FileMode.octal(status.st_mode)) }
        if access(path, W_OK) != 0 { return .notWritable(reason: String(cString: strerror(errno))) }
        return .writable(FileIdentity(path: path))
    }

    private func recover(path: String) throws {
        let report = try ArchiveRecovery.recover(path: path, checker: self.checker)
        ArchiveRecoveryLog.log(report, to: self.logger)
        if report.bytesCut > 0 {
            self.counters.add(.tornTailsCut)
            self.counters.add(.tornBytesCut, report.bytesCut)
        }
    }
}
