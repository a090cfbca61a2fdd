import ActivityArchive
import ActivityModel
import Foundation
import Logging
import Testing
import ToolRunning

/// Node names and layouts: collectors sharing one directory each write, recover and delete only their own files,
/// and a reader finds everyone's.
struct ArchiveNamingTests {
    private let day = ArchiveDay(CivilDate(year: 2026, month: 11, day: 26))

    @Test func namesOfEveryLayoutRoundTrip() {
        let cases: [(ArchiveNaming, Int, String)] = [
            (ArchiveNaming(), 1, "activity-2026-11-26.jsonl.gz"),
            (ArchiveNaming(), 2, "activity-2026-11-26.2.jsonl.gz"),
            (ArchiveNaming(node: "web1"), 1, "activity-2026-11-26.web1.jsonl.gz"),
            (ArchiveNaming(node: "web1"), 999, "activity-2026-11-26.web1.999.jsonl.gz"),
            (ArchiveNaming(layout: .partitioned, node: "web-1"), 1, "date=2026-11-26/activity-web-1.jsonl.gz"),
            (ArchiveNaming(layout: .partitioned, node: "b"), 3, "date=2026-11-26/activity-b.3.jsonl.gz"),
        ]
        for (naming, part, expected) in cases {
            let path = naming.relativePath(of: self.day, part: part)
            #expect(path == expected)
            let pieces = path.split(separator: "/").map(String.init)
            let name = ArchiveFileName(pieces.last!, partition: pieces.count == 2 ? self.day : nil)
            #expect(name == ArchiveFileName.make(day: self.day, node: naming.node, part: part), "\(path)")
        }
    }

    @Test(arguments: [
        "activity-2026-11-26..jsonl.gz", "activity-2026-11-26.1.jsonl.gz", "activity-2026-11-26.02.jsonl.gz",
        "activity-2026-11-26.1000.jsonl.gz", "activity-2026-11-26.web.1.jsonl.gz.keep",
        "activity-2026-11-26.a.b.jsonl.gz",
        "activity-2026-11-26.-x.jsonl.gz", "activity-2026-11-26web1.jsonl.gz", "activity-2026-02-30.jsonl.gz",
        "activity-2026-11-26.web1.jsonl", "notes.txt",
    ])
    func otherNamesAreNotArchives(name: String) {
        #expect(ArchiveFileName(name) == nil)
    }

    @Test func aPartitionFileNeedsItsNode() {
        #expect(ArchiveFileName("activity-.jsonl.gz", partition: self.day) == nil)
        #expect(ArchiveFileName("activity-2.jsonl.gz", partition: self.day) == nil)
        #expect(ArchiveFileName("activity-web1.2.jsonl.gz", partition: self.day)?.part == 2)
    }

    @Test func hostNamesBecomeNodeNames() {
        #expect(ArchiveNaming.hostNode("web1.example.com") == "web1")
        #expect(ArchiveNaming.hostNode("db_2") == "db_2")
        #expect(ArchiveNaming.hostNode("rack 4:a") == "rack-4-a")
        #expect(ArchiveNaming.hostNode("9lives") == "node")
        #expect(ArchiveNaming.hostNode("") == "node")
        #expect(ArchiveNaming.isValidNode(ArchiveNaming.localNode))
    }

    @Test func eachNodeListsOnlyItsOwnFilesAndAReaderListsThemAll() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(
            atPath: directory.file("date=2026-11-26"),
            withIntermediateDirectories: false
        )
        let files = [
            "activity-2026-11-25.jsonl.gz", "activity-2026-11-25.a.jsonl.gz", "activity-2026-11-25.b.jsonl.gz",
            "activity-2026-11-25.a.2.jsonl.gz", "date=2026-11-26/activity-a.jsonl.gz",
            "date=2026-11-26/activity-b.jsonl.gz",
            "date=2026-11-26/notes.txt",
        ]
        for file in files { try Data("x".utf8).write(to: URL(fileURLWithPath: directory.file(file))) }
        let relative = { (entries: [ArchiveDirectory.Entry]) in
            entries.map { String($0.path.dropFirst(directory.path.count + 1)) }
        }
        let a = try ArchiveDirectory(path: directory.path, naming: ArchiveNaming(node: "a"))
        #expect(
            relative(try a.entries()) == [
                "activity-2026-11-25.a.jsonl.gz", "activity-2026-11-25.a.2.jsonl.gz",
                "date=2026-11-26/activity-a.jsonl.gz",
            ]
        )
        #expect(try a.entries().map(\.part) == [1, 2, 1], "archive order: the day's file, then its continuation")
        let unnamed = try ArchiveDirectory(path: directory.path)
        #expect(relative(try unnamed.entries()) == ["activity-2026-11-25.jsonl.gz"])
        #expect(try unnamed.allEntries().count == 6)
        #expect(Set(try unnamed.allEntries().compactMap(\.node)) == ["a", "b"])
    }

    @Test func thePartitionedWriterWritesHiveDirectoriesThatGzipReads() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let naming = ArchiveNaming(layout: .partitioned, node: "web1")
        let writer = try ArchiveWriter(
            configuration: ArchiveConfiguration(
                directory: directory.path,
                naming: naming,
                flushInterval: .milliseconds(20)
            ),
            logger: Logger(label: "test")
        )
        try writer.start()
        #expect(writer.submit(recordChunk(self.day, records: 5), from: .datagram) == .accepted)
        writer.shutdown()
        let path = directory.file("date=2026-11-26/activity-web1.jsonl.gz")
        #expect(try Tool.run(["gzip", "-t", path]).status == 0)
        #expect(try Tool.run(["zcat", path]).output.split(separator: "\n").count == 5)
    }

    @Test func retentionDeletesOnlyItsOwnFilesAndEmptiedPartitions() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for partition in ["date=2026-01-01", "date=2026-01-02"] {
            try FileManager.default.createDirectory(
                atPath: directory.file(partition),
                withIntermediateDirectories: false
            )
        }
        let files = [
            "date=2026-01-01/activity-a.jsonl.gz", "date=2026-01-02/activity-a.jsonl.gz",
            "date=2026-01-02/activity-b.jsonl.gz", "activity-2026-01-01.b.jsonl.gz", "activity-2026-01-01.jsonl.gz",
        ]
        for file in files { try Data("x".utf8).write(to: URL(fileURLWithPath: directory.file(file))) }
        let sweeper = RetentionSweeper(
            directory: try ArchiveDirectory(
                path: directory.path,
                naming: ArchiveNaming(layout: .partitioned, node: "a")
            ),
            zone: .utc,
            policy: RetentionPolicy(days: 30),
            logger: Logger(label: "test")
        )
        let now = Timestamp(utc: CivilDate(year: 2026, month: 11, day: 26), hour: 12, minute: 0, second: 0)
        #expect(try sweeper.sweep(now: now).count == 2)
        let left = try FileManager.default.subpathsOfDirectory(atPath: directory.path).sorted()
        #expect(
            left == [
                "activity-2026-01-01.b.jsonl.gz", "activity-2026-01-01.jsonl.gz", "date=2026-01-02",
                "date=2026-01-02/activity-b.jsonl.gz",
            ]
        )
    }
}

extension ArchiveFileName {
    /// The name with these parts, parsed from its spelling (the type has no memberwise initializer).
    static func make(day: ArchiveDay, node: String?, part: Int) -> ArchiveFileName? {
        let nodeText = node.map { ".\($0)" } ?? ""
        let partText = part == 1 ? "" : ".\(part)"
        return ArchiveFileName("activity-\(day)\(nodeText)\(partText).jsonl.gz")
    }
}
