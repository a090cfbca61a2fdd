import NIOCore
import NIOEmbedded
import NIOTestUtils
import SyslogFraming
import Testing

struct SyslogFrameDecoderTests {
    private static func frame(_ text: String, truncated: Bool = false) -> SyslogFrame {
        SyslogFrame(message: ByteBuffer(string: text), isTruncated: truncated)
    }

    private static func decoder(
        max: Int = 65_536,
        octets: Bool = true,
        terminators: SyslogFrameDecoder.LineTerminators = .lineFeedOrNUL
    ) -> SyslogFrameDecoder {
        SyslogFrameDecoder(
            configuration: SyslogFrameDecoder.Configuration(
                maxMessageSize: max,
                detectsOctetCounting: octets,
                lineTerminators: terminators
            )
        )
    }

    /// Decodes `input` fed in chunks of `chunkSize` bytes, then signals end of stream.
    private static func decodeAll(_ input: [UInt8], chunkSize: Int, decoder: SyslogFrameDecoder) throws -> [SyslogFrame]
    {
        let processor = NIOSingleStepByteToMessageProcessor(decoder)
        var frames: [SyslogFrame] = []
        var offset = 0
        while offset < input.count {
            let end = min(offset + chunkSize, input.count)
            try processor.process(buffer: ByteBuffer(bytes: input[offset..<end])) { frames.append($0) }
            offset = end
        }
        try processor.finishProcessing(seenEOF: true) { frames.append($0) }
        return frames
    }

    // MARK: verifier tables (drip-fed and re-chunked by NIOTestUtils)

    @Test func verifierOctetCountedAndLineFrames() throws {
        try ByteToMessageDecoderVerifier.verifyDecoder(
            stringInputOutputPairs: [
                ("11 <13>1 - - -", [Self.frame("<13>1 - - -")]),
                ("5 <13>a4 <1>b", [Self.frame("<13>a"), Self.frame("<1>b")]),
                ("<13>hello\n", [Self.frame("<13>hello")]),
                ("<13>crlf\r\n", [Self.frame("<13>crlf\r")]),
                ("<13>a\0<13>b\0", [Self.frame("<13>a"), Self.frame("<13>b")]),
                ("2026 backup done\n", [Self.frame("2026 backup done")]),
                ("10 not-octet\n", [Self.frame("10 not-octet")]),
                ("0 <13>zero\n", [Self.frame("0 <13>zero")]),
                ("1234567890 <13>x\n", [Self.frame("1234567890 <13>x")]),
                ("\n\r\n\n<13>after blanks\n", [Self.frame("<13>after blanks")]),
                ("3 <1>\n<2>line\n", [Self.frame("<1>"), Self.frame("<2>line")]),
                ("15 <13>has\nnewline", [Self.frame("<13>has\nnewline")]),
            ],
            decoderFactory: { Self.decoder() }
        )
    }

    @Test func verifierTruncatesAndStaysInSync() throws {
        try ByteToMessageDecoderVerifier.verifyDecoder(
            stringInputOutputPairs: [
                ("11 <13>abcdefg5 <1>ok", [Self.frame("<13>a", truncated: true), Self.frame("<1>ok")]),
                ("<13>abcdefghij\n<1>ok\n", [Self.frame("<13>a", truncated: true), Self.frame("<1>ok")]),
                ("5 <13>a<13>c\n", [Self.frame("<13>a"), Self.frame("<13>c")]),
            ],
            decoderFactory: { Self.decoder(max: 5) }
        )
    }

    // MARK: EmbeddedChannel: buffering until a frame completes

    @Test func buffersUntilTheFrameIsComplete() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(Self.decoder()))
        #expect(try channel.writeInbound(ByteBuffer(string: "1")).isEmpty)
        #expect(try channel.writeInbound(ByteBuffer(string: "7 <13>1 ")).isEmpty)
        #expect(try channel.writeInbound(ByteBuffer(string: "- - - - -")).isEmpty)
        #expect(try channel.writeInbound(ByteBuffer(string: " -")).isFull)
        #expect(try channel.readInbound(as: SyslogFrame.self) == Self.frame("<13>1 - - - - - -"))
        #expect(try channel.writeInbound(ByteBuffer(string: "<14>line without end")).isEmpty)
        #expect(try channel.writeInbound(ByteBuffer(string: "\n")).isFull)
        #expect(try channel.readInbound(as: SyslogFrame.self) == Self.frame("<14>line without end"))
        #expect(try channel.finish().isClean)
    }

    @Test func lastLineWithoutTerminatorIsDeliveredAtEndOfStream() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(Self.decoder()))
        #expect(try channel.writeInbound(ByteBuffer(string: "<13>first\n<13>last")).isFull)
        #expect(try channel.readInbound(as: SyslogFrame.self) == Self.frame("<13>first"))
        channel.pipeline.fireChannelInactive()
        #expect(try channel.readInbound(as: SyslogFrame.self) == Self.frame("<13>last"))
        _ = try channel.finish()
    }

    @Test func incompleteOctetFrameAtEndOfStreamIsFlaggedTruncated() throws {
        let frames = try Self.decodeAll(Array("100 <13>only this".utf8), chunkSize: 4, decoder: Self.decoder())
        #expect(frames == [Self.frame("<13>only this", truncated: true)])
    }

    /// A length with a leading zero is not octet-counting, at the end of the stream as anywhere else.
    @Test func leadingZeroLengthAtEndOfStreamIsALine() throws {
        for text in ["05 <13>x", "0 <13>x"] {
            let frames = try Self.decodeAll(Array(text.utf8), chunkSize: 3, decoder: Self.decoder())
            #expect(frames == [Self.frame(text)])
        }
    }

    // MARK: chunk-size sweep

    @Test(arguments: [1, 2, 3, 5, 7, 13, 64, 4096])
    func sameFramesForEveryChunkSize(chunkSize: Int) throws {
        var input: [UInt8] = []
        var expected: [SyslogFrame] = []
        for number in 0..<200 {
            let message = "<\(number % 192)>1 - host app \(number) - - message number \(number)"
            switch number % 4 {
            case 0: input += Array("\(message.utf8.count) \(message)".utf8)
            case 1: input += Array("\(message)\n".utf8)
            case 2: input += Array("\(message)\r\n".utf8)
            default: input += Array("\(message)".utf8) + [0]
            }
            expected.append(Self.frame(number % 4 == 2 ? message + "\r" : message))
        }
        #expect(try Self.decodeAll(input, chunkSize: chunkSize, decoder: Self.decoder()) == expected)
    }

    // MARK: hostile input

    @Test func giantOctetCountIsDiscardedWithoutBuffering() throws {
        let decoder = Self.decoder(max: 1024)
        let processor = NIOSingleStepByteToMessageProcessor(decoder)
        var frames: [SyslogFrame] = []
        try processor.process(buffer: ByteBuffer(string: "999999999 <13>")) { frames.append($0) }
        let chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: 1 << 16)
        for _ in 0..<64 { try processor.process(buffer: chunk) { frames.append($0) } }
        #expect(frames.count == 1)
        #expect(frames.first?.isTruncated == true)
        #expect(frames.first?.message.readableBytes == 1024)
        #expect(processor.unprocessedBytes == 0)
    }

    @Test func overlongLineIsDiscardedAsItArrives() throws {
        let processor = NIOSingleStepByteToMessageProcessor(Self.decoder(max: 100))
        var frames: [SyslogFrame] = []
        for _ in 0..<100 {
            try processor.process(buffer: ByteBuffer(repeating: UInt8(ascii: "y"), count: 1000)) { frames.append($0) }
            #expect(processor.unprocessedBytes <= 1000)
        }
        try processor.process(buffer: ByteBuffer(string: "tail\n<13>next\n")) { frames.append($0) }
        #expect(frames.map(\.isTruncated) == [true, false])
        #expect(frames.last == Self.frame("<13>next"))
    }

    @Test func lengthOneOverTheMaximumIsTruncatedByOneByte() throws {
        let frames = try Self.decodeAll(Array("9 <13>abcde3 <1>".utf8), chunkSize: 1, decoder: Self.decoder(max: 8))
        #expect(frames == [Self.frame("<13>abcd", truncated: true), Self.frame("<1>")])
    }

    /// A terminator is not part of the message: a message of exactly the maximum followed by CRLF, or by a LF the
    /// sender counted into its octet count (rsyslog does), is whole; one byte more is cut.
    @Test(arguments: [1, 2, 3, 4096])
    func terminatorsDoNotCountAgainstTheMaximum(chunkSize: Int) throws {
        let exact = "<13>abcd"
        let input = "\(exact)\r\n" + "9 \(exact)\n" + "10 \(exact)\r\n" + "\(exact)x\r\n" + "9 \(exact)x" + "<1>end"
        let frames = try Self.decodeAll(Array(input.utf8), chunkSize: chunkSize, decoder: Self.decoder(max: 8))
        #expect(
            frames == [
                Self.frame("\(exact)\r"), Self.frame("\(exact)\n"), Self.frame("\(exact)\r\n"),
                Self.frame(exact, truncated: true), Self.frame(exact, truncated: true), Self.frame("<1>end"),
            ]
        )
    }

    @Test func lastLineOneOverTheMaximumIsCutAtEndOfStream() throws {
        for chunkSize in [1, 4096] {
            let frames = try Self.decodeAll(
                Array("<13>abcde".utf8),
                chunkSize: chunkSize,
                decoder: Self.decoder(max: 8)
            )
            #expect(frames == [Self.frame("<13>abcd", truncated: true)])
        }
    }

    @Test func lineFeedOnlyModeKeepsNULInsideALine() throws {
        let decoder = Self.decoder(octets: false, terminators: .lineFeed)
        let frames = try Self.decodeAll(Array("<13>a\0b\n12 <13>x\n".utf8), chunkSize: 3, decoder: decoder)
        #expect(frames == [Self.frame("<13>a\0b"), Self.frame("12 <13>x")])
    }

    @Test func randomBytesNeverStallOrGrowTheBuffer() throws {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let processor = NIOSingleStepByteToMessageProcessor(Self.decoder(max: 256))
            for _ in 0..<20 {
                let bytes = (0..<Int.random(in: 1..<512, using: &random)).map { _ in
                    [
                        UInt8(ascii: "1"), UInt8(ascii: " "), UInt8(ascii: "<"), 0x0A, 0x00,
                        UInt8.random(in: 0...255, using: &random),
                    ]
                    .randomElement(using: &random)!
                }
                try processor.process(buffer: ByteBuffer(bytes: bytes)) { frame in
                    #expect(frame.message.readableBytes <= 256)
                }
                #expect(processor.unprocessedBytes <= 256 + 512)
            }
        }
    }
}
