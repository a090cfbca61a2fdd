import ActivityArchive
import ActivityIngest
import ActivityModel
import ActivityRuntime
import Foundation
import Logging
import NIOCore
import NIOPosix
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A full writer queue must pause TCP (the sender waits, nothing is lost) and drop UDP (counted).
@Suite(.serialized)
struct BackpressureTests {
    private func server(
        directory: String
    ) async throws -> (IngestServer, ArchiveWriter, ListenerCounters, MultiThreadedEventLoopGroup) {
        let writer = try ArchiveWriter(
            configuration: ArchiveConfiguration(
                directory: directory,
                flushInterval: .milliseconds(20),
                batchSize: 64 << 10,
                queueSize: 256 << 10
            ),
            logger: Logger(label: "test")
        )
        let (server, counters, group) = makeTestServer(writer: writer)
        try await server.apply(
            [
                ListenerConfiguration(transport: .tcp, host: "127.0.0.1", port: 0),
                ListenerConfiguration(transport: .udp, host: "127.0.0.1", port: 0),
            ],
            ingest: IngestConfiguration()
        )
        return (server, writer, counters, group)
    }

    private func port(_ server: IngestServer, _ transport: Transport) async -> Int {
        await server.boundAddresses.first { $0.key.transport == transport }!.value.port!
    }

    @Test func fullQueuePausesTCPAndLosesNothing() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backpressure-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (server, writer, counters, group) = try await self.server(directory: directory)
        let port = await self.port(server, .tcp)
        let messages = 20_000
        // The writer is not started yet, so its queue fills and the listener must stop reading.
        let sender = Thread {
            var text = ""
            for number in 0..<messages {
                text += "<13>1 - host app - \(number) - message \(number) with some padding text\n"
            }
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            _ = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            let bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, $0.count - offset, 0) }
                if sent <= 0 { break }
                offset += sent
            }
            close(descriptor)
        }
        sender.start()
        let paused = Date().addingTimeInterval(10)
        while counters.totals[.readsPaused] == 0, Date() < paused { try await Task.sleep(for: .milliseconds(20)) }
        #expect(counters.totals[.readsPaused] > 0, "reads paused while the queue was full")
        try writer.start()
        let done = Date().addingTimeInterval(30)
        while writer.statistics[.recordsWritten] < messages, Date() < done {
            try await Task.sleep(for: .milliseconds(50))
        }
        await server.stop()
        try await group.shutdownGracefully()
        writer.shutdown()
        #expect(writer.statistics[.recordsWritten] == messages)
        #expect(counters.totals[.messagesReceived] == messages)
    }

    @Test func fullQueueDropsUDPAndCountsIt() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backpressure-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (server, writer, counters, group) = try await self.server(directory: directory)
        let port = await self.port(server, .udp)
        let datagram = Array(("<13>1 - host app - - - " + String(repeating: "u", count: 900)).utf8)
        let sent = 3000
        sendDatagrams(Array(repeating: datagram, count: sent), toPort: port, pause: 50)
        try await Task.sleep(for: .milliseconds(300))
        try writer.start()
        await server.stop()
        try await group.shutdownGracefully()
        writer.shutdown()
        let snapshot = counters.totals
        #expect(snapshot[.datagramsDroppedQueueFull] > 0)
        #expect(
            writer.statistics[.recordsWritten] + snapshot[.datagramsDroppedQueueFull] == snapshot[.messagesReceived]
        )
        #expect(snapshot[.messagesReceived] + snapshot[.datagramsDroppedByKernel] == sent)
    }
}
