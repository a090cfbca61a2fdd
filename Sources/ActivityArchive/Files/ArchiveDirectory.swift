#if canImport(Glibc)
import ActivityModel
import Glibc
#endif

/// The `archive-dir`: created 0750 if missing, refused if it is unsafe, and listed by archive day.
public struct ArchiveDirectory: Sendable {
    /// One archive file in the directory.
    public struct Entry: Equatable, Sendable {
        /// The day its name states.
        public var day: ArchiveDay
        /// Its full path.
        public var path: String
        /// Its size in bytes.
        public var size: Int
        /// 1 for the day's file, 2 and up for a continuation.
        public var part: Int

        /// Creates an entry.
        public init(day: ArchiveDay, path: String, size: Int, part: Int = 1) {
            self.day = day
            self.path = path
            self.size = size
            self.part = part
        }

        /// Whether the entry comes before `other` in archive order: by day, then part.
        public func precedes(_ other: Entry) -> Bool { (self.day, self.part) < (other.day, other.part) }
    }

    /// The directory path.
    public let path: String

    /// Opens (creating with mode 0750 if needed) the archive directory.
    ///
    /// - Throws: ``ArchiveError`` if it cannot be created; ``UnsafeArchiveDirectory`` if it is world-writable (anyone
    ///   could plant or remove archives), or a symbolic link owned by someone other than root or us (who could point it
    ///   anywhere).
    public init(path: String) throws {
        self.path = path
        var link = stat()
        if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK, link.st_uid != 0, link.st_uid != geteuid() {
            throw UnsafeArchiveDirectory(
                path: path,
                problem: "is a symbolic link owned by uid \(link.st_uid), who could point it anywhere",
                fix: "point archive-dir at the real directory, or have root own the link"
            )
        }
        var status = stat()
        if stat(path, &status) != 0 {
            guard errno == ENOENT else { throw ArchiveError(.stat, path: path) }
            try Self.createDirectories(path)
            guard stat(path, &status) == 0 else { throw ArchiveError(.stat, path: path) }
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw ArchiveError(.open, path: path, errno: ENOTDIR) }
        guard status.st_mode & S_IWOTH == 0 else {
            let mode = FileMode.octal(status.st_mode)
            throw UnsafeArchiveDirectory(
                path: path,
                problem: "is world-writable (mode \(mode)): anyone could plant, replace or remove archives",
                fix: "run 'chmod o-w \(path)', or use a directory of its own such as /var/log/activitylog"
                    + " (a bare tmpfs mount is mode 1777: mount it with mode=0750)"
            )
        }
    }

    /// The path of a day's file, or of its continuation `part` (2 and up).
    public func path(of day: ArchiveDay, part: Int = 1) -> String { "\(self.path)/\(day.fileName(part: part))" }

    /// Every file whose name is an archive name, oldest day first. Other files are ignored.
    public func entries() throws -> [Entry] {
        try Self.entries(in: self.path)
    }

    /// Every regular file of the directory at `path` whose name is an archive name, in archive order (by day, then
    /// part), without creating or checking the directory: for readers of archives.
    public static func entries(in path: String) throws -> [Entry] {
        guard let directory = opendir(path) else { throw ArchiveError(.listDirectory, path: path) }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
            }
            guard let day = ArchiveDay(fileName: name) else { continue }
            let file = "\(path)/\(name)"
            var status = stat()
            guard lstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            entries.append(
                Entry(day: day, path: file, size: Int(status.st_size), part: ArchiveDay.part(fileName: name))
            )
        }
        return entries.sorted { $0.precedes($1) }
    }

    private static func createDirectories(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/\(component)"
            if mkdir(prefix, 0o750) != 0, errno != EEXIST { throw ArchiveError(.createDirectory, path: prefix) }
        }
    }
}

/// An `archive-dir` refused because others could tamper with the archives in it: names the directory, what is wrong
/// with it, and the fix.
public struct UnsafeArchiveDirectory: Error, CustomStringConvertible, Equatable {
    /// The directory.
    public var path: String
    /// What is wrong, as a sentence after the path.
    public var problem: String
    /// What to do about it.
    public var fix: String

    public var description: String { "archive-dir \(self.path) \(self.problem); \(self.fix)" }
}
