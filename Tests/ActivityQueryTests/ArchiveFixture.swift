import ActivityArchive
import ActivityModel
import ActivityRuntime
import Foundation
import Logging
import SyslogCorpus
import SyslogParsing
import ToolRunning

/// A week of archives written by the real `ArchiveWriter` from parsed corpus messages (several hosts and apps,
/// activity fields, structured data, escapes), made once per test run and shared by the tests that only read it.
final class ArchiveFixture: Sendable {
    /// The fixture every read-only test uses.
    static let week = try! ArchiveFixture(days: 7, recordsPerDay: 1500)

    /// The first day: 2026-11-23.
    static let firstDay = ArchiveDay(CivilDate(year: 2026, month: 11, day: 23))

    /// The directory of the week's files.
    let directory: String
    /// Every line of every file, as `zcat` of the files in archive order gives them.
    let lines: [String]

    init(days: Int, recordsPerDay: Int) throws {
        self.directory = try Self.makeDirectory("week")
        try Self.write(days: days, recordsPerDay: recordsPerDay, startDay: Self.firstDay, into: self.directory)
        self.lines = try Tool.zcat(Self.archiveFiles(in: self.directory))
    }

    /// A new empty directory under the temporary directory.
    static func makeDirectory(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("activitylog-query-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The archive files of `directory` in archive order.
    static func archiveFiles(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".jsonl.gz") }.sorted()
            .map { "\(directory)/\($0)" }
    }

    /// Writes `recordsPerDay` records a day for `days` days from `startDay` with the real writer: small batches, so
    /// each day's file holds many members.
    static func write(
        days: Int,
        recordsPerDay: Int,
        startDay: ArchiveDay,
        into directory: String,
        seed: UInt64 = 7
    ) throws {
        let writer = try ArchiveWriter(
            configuration: ArchiveConfiguration(
                directory: directory,
                flushInterval: .milliseconds(20),
                batchSize: 16 << 10,
                fsync: .none
            ),
            logger: Logger(label: "fixture")
        )
        try writer.start()
        defer { writer.shutdown() }
        var parser = SyslogParser()
        var corpus = SyslogCorpus(seed: seed, mix: .extractionBenchmark)
        let step = Int64(86_400_000_000 / recordsPerDay)
        var total = 0
        for dayIndex in 0..<days {
            let day = startDay.adding(days: dayIndex)
            let midnight = Timestamp(utc: day.date, hour: 0, minute: 0, second: 0)
            var chunk = RecordChunk(day: day)
            for index in 0..<recordsPerDay {
                var message: [UInt8] = []
                if index % 97 == 5 {
                    message = Array(
                        #"<38>1 2026-11-23T10:00:00Z host-\#(index % 3) app - ID5 [audit@32473 user="o\"brien" action="login" outcome="failure"] quote " back \ done é"#
                            .utf8
                    )
                } else {
                    corpus.appendMessage(number: index, to: &message)
                }
                let received = Timestamp(
                    microsecondsSinceEpoch: midnight.microsecondsSinceEpoch + Int64(index) * step + Int64(index % 7)
                )
                let record = parser.parse(
                    message,
                    context: ReceptionContext(received: received, source: "192.0.2.\(index % 5 + 1)", transport: .tcp)
                )
                chunk.append(record)
                total += 1
                if chunk.recordCount == 200 {
                    try Self.submit(chunk, to: writer)
                    chunk = RecordChunk(day: day)
                }
            }
            if !chunk.isEmpty { try Self.submit(chunk, to: writer) }
        }
        let deadline = Date().addingTimeInterval(30)
        while writer.statistics[.recordsWritten] < total, Date() < deadline { usleep(10_000) }
    }

    private static func submit(_ chunk: RecordChunk, to writer: ArchiveWriter) throws {
        while writer.submit(chunk, from: .datagram) != .accepted { usleep(5_000) }
    }
}
