import ActivityModel
import ActivityRuntime
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// The daily files the writer appends to: opened on first use, recovered before the first append, checked before
/// every append for what operators do to them while the daemon runs, and replaced by a continuation when unusable.
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
    private let directory: ArchiveDirectory
    private let logger: Logger
    private let checker: GzipMemberChecker
    private let counters: AtomicCounters<ArchiveCounter>
    private var files: [ArchiveDay: ArchiveFile] = [:]
    /// Files recovered at start, with the identity they had then: not surveyed again at first open if unchanged.
    private var recovered: [String: FileIdentity] = [:]
    /// Continuation files in use, so the reason for one is logged once and not per member.
    private var announced: Set<String> = []

    /// The most continuations tried for one day before giving up.
    static let maximumParts = 999

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
                self.recovered[path] = FileIdentity(path: path)
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
            if file.wasCreated, file.size == 0 {
                // Do not leave an empty archive we made (which `gzip -t` rejects) while the disk is full.
                self.files.removeValue(forKey: day)
                unlink(file.path)
            }
            throw error
        }
        guard file.isDeleted else { return }
        // Deleted between our check and our write: the member is in no file anyone can read. Write it again.
        self.logger.warning(
            "archive file was deleted while a member was written to it; writing the member again to a new file",
            metadata: ["archive.path": "\(file.path)"]
        )
        self.files.removeValue(forKey: day)
        try member.withUnsafeBytes { try self.file(for: day).append($0, sync: sync) }
    }

    /// Closes the files of days before `day`.
    func close(before day: ArchiveDay) {
        for openDay in self.files.keys where openDay < day { self.files.removeValue(forKey: openDay) }
    }

    /// Closes every file.
    func closeAll() { self.files.removeAll() }

    private func file(for day: ArchiveDay) throws -> ArchiveFile {
        if let file = self.files[day] {
            guard let change = Self.describe(file.pathState) else { return file }
            self.logger.warning("\(change)", metadata: ["archive.path": "\(file.path)"])
            self.files.removeValue(forKey: day)
        }
        // The directory may have been deleted as well: make it again (0750), as at start.
        _ = try ArchiveDirectory(path: self.directory.path)
        try self.directory.createPartition(of: day)
        var refusals: [String] = []
        for part in 1...Self.maximumParts {
            let path = self.directory.path(of: day, part: part)
            if let reason = try self.reasonNotToWrite(path) {
                refusals.append("\(path): \(reason)")
                continue
            }
            let file = try ArchiveFile(path: path)
            if part > 1, !self.announced.contains(path) {
                self.announced.insert(path)
                self.logger.error(
                    "archive file unusable; writing the day to a continuation",
                    metadata: [
                        "archive.continuation": "\(path)", "archive.unusable": "\(refusals.joined(separator: "; "))",
                    ]
                )
            }
            self.files[day] = file
            return file
        }
        throw ArchiveError(.open, path: self.directory.path(of: day), errno: ENOSPC)
    }

    /// Why `path` must not be appended to (`nil`: it may be, after recovery, which this runs when needed).
    private func reasonNotToWrite(_ path: String) throws -> String? {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            guard errno == ENOENT else { throw ArchiveError(.stat, path: path) }
            return nil
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return "a directory stands under the file's name"
        case S_IFLNK: return "a symbolic link stands under the file's name"
        default: return "not a regular file"
        }
        if FileMode.isWriteProtected(status.st_mode) { return "read-only (mode \(FileMode.octal(status.st_mode)))" }
        if access(path, W_OK) != 0 { return "not writable by this process (\(String(cString: strerror(errno))))" }
        if self.recovered[path] != FileIdentity(path: path) { try self.recover(path: path) }
        self.recovered.removeValue(forKey: path)
        return nil
    }

    @discardableResult
    private func recover(path: String) throws -> ArchiveRecovery.Report {
        let report = try ArchiveRecovery.recover(path: path, checker: self.checker)
        ArchiveRecoveryLog.log(report, to: self.logger)
        if report.bytesCut > 0 {
            self.counters.add(.tornTailsCut)
            self.counters.add(.tornBytesCut, report.bytesCut)
        }
        return report
    }

    private static func describe(_ state: ArchiveFile.PathState) -> String? {
        switch state {
        case .unchanged: nil
        case .gone: "archive file was deleted or renamed while open; writing to a new file under its name"
        case .replaced: "archive file was replaced while open; checking the new one and appending to it"
        case .resized: "archive file was changed by another program while open; checking it before appending"
        case .madeReadOnly: "archive file was made read-only while open; leaving it as it is"
        }
    }
}
