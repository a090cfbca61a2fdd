import ActivityModel
import ActivityRuntime
import Foundation
import NIOCore
import NIOEmbedded
import SyslogFraming
import SyslogParsing
import Testing

@testable import ActivityIngest

/// The stream handler frames bytes itself: every message must come out once, in order, however the bytes are cut.
/// It writes to a ``CollectingSink``: ingest knows a sink, not the archive.
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

    private static func handler(
        writer: any RecordSink,
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
        let writer = CollectingSink()
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
        #expect(writer.records.map { $0["msgid"] as? String ?? "?" } == (0..<300).map { "m\($0)" })
    }

    /// A reload's parsing (here `map-user`) applies to a connection that stays open, from its next read.
    @Test func reloadedParsingAppliesToAnOpenConnection() throws {
        let writer = CollectingSink()
        let source = IngestSettingsSource()
        let channel = EmbeddedChannel(handler: Self.handler(writer: writer, settings: source))
        let message = "<13>1 - host app - - [a@1 who=\"w\" user=\"u\"] x\n"
        try channel.writeInbound(ByteBuffer(string: message))
        var reloaded = IngestConfiguration()
        reloaded.parser.activityFields.user = ["who"]
        source.update(reloaded)
        try channel.writeInbound(ByteBuffer(string: message))
        _ = try channel.finish()
        #expect(writer.records.map { $0["user"] as? String } == ["u", "w"])
    }
}
