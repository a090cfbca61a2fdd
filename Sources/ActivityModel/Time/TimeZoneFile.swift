#if canImport(Glibc)
import Glibc
#endif

/// A zone of the tz database, read from its TZif file (RFC 8536) under `/usr/share/zoneinfo` (or `TZDIR`).
///
/// Keeps the UTC offsets in effect after each listed transition, and the footer's ``POSIXTimeZoneRule`` for
/// instants after the last one (files built with `zic -b slim` list few transitions and rely on it). Reading the
/// files ourselves keeps Foundation and ICU (about 8 MB of memory) out of the daemon.
public struct TimeZoneFile: Sendable, Equatable {
    /// The name it was loaded by, such as `Europe/Berlin`.
    public let name: String
    /// Transition instants, seconds since the epoch, ascending.
    private let transitions: [Int64]
    /// Seconds east of UTC from each transition on.
    private let offsets: [Int]
    /// Seconds east of UTC before the first transition (local time type 0).
    private let initialOffset: Int
    /// The rule after the last transition.
    private let footer: POSIXTimeZoneRule?

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.name == rhs.name }

    /// Loads a zone by its tz database name; `nil` when the name is not a readable TZif file.
    public init?(named name: String) {
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"),
            components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
        else { return nil }
        let directory = Self.environment("TZDIR") ?? "/usr/share/zoneinfo"
        self.init(path: "\(directory)/\(name)", name: name)
    }

    /// The server's zone, as the C library finds it: `TZ` (a name, `:name`, a path or a POSIX rule; empty or
    /// unusable means UTC), and without `TZ` `/etc/localtime`, else UTC.
    public static func local() -> TimeZoneFile {
        let utc = TimeZoneFile(name: "UTC", rule: POSIXTimeZoneRule("UTC0")!)
        guard let variable = environment("TZ") else {
            return TimeZoneFile(path: "/etc/localtime", name: localName()) ?? utc
        }
        let name = variable.hasPrefix(":") ? String(variable.dropFirst()) : variable
        if name.hasPrefix("/") { return TimeZoneFile(path: name, name: name) ?? utc }
        if let zone = TimeZoneFile(named: name) { return zone }
        if let rule = POSIXTimeZoneRule(name) { return TimeZoneFile(name: name, rule: rule) }
        return utc
    }

    /// A zone given by a rule alone (a `TZ` value such as `CET-1CEST,M3.5.0,M10.5.0/3`).
    init(name: String, rule: POSIXTimeZoneRule) {
        self.name = name
        self.transitions = []
        self.offsets = []
        self.initialOffset = rule.offset(atUTC: 0)
        self.footer = rule
    }

    /// Parses a TZif file's bytes; `nil` if they are not TZif or are cut short.
    public init?(name: String, tzif bytes: [UInt8]) {
        guard var reader = TZifReader(bytes), let parsed = reader.parse() else { return nil }
        self.name = name
        self.transitions = parsed.transitions
        self.offsets = parsed.offsets
        self.initialOffset = parsed.initialOffset
        self.footer = parsed.footer
    }

    private init?(path: String, name: String) {
        guard let bytes = try? FileContents.read(path, maximumBytes: 1 << 20) else { return nil }  // zone files are KiB
        self.init(name: name, tzif: bytes)
    }

    /// Seconds east of UTC at an instant given in seconds since the epoch.
    public func offset(atUTC seconds: Int64) -> Int {
        guard let first = self.transitions.first else {
            return self.footer?.offset(atUTC: seconds) ?? self.initialOffset
        }
        if seconds < first { return self.initialOffset }
        if seconds >= self.transitions[self.transitions.count - 1], let footer = self.footer {
            return footer.offset(atUTC: seconds)
        }
        // The last transition at or before `seconds`.
        var low = 0
        var high = self.transitions.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if self.transitions[middle] <= seconds { low = middle } else { high = middle }
        }
        return self.offsets[low]
    }

    /// The zone name `/etc/localtime` links to (`…/zoneinfo/Europe/Berlin` → `Europe/Berlin`), else `localtime`.
    private static func localName() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/etc/localtime", &buffer, buffer.count - 1)
        guard length > 0 else { return "localtime" }
        let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let range = target.firstRange(of: "zoneinfo/") else { return "localtime" }
        return String(target[range.upperBound...])
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

/// Reads the parts of a TZif file we use: the 64-bit data block of version 2+ files (the 32-bit one of version 1
/// files), and the footer.
private struct TZifReader {
    let bytes: [UInt8]
    var position = 0

    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 44, bytes[0..<4].elementsEqual("TZif".utf8) else { return nil }
        self.bytes = bytes
    }

    mutating func parse() -> (transitions: [Int64], offsets: [Int], initialOffset: Int, footer: POSIXTimeZoneRule?)? {
        let version = self.bytes[4]
        guard let firstCounts = self.counts(at: 0) else { return nil }
        if version == 0 {
            return self.block(at: 44, counts: firstCounts, timeSize: 4).map { ($0.0, $0.1, $0.2, nil) }
        }
        // Skip the version 1 block to the second header.
        let secondHeader = 44 + firstCounts.dataLength(timeSize: 4)
        guard let counts = self.counts(at: secondHeader),
            let block = self.block(at: secondHeader + 44, counts: counts, timeSize: 8)
        else { return nil }
        let footerStart = secondHeader + 44 + counts.dataLength(timeSize: 8)
        var footer: POSIXTimeZoneRule?
        if footerStart < self.bytes.count, self.bytes[footerStart] == UInt8(ascii: "\n"),
            let end = self.bytes[(footerStart + 1)...].firstIndex(of: UInt8(ascii: "\n")), end > footerStart + 1
        {
            footer = POSIXTimeZoneRule(String(decoding: self.bytes[(footerStart + 1)..<end], as: UTF8.self))
        }
        return (block.0, block.1, block.2, footer)
    }

    struct Counts {
        var isUTC, isStandard, leap, time, type, characters: Int

        func dataLength(timeSize: Int) -> Int {
            self.time * timeSize + self.time + self.type * 6 + self.characters + self.leap * (timeSize + 4)
                + self.isStandard + self.isUTC
        }
    }

    func counts(at header: Int) -> Counts? {
        guard header + 44 <= self.bytes.count, self.bytes[header..<(header + 4)].elementsEqual("TZif".utf8) else {
            return nil
        }
        let values = (0..<6).map { Int(self.uint32(at: header + 20 + 4 * $0)) }
        let counts = Counts(
            isUTC: values[0],
            isStandard: values[1],
            leap: values[2],
            time: values[3],
            type: values[4],
            characters: values[5]
        )
        guard counts.type >= 1, counts.type <= 256, counts.time <= 100_000, counts.leap <= 100_000 else { return nil }
        return counts
    }

    func block(at start: Int, counts: Counts, timeSize: Int) -> ([Int64], [Int], Int)? {
        guard start + counts.dataLength(timeSize: timeSize) <= self.bytes.count else { return nil }
        let indices = start + counts.time * timeSize
        let types = indices + counts.time
        var offsets: [Int] = []
        for type in 0..<counts.type {
            offsets.append(Int(Int32(bitPattern: self.uint32(at: types + 6 * type))))
        }
        var transitions: [Int64] = []
        var transitionOffsets: [Int] = []
        for index in 0..<counts.time {
            let time =
                timeSize == 8
                ? Int64(
                    bitPattern: UInt64(self.uint32(at: start + 8 * index)) << 32
                        | UInt64(self.uint32(at: start + 8 * index + 4))
                )
                : Int64(Int32(bitPattern: self.uint32(at: start + 4 * index)))
            let type = Int(self.bytes[indices + index])
            guard type < counts.type, transitions.last.map({ $0 < time }) ?? true else { return nil }
            transitions.append(time)
            transitionOffsets.append(offsets[type])
        }
        return (transitions, transitionOffsets, offsets[0])
    }

    func uint32(at offset: Int) -> UInt32 {
        self.bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
