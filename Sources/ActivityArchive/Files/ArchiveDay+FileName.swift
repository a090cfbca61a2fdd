import ActivityModel

/// The names of an archive day's files without a node name, in the flat layout (``ArchiveNaming`` has the others).
///
/// ```
/// activity-2026-11-26.jsonl.gz
/// activity-2026-11-26.2.jsonl.gz     a continuation: the day's file could not be written to
/// ```
extension ArchiveDay {
    /// The day named by a flat archive file name (with or without a node name), or `nil` for any other name.
    public init?(fileName: String) {
        guard let name = ArchiveFileName(fileName) else { return nil }
        self = name.day
    }

    /// The part of a name ``init(fileName:)`` accepts: 1 for the day's file, N for `activity-YYYY-MM-DD.N.jsonl.gz`.
    public static func part(fileName: String) -> Int {
        let pieces = fileName.split(separator: ".")
        return pieces.count == 4 ? Int(pieces[1]) ?? 1 : 1
    }

    /// `activity-YYYY-MM-DD.jsonl.gz`.
    public var fileName: String { self.fileName(part: 1) }

    /// The name of the day's file `part`: `activity-YYYY-MM-DD.jsonl.gz` for part 1, `activity-YYYY-MM-DD.N.jsonl.gz`
    /// for a continuation.
    public func fileName(part: Int) -> String {
        ArchiveNaming().relativePath(of: self, part: part)
    }
}
