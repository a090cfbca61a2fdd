import ActivityArchive
import ActivityModel
import Foundation
import Logging
import NIOCore
import NIOEmbedded
import SyslogFraming
import SyslogParsing
import Testing

@testable import ActivityIngest

/// The stream handler frames bytes itself: every message must come out once, in order, however the bytes are cut.
struct StreamIngestHandlerTests {
    private struct FixedClock: WallClock {
        func now() -> Timestamp { Timestamp(microsecondsSinceEpoch: 1_795_000_000_000_000) }
    }

    /// Octet-counted and LF-framed messages mixed, one with a NUL terminator, the last without its line feed.
    private static func stream(messages: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for number in 0..<messages {
            let message = Array("<13>1 2026-11-26T14:41:09Z host app - m\(number) - message \(number)".utf8)
            switch number % 3 {
            case 0: bytes += Array("\(message.count) ".utf8) + message
            case 1: bytes += message + [UInt8(ascii: "\n")]
            default: bytes += message + (number == messages - 1 ? [] : [0])
            }
        }
        return bytes
    }

    /// The `msgid` of every record in the archive, in file order.
    private static func msgids(in directory: String) throws -> [String] {
        try Self.records(in: directory).map { $0["msgid"] as? String ?? "?" }
    }

    /// Every record in the archive, in file order.
    private static func records(in directory: String) throws -> [[String: Any]] {
        let text = try FileManager.default.contentsOfDirectory(atPath: directory).sorted().flatMap { name in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/zcat")
            process.arguments = ["\(directory)/\(name)"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self).split(separator: "\n")
        }
        return text.map { line in (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? [:] }
    }

    /// A running writer with an archive directory of its own.
    private static func startedWriter() throws -> (ArchiveWriter, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)")
            .path
        let writer = try ArchiveWriter(
            configuration: ArchiveConfiguration(directory: directory, flushInterval: .milliseconds(20)),
            logger: Logger(label: "test")
        )
        try writer.start()
        return (writer, directory)
    }

    private static func handler(
        writer: ArchiveWriter,
        tally: MessageTally = MessageTally(),
        settings: IngestSettingsSource = IngestSettingsSource()
    ) -> StreamIngestHandler {
        let (parser, watcher) = settings.current()
        return StreamIngestHandler(
            decoder: SyslogFrameDecoder(configuration: .init(maxMessageSize: 1024)),
            tally: tally,
            chunker: RecordChunker(parser: parser.parser, rotationTimeZone: .utc),
            settings: watcher,
            writer: writer,
            clock: FixedClock(),
            counters: IngestCounters(),
            activity: ChannelActivity(),
            transport: .tcp
        )
    }

    @Test(arguments: [1, 2, 7, 64, 4096, Int.max])
    func everyMessageOnceInOrderWhateverTheReadSizes(readSize: Int) throws {
        let (writer, directory) = try Self.startedWriter()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tally = MessageTally()
        let channel = EmbeddedChannel(handler: Self.handler(writer: writer, tally: tally))
        let bytes = Self.stream(messages: 300)
        var offset = 0
        while offset < bytes.count {
            let end = offset + min(readSize, bytes.count - offset)
            try channel.writeInbound(ByteBuffer(bytes: bytes[offset..<end]))
            if offset % 3 == 0 { channel.pipeline.fireChannelReadComplete() }
            offset = end
        }
        #expect(tally.count == 299, "the last message has no line feed yet")
        _ = try channel.finish()
        #expect(tally.count == 300, "and is taken at the end of the stream")
        writer.shutdown()
        #expect(try Self.msgids(in: directory) == (0..<300).map { "m\($0)" })
    }

    /// A reload's parsing (here `map-user`) applies to a connection that stays open, from its next read.
    @Test func reloadedParsingAppliesToAnOpenConnection() throws {
        let (writer, directory) = try Self.startedWriter()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = IngestSettingsSource()
        let channel = EmbeddedChannel(handler: Self.handler(writer: writer, settings: source))
        let message = "<13>1 - host app - - [a@1 who=\"w\" user=\"u\"] x\n"
        try channel.writeInbound(ByteBuffer(string: message))
        var reloaded = IngestConfiguration()
        reloaded.parser.activityFields.user = ["who"]
        source.update(reloaded)
        try channel.writeInbound(ByteBuffer(string: message))
        _ = try channel.finish()
        writer.shutdown()
        #expect(try Self.records(in: directory).map { $0["user"] as? String } == ["u", "w"])
    }
}
