import ActivityArchive
import ActivityModel
import ActivityRuntime
import Logging
import SyslogCorpus
import SyslogParsing

#if canImport(Glibc)
import Glibc
#endif

/// `activitylog-bench write-archive DIRECTORY RECORDS DAYS`: the archive `scripts/bench-query.sh` searches, written
/// the way activitylogd writes it — corpus messages parsed by the server's parser and appended by the real
/// `ArchiveWriter` with the default batch size and compression — but with `received` spread evenly over `DAYS` days
/// ending yesterday, which a live daemon (stamping `received` with the clock) cannot do in a few minutes.
///
/// Each message gets a request id and a byte count drawn at random, as real logs carry, so the archive compresses
/// like real logs (about 60 bytes a record at level 6) rather than like a repeated template.
func writeArchiveWeek(directory: String, records: Int, days: Int) throws {
    let writer = try ArchiveWriter(
        configuration: ArchiveConfiguration(directory: directory, fsync: .none),
        logger: Logger(label: "activitylog-bench")
    )
    try writer.start()
    defer { writer.shutdown() }
    var calendar = ArchiveCalendar(zone: .utc)
    let today = calendar.day(of: .now())
    let start = Timestamp(utc: today.adding(days: -days).date, hour: 0, minute: 0, second: 0)
    let step = Int64(days) * 86_400_000_000 / Int64(records)
    var parser = SyslogParser()
    var corpus = SyslogCorpus(seed: 15, mix: .extractionBenchmark)
    var random = SystemRandomNumberGenerator()
    var record = ActivityRecord()
    var message: [UInt8] = []
    var chunk: RecordChunk?
    for number in 0..<records {
        message.removeAll(keepingCapacity: true)
        corpus.appendMessage(number: number, to: &message)
        let suffix = " req=\(String(random.next() & 0xFF_FFFF_FFFF, radix: 16)) bytes=\(random.next() % 100_000)"
        message.append(contentsOf: suffix.utf8)
        let received = Timestamp(
            microsecondsSinceEpoch: start.microsecondsSinceEpoch + Int64(number) * step + Int64(random.next() % 1000)
        )
        message.withUnsafeBytes {
            parser.parse(
                $0,
                truncated: false,
                context: ReceptionContext(
                    received: received,
                    source: "10.1.\(number % 7).\(number % 200)",
                    transport: .tcp
                ),
                into: &record
            )
        }
        let day = calendar.day(of: received)
        if let full = chunk, full.day != day || full.lines.count >= 256 << 10 {
            try submit(full, to: writer)
            chunk = nil
        }
        if chunk == nil { chunk = RecordChunk(day: day) }
        chunk!.append(record)
    }
    if let last = chunk { try submit(last, to: writer) }
    while writer.statistics[.recordsWritten] < records { usleep(50_000) }
}

private func submit(_ chunk: RecordChunk, to writer: ArchiveWriter) throws {
    while writer.submit(chunk, from: .stream) != .accepted { usleep(2_000) }
}
