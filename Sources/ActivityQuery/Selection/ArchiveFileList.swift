import ActivityArchive

#if canImport(Glibc)
import Glibc
#endif

/// The archive files of a directory that a query opens: those whose day can hold its time range, in archive order.
public enum ArchiveFileList {
    /// The archive files of `directory`, of every node and in either layout, in archive order (by day, node, part);
    /// other names are ignored.
    ///
    /// - Throws: ``QueryProblem`` when the directory cannot be listed.
    public static func files(in directory: String) throws -> [ArchiveDirectory.Entry] {
        do {
            return try ArchiveDirectory.allEntries(in: directory)
        } catch let error as ArchiveError {
            throw QueryProblem(path: directory, offset: nil, String(cString: strerror(error.errno)))
        }
    }

    /// The files of `directory` whose day can hold records of `range`.
    public static func files(in directory: String, within range: TimeRange) throws -> [ArchiveDirectory.Entry] {
        try Self.files(in: directory).filter { range.mayHold(day: $0.day) }
    }
}
