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
        /// The node name in its file name, if any.
        public var node: String?
        /// 1 for the day's file, 2 and up for a continuation.
        public var part: Int

        /// Creates an entry.
        public init(day: ArchiveDay, path: String, size: Int, node: String? = nil, part: Int = 1) {
            self.day = day
            self.path = path
            self.size = size
            self.node = node
            self.part = part
        }

        /// Whether the entry comes before `other` in archive order: by day, then node, then part.
        public func precedes(_ other: Entry) -> Bool {
            (self.day, self.node ?? "", self.part) < (other.day, other.node ?? "", other.part)
        }
    }

    /// The directory path.
    public let path: String
    /// How this collector names its files.
    public let naming: ArchiveNaming

    /// Opens (creating with mode 0750 if needed) the archive directory.
    ///
    /// - Throws: ``ArchiveError`` if it cannot be created; ``UnsafeArchiveDirectory`` if it is world-writable (anyone
    ///   could plant or remove archives), or a symbolic link owned by someone other than root or us (who could point it
    ///   anywhere).
    public init(path: String, naming: ArchiveNaming = ArchiveNaming()) throws {
        self.path = path
        self.naming = naming
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

    /// The path of a day's file, or of its continuation `part` (2 and up), as this collector names it.
    public func path(of day: ArchiveDay, part: Int = 1) -> String {
        "\(self.path)/\(self.naming.relativePath(of: day, part: part))"
    }

    /// Makes the day's `date=` directory (0750) in the partitioned layout; nothing in the flat one.
    public func createPartition(of day: ArchiveDay) throws {
        guard self.naming.layout == .partitioned else { return }
        let partition = "\(self.path)/\(ArchiveNaming.partitionName(of: day))"
        if mkdir(partition, 0o750) != 0, errno != EEXIST { throw ArchiveError(.createDirectory, path: partition) }
    }

    /// This collector's files (its node name, in either layout), oldest day first: what it recovers, appends to and
    /// deletes. Other nodes' files and other names are left alone.
    public func entries() throws -> [Entry] {
        try self.allEntries().filter { $0.node == self.naming.node }
    }

    /// Every archive file of every node, flat and partitioned, in archive order: what a reader searches.
    public func allEntries() throws -> [Entry] { try Self.allEntries(in: self.path) }

    /// Every archive file of every node under `directory`, flat and partitioned, in archive order, without creating
    /// or checking the directory (for readers).
    public static func allEntries(in directory: String) throws -> [Entry] {
        var entries: [Entry] = []
        for name in try Self.names(in: directory) {
            let path = "\(directory)/\(name)"
            if let file = ArchiveFileName(name) {
                if let entry = Self.entry(file, path: path) { entries.append(entry) }
            } else if let day = ArchiveDay(partitionName: name), Self.isDirectory(path) {
                for inner in (try? Self.names(in: path)) ?? [] {
                    guard let file = ArchiveFileName(inner, partition: day) else { continue }
                    if let entry = Self.entry(file, path: "\(path)/\(inner)") { entries.append(entry) }
                }
            }
        }
        return entries.sorted { $0.precedes($1) }
    }

    private static func entry(_ file: ArchiveFileName, path: String) -> Entry? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Entry(day: file.day, path: path, size: Int(status.st_size), node: file.node, part: file.part)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// The names in a directory, without `.` and `..`.
    private static func names(in path: String) throws -> [String] {
        guard let directory = opendir(path) else { throw ArchiveError(.listDirectory, path: path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
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
