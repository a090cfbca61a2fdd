import ActivityArchive
import ActivityIngest
import ActivityModel
import ActivityRuntime
import Foundation
import Logging
import NIOCore
import NIOPosix
import Testing
import ToolRunning

#if canImport(Glibc)
import Glibc
#endif

/// The UDP receiver thread end to end: datagrams in, records in the archive, through a real socket.
struct DatagramReceiverTests {
    @Test func datagramsBecomeRecordsWithSenderAndTruncation() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("udp-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try ArchiveWriter(
            configuration: ArchiveConfiguration(directory: directory, flushInterval: .milliseconds(20)),
            logger: Logger(label: "test")
        )
        try writer.start()
        let (server, counters, group) = makeTestServer(writer: writer)
        var ingest = IngestConfiguration()
        ingest.maxMessageSize = 40
        try await server.apply([ListenerConfiguration(transport: .udp, host: "127.0.0.1", port: 0)], ingest: ingest)
        let port = try #require(await server.boundAddresses.values.first?.port)

        // 100 short ones (several vector reads), two of exactly max-message-size with a trailing LF and CRLF (not
        // counted against it), then one over it.
        let header = "<13>1 - host app - - - "
        let exact = header + String(repeating: "e", count: 40 - header.count)
        let messages =
            (0..<100).map { "<13>1 - host app - - - number \($0)" } + [
                exact + "\n", exact + "\r\n", header + String(repeating: "x", count: 100),
            ]
        sendDatagrams(messages.map { Array($0.utf8) }, toPort: port)
        try await Task.sleep(for: .milliseconds(300))
        await server.stop()
        try await group.shutdownGracefully()
        writer.shutdown()

        let archive = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first)
        let records = try Tool.zcat([directory + "/" + archive]).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(records.count == 103)
        #expect(records.prefix(100).map { $0["msg"] as? String } == (0..<100).map { "number \($0)" })
        #expect(records.allSatisfy { $0["source"] as? String == "127.0.0.1" && $0["transport"] as? String == "udp" })
        #expect(records.prefix(102).allSatisfy { $0["truncated"] == nil })
        #expect(records[100]["msg"] as? String == String(exact.dropFirst(header.count)))
        #expect(records[101]["msg"] as? String == String(exact.dropFirst(header.count)))
        #expect(records.last?["truncated"] as? Bool == true)
        #expect((records.last?["msg"] as? String)?.count == 40 - header.count)
        let snapshot = counters.totals
        #expect(snapshot[.messagesReceived] == 103 && snapshot[.messagesTruncated] == 1)
    }
}
