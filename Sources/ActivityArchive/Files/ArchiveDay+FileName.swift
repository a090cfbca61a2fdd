import ActivityModel

/// The names of an archive day's files.
///
/// ```
/// activity-2026-11-26.jsonl.gz
/// activity-2026-11-26.2.jsonl.gz     a continuation: the day's file could not be written to
/// ```
///
/// The name is the only link between a file and a day; ``init(fileName:)`` accepts exactly these patterns, so
/// retention never touches a file that is not its own. A continuation (part 2 and up) is written when the day's
/// file is unusable: a directory or a symbolic link stands under its name, or an operator made it read-only.
extension ArchiveDay {
    /// The day named by an archive file name, or `nil` for any other name.
    public init?(fileName: String) {
        var bytes = Array(fileName.utf8)
        let prefix = Array("activity-".utf8)
        let suffix = Array(".jsonl.gz".utf8)
        guard bytes.count >= prefix.count + 10 + suffix.count, bytes.starts(with: prefix),
            bytes.suffix(suffix.count).elementsEqual(suffix)
        else { return nil }
        bytes.removeLast(suffix.count)
        if bytes.count > prefix.count + 10 {
            // A continuation's part number: `.2` to `.999`, no leading zero.
            let part = bytes[(prefix.count + 10)...]
            guard part.count >= 2, part.count <= 4, part.first == UInt8(ascii: "."),
                part.dropFirst().allSatisfy({ $0 >= 48 && $0 <= 57 }), part.dropFirst().first != 48,
                part.count > 2 || part.last! >= 50
            else { return nil }
        }
        let dateBytes = bytes[prefix.count..<(prefix.count + 10)]
        func number(_ range: Range<Int>) -> Int? {
            let digits = dateBytes.dropFirst(range.lowerBound).prefix(range.count)
            guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return digits.reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        guard let year = number(0..<4), dateBytes[dateBytes.startIndex + 4] == UInt8(ascii: "-"),
            let month = number(5..<7), dateBytes[dateBytes.startIndex + 7] == UInt8(ascii: "-"),
            let day = number(8..<10)
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        self.init(date)
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
        part == 1 ? "activity-\(self.description).jsonl.gz" : "activity-\(self.description).\(part).jsonl.gz"
    }
}
