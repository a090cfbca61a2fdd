import ActivityModel

#if canImport(Glibc)
import Glibc
#endif

/// How a collector names its archive files: the layout of the directory and the node name that keeps collectors
/// sharing one directory (NFS, CephFS, a synced bucket) out of each other's files.
///
/// ```
/// flat, no node            activity-2026-11-26.jsonl.gz            activity-2026-11-26.2.jsonl.gz
/// flat, node web1          activity-2026-11-26.web1.jsonl.gz       activity-2026-11-26.web1.2.jsonl.gz
/// partitioned, node web1   date=2026-11-26/activity-web1.jsonl.gz  date=2026-11-26/activity-web1.2.jsonl.gz
/// ```
///
/// The partitioned layout is Hive-style (`date=…` directories), which Spark, Trino, ClickHouse and DuckDB read with
/// partition pruning by date. A continuation (part 2 to 999) is written when the day's file is unusable.
public struct ArchiveNaming: Sendable, Hashable {
    /// Where a day's files go.
    public enum Layout: String, Sendable, CaseIterable {
        /// Every file in the archive directory itself.
        case flat
        /// One `date=YYYY-MM-DD` directory per day.
        case partitioned
    }

    /// The directory layout.
    public var layout: Layout
    /// This collector's name in its file names; `nil` writes names without one (flat layout only).
    public var node: String?

    /// A naming; the default is the flat layout without a node name.
    public init(layout: Layout = .flat, node: String? = nil) {
        self.layout = layout
        self.node = node
    }

    /// The path of a day's file (or of its continuation `part`), relative to the archive directory.
    public func relativePath(of day: ArchiveDay, part: Int = 1) -> String {
        let partSuffix = part == 1 ? "" : ".\(part)"
        switch self.layout {
        case .flat:
            let nodeSuffix = self.node.map { ".\($0)" } ?? ""
            return "activity-\(day)\(nodeSuffix)\(partSuffix).jsonl.gz"
        case .partitioned:
            return "\(Self.partitionName(of: day))/activity-\(self.node ?? "")\(partSuffix).jsonl.gz"
        }
    }

    /// Whether a file is one this collector writes: its node name is ours (none when we have none).
    public func owns(_ name: ArchiveFileName) -> Bool {
        name.node == self.node
    }

    /// `date=YYYY-MM-DD`.
    static func partitionName(of day: ArchiveDay) -> String { "date=\(day)" }

    /// Whether `name` may be a node name: a letter, then up to 62 letters, digits, `_` or `-` (no dot, so the file
    /// name stays unambiguous).
    public static func isValidNode(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 63, ByteText.isLetter(first) else { return false }
        return bytes.allSatisfy {
            ByteText.isLetter($0) || ByteText.isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    /// This host's name (`gethostname`) as a node name: the default of `node-name`.
    public static var localNode: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "node" }
        return Self.hostNode(String(cString: buffer))
    }

    /// A host name as a node name: the part before the first dot, other characters replaced by `-`; `node` if
    /// nothing usable is left.
    public static func hostNode(_ hostName: String) -> String {
        let short = hostName.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
        let cleaned = String(
            short.unicodeScalars.prefix(63).map { scalar -> Character in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
                    ? Character(scalar) : "-"
            }
        )
        return Self.isValidNode(cleaned) ? cleaned : "node"
    }
}

/// The parts of an archive file name: its day, node and part.
public struct ArchiveFileName: Sendable, Hashable {
    /// The day the name states.
    public var day: ArchiveDay
    /// The node name in it, if any.
    public var node: String?
    /// 1 for the day's file, 2 to 999 for a continuation.
    public var part: Int

    /// Parses a flat name (`activity-YYYY-MM-DD[.NODE][.N].jsonl.gz`), or, with `partition`, a name inside a
    /// `date=YYYY-MM-DD` directory (`activity-NODE[.N].jsonl.gz`); `nil` for any other name, so retention never
    /// touches a file that is not an archive.
    public init?(_ fileName: String, partition: ArchiveDay? = nil) {
        let prefix = "activity-"
        let suffix = ".jsonl.gz"
        guard fileName.hasPrefix(prefix), fileName.hasSuffix(suffix) else { return nil }
        var rest = Substring(fileName.utf8.dropFirst(prefix.utf8.count).dropLast(suffix.utf8.count))
        if let partition {
            self.day = partition
        } else {
            guard rest.utf8.count >= 10, let day = ArchiveDay(text: String(rest.prefix(10))) else { return nil }
            self.day = day
            rest = rest.dropFirst(10)
            guard rest.isEmpty || (rest.hasPrefix(".") && rest.count > 1) else { return nil }
            rest = rest.dropFirst()
        }
        var pieces = rest.split(separator: ".", omittingEmptySubsequences: false)
        if pieces == [""] { pieces = [] }
        self.part = 1
        if let last = pieces.last, let first = last.utf8.first, ByteText.isDigit(first) {
            guard last.utf8.count <= 3, first != UInt8(ascii: "0"), last.utf8.allSatisfy(ByteText.isDigit),
                let part = Int(last), part >= 2
            else { return nil }
            self.part = part
            pieces.removeLast()
        }
        guard pieces.count <= 1 else { return nil }
        self.node = pieces.first.map(String.init)
        if let node = self.node, !ArchiveNaming.isValidNode(node) { return nil }
        if partition != nil, self.node == nil { return nil }
    }
}

extension ArchiveDay {
    /// The day of `YYYY-MM-DD`, or `nil`.
    init?(text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard bytes[range].allSatisfy(ByteText.isDigit) else { return nil }
            return bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        self.init(date)
    }

    /// The day of a `date=YYYY-MM-DD` partition directory, or `nil`.
    init?(partitionName: String) {
        guard partitionName.hasPrefix("date=") else { return nil }
        self.init(text: String(partitionName.dropFirst(5)))
    }
}

/// ASCII classes for file names.
enum ByteText {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
}
