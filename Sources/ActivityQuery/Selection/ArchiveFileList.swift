import ActivityArchive
import ActivityModel

#if canImport(Glibc)
import Glibc
#endif

/// One archive file of a directory, known by its name: `activity-YYYY-MM-DD.jsonl.gz` or a continuation
/// `activity-YYYY-MM-DD.N.jsonl.gz`.
public struct ArchiveFileName: Equatable, Comparable, Sendable {
    /// The file's path.
    public var path: String
    /// The day its name states.
    public var day: ArchiveDay
    /// 1 for the day's file, 2…999 for a continuation.
    public var part: Int

    public static func < (lhs: ArchiveFileName, rhs: ArchiveFileName) -> Bool {
        (lhs.day, lhs.part, lhs.path) < (rhs.day, rhs.part, rhs.path)
    }
}

/// The archive files of a directory in archive order (by day, then part).
public enum ArchiveFileList {
    /// Lists the archive files of `directory`; other names are ignored.
    ///
    /// - Throws: ``QueryProblem`` when the directory cannot be read.
    public static func files(in directory: String) throws -> [ArchiveFileName] {
        guard let stream = opendir(directory) else {
            throw QueryProblem(path: directory, offset: nil, String(cString: strerror(errno)))
        }
        defer { closedir(stream) }
        var files: [ArchiveFileName] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
            }
            guard let day = ArchiveDay(fileName: name) else { continue }
            files.append(ArchiveFileName(path: "\(directory)/\(name)", day: day, part: Self.part(of: name)))
        }
        return files.sorted()
    }

    /// The files of `directory` whose day can hold records of `range`.
    public static func files(in directory: String, within range: TimeRange) throws -> [ArchiveFileName] {
        try Self.files(in: directory).filter { range.mayHold(day: $0.day) }
    }

    /// The part number of a name `ArchiveDay(fileName:)` accepted.
    private static func part(of name: String) -> Int {
        let parts = name.split(separator: ".")
        return parts.count == 4 ? Int(parts[1]) ?? 1 : 1
    }
}
