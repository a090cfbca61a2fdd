import ActivityArchive
import ActivityModel
import ActivityRuntime
import SyslogCorpus
import SyslogParsing

#if canImport(Glibc)
import Glibc
#endif

// Parse + encode benchmark: one core, a generated corpus, parsed a batch of reused records at a time and each record
// appended as a JSON line to a buffer, as the server does.
// Usage: activitylog-bench [messages-per-round] [rounds] [mixed|activity] [extract|no-extract|paired]
//   mixed:    70 % RFC 5424 with SD, 30 % RFC 3164, 150–300 bytes (the default)
//   activity: half auth-log and vendor lines (sshd, PAM, sudo, Cisco, Junos, FortiGate, CEF, auditd…), half mixed
//   no-extract: activity fields from SD only (the switch that measures what extraction costs)
//   paired: each round twice, without and then with extraction, and the cost of extraction as the median of the
//           rounds' ratios (on a shared machine, a slow spell then hits both halves of a pair alike)
//        activitylog-bench count-records DIRECTORY   (records in all archives, read from member headers only)
//        activitylog-bench write-archive DIRECTORY RECORDS DAYS   (the archive scripts/bench-query.sh searches)

let arguments = CommandLine.arguments
if arguments.count == 3, arguments[1] == "count-records" {
    let directory = try ArchiveDirectory(path: arguments[2])
    var records = 0
    for entry in try directory.allEntries() {
        records += try ArchiveScanner.walk(path: entry.path).members.reduce(0) { $0 + $1.extra.recordCount }
    }
    print(records)
    exit(0)
}
if arguments.count == 5, arguments[1] == "write-archive", let records = Int(arguments[3]), let days = Int(arguments[4])
{
    try writeArchiveWeek(directory: arguments[2], records: records, days: days)
    exit(0)
}
let messageCount = arguments.count > 1 ? Int(arguments[1]) ?? 200_000 : 200_000
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 7 : 7
let corpusName = arguments.count > 3 ? arguments[3] : "mixed"
let mode = arguments.count > 4 ? arguments[4] : "extract"

var corpus = SyslogCorpus(seed: 42, mix: corpusName == "activity" ? .extractionBenchmark : .parserBenchmark)
let text = corpus.lines(count: messageCount)
var offsets: [Range<Int>] = []
var lineStart = 0
for (index, byte) in text.enumerated() where byte == UInt8(ascii: "\n") {
    offsets.append(lineStart..<index)
    lineStart = index + 1
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func wallSeconds() -> Double {
    Double(monotonicNanoseconds()) / 1e9
}

/// One round over the corpus, as the server parses: messages into a batch of records (``ParsedBatch``), then the
/// batch's activity extracted, then its records encoded into a buffer that is emptied at 1 MiB. Everything is local,
/// so the loop pays no exclusivity checks for globals, which the server's loops do not pay either. Returns the bytes
/// written.
func runRound(_ text: [UInt8], _ offsets: [Range<Int>], extracts: Bool, lines: inout LineBuffer) -> Int {
    var parser = SyslogParser(configuration: SyslogParserConfiguration(extractsActivity: extracts))
    var batch = ParsedBatch()
    var outputBytes = 0
    let context = ReceptionContext(received: .now(), source: "192.0.2.10", transport: .tcp)
    text.withUnsafeBytes { all in
        var next = 0
        while next < offsets.count {
            while next < offsets.count, !batch.isFull {
                parser.parse(
                    UnsafeRawBufferPointer(rebasing: all[offsets[next]]),
                    truncated: false,
                    context: context,
                    into: &batch
                )
                next += 1
            }
            parser.finish(&batch)
            batch.forEachFinished { JSONLineEncoder.append($0, to: &lines) }
            batch.removeAll()
            if lines.count >= 1 << 20 {
                outputBytes &+= lines.count
                lines.removeAll()
            }
        }
    }
    return outputBytes
}

var lines = LineBuffer(capacity: 1 << 21)
var outputBytes = 0

/// Wall and CPU seconds of one round.
@MainActor func measureRound(extracts: Bool) -> (wall: Double, cpu: Double) {
    let wallStart = wallSeconds()
    let cpuStart = cpuSeconds()
    outputBytes &+= runRound(text, offsets, extracts: extracts, lines: &lines)
    return (wallSeconds() - wallStart, cpuSeconds() - cpuStart)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// Prints a run's figures: messages per second, nanoseconds per message, CPU seconds per million messages.
@MainActor func report(_ title: String, _ results: [(wall: Double, cpu: Double)]) {
    let wall = median(results.map(\.wall))
    print("\(title): \(messageCount) messages x \(rounds) rounds, \(text.count / messageCount) bytes/message average")
    print("messages/s (median): \(Int(Double(messageCount) / wall))")
    print("ns/message (median): \(Int(wall / Double(messageCount) * 1e9))")
    print(
        "CPU s per million messages (median): \(String(format: median(results.map(\.cpu)) / Double(messageCount) * 1e6))"
    )
    print("best round messages/s: \(Int(Double(messageCount) / results.map(\.wall).min()!))")
}

if mode == "paired" {
    var without: [(wall: Double, cpu: Double)] = []
    var with: [(wall: Double, cpu: Double)] = []
    for _ in 0..<rounds {
        without.append(measureRound(extracts: false))
        with.append(measureRound(extracts: true))
    }
    report("parse+encode, \(corpusName) corpus", without)
    print()
    report("parse+extract+encode, \(corpusName) corpus", with)
    let wallCost = median(zip(with, without).map { 1 - $1.wall / $0.wall })
    let cpuCost = median(zip(with, without).map { 1 - $1.cpu / $0.cpu })
    print()
    print(
        "extraction cost, paired rounds (median): \(String(format: wallCost * 100)) % of throughput, "
            + "\(String(format: cpuCost * 100)) % of CPU"
    )
} else {
    let extracts = mode != "no-extract"
    report(
        "parse+\(extracts ? "extract+" : "")encode, \(corpusName) corpus",
        (0..<rounds).map { _ in measureRound(extracts: extracts) }
    )
}
print("output \(outputBytes + lines.count) bytes")

func String(format value: Double) -> String {
    if value < 0 { return "-" + String(format: -value) }
    let scaled = Int((value * 1000).rounded())
    let fraction = String(scaled % 1000)
    return "\(scaled / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
}
