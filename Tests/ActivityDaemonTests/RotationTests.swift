import ActivityArchive
import ActivityIngest
import ActivityModel
import ActivityRuntime
import Foundation
import Logging
import NIOCore
import NIOPosix
import Synchronization
import Testing
import ToolRunning

#if canImport(Glibc)
import Glibc
#endif

/// A wall clock the test sets by hand.
final class ManualWallClock: WallClock {
    private let current: Mutex<Timestamp>

    init(_ start: Timestamp) {
        self.current = Mutex(start)
    }

    func now() -> Timestamp { self.current.withLock { $0 } }

    func set(_ time: Timestamp) { self.current.withLock { $0 = time } }
}

/// Sends `text` over a new TCP connection to 127.0.0.1:`port` and closes it.
func sendOverTCP(_ text: String, port: Int) throws {
    try sendOverTCP(Array(text.utf8), port: port)
}

/// Sends `bytes` over a new TCP connection to 127.0.0.1:`port` and closes it.
func sendOverTCP(_ bytes: [UInt8], port: Int) throws {
    let descriptor = try connectTCP(port: port)
    defer { close(descriptor) }
    try writeAll(bytes, to: descriptor)
}

/// Writes all of `bytes` to the connected socket `descriptor`.
func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
    var offset = 0
    while offset < bytes.count {
        let sent = bytes.withUnsafeBytes {
            send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
        }
        guard sent > 0 else { throw DaemonProcessError(message: "send failed after \(offset) bytes") }
        offset += sent
    }
}

struct RotationTests {
    @Test func recordsAroundMidnightGoToTheirOwnDaysFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let beforeMidnight = Timestamp(
            utc: CivilDate(year: 2026, month: 11, day: 26),
            hour: 23,
            minute: 59,
            second: 59,
            microsecond: 900_000
        )
        let clock = ManualWallClock(beforeMidnight)
        let writer = try ArchiveWriter(
            configuration: ArchiveConfiguration(directory: directory, flushInterval: .seconds(60)),
            logger: Logger(label: "test")
        )
        try writer.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let server = IngestServer(
            group: group,
            writer: writer,
            rotationTimeZone: .utc,
            counters: ListenerCounters(),
            clock: clock,
            logger: Logger(label: "test")
        )
        try await server.apply(
            [ListenerConfiguration(transport: .tcp, host: "127.0.0.1", port: 0)],
            ingest: IngestConfiguration()
        )
        let port = try #require(await server.boundAddresses.values.first?.port)

        try sendOverTCP("<13>1 - h a - - - before midnight 1\n<13>1 - h a - - - before midnight 2\n", port: port)
        try await Task.sleep(for: .milliseconds(300))
        clock.set(beforeMidnight.adding(seconds: 1))  // 00:00:00.9 on the 27th
        try sendOverTCP("<13>1 - h a - - - after midnight\n", port: port)
        try await Task.sleep(for: .milliseconds(300))
        // Yesterday's batch is written at rotation, not at the 60 s flush interval or at shutdown.
        let yesterday = try ArchiveScanner.walk(path: "\(directory)/activity-2026-11-26.jsonl.gz")
        #expect(yesterday.members.map(\.extra.recordCount) == [2])
        await server.stop()
        try await group.shutdownGracefully()
        writer.shutdown()

        func messages(_ name: String) throws -> [String] {
            let text = try Tool.run(["zcat", "\(directory)/\(name)"]).output
            return text.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["msg"] as? String
            }
        }
        #expect(try messages("activity-2026-11-26.jsonl.gz") == ["before midnight 1", "before midnight 2"])
        #expect(try messages("activity-2026-11-27.jsonl.gz") == ["after midnight"])
    }
}
