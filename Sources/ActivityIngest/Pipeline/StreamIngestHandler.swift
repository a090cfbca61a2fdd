import ActivityModel
import ActivityRuntime
import NIOCore
import SyslogFraming
import SyslogParsing

/// The last handler of a TCP (or TLS) connection: bytes in, records out to the archive writer.
///
/// It frames the stream itself (``SyslogFrameDecoder`` driven by NIO's single-step processor) instead of behind a
/// `ByteToMessageHandler`, so a message never travels the pipeline on its own: no boxing into `NIOAny`, no dynamic
/// cast and no handler hop per message, which cost about a tenth of the event loop's time. Every message counts in
/// the connection's ``MessageTally`` for the ``IdleConnectionCloser``.
///
/// All frames of one read burst share one `received` time (one clock call per burst, not per message). Chunks go to
/// the writer when full and at the end of each burst. When the writer refuses (queue full), the handler keeps the
/// chunk, turns `autoRead` off so the sender blocks on its full TCP window (no loss), and resumes when the writer
/// has room. At close, whatever the connection still holds is handed over, waiting for room if needed.
final class StreamIngestHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private var framer: NIOSingleStepByteToMessageProcessor<SyslogFrameDecoder>
    private let tally: MessageTally
    private var chunker: RecordChunker
    private var settings: IngestSettingsSource.Watcher
    private let writer: any RecordSink
    private let clock: any WallClock
    private let counters: IngestCounters
    private let activity: ChannelActivity
    private let transport: Transport
    private var source: String?
    private var burst: ReceptionContext?
    private var held: [RecordChunk] = []
    private var isPaused = false

    init(
        decoder: SyslogFrameDecoder,
        tally: MessageTally,
        chunker: RecordChunker,
        settings: IngestSettingsSource.Watcher,
        writer: any RecordSink,
        clock: any WallClock,
        counters: IngestCounters,
        activity: ChannelActivity,
        transport: Transport
    ) {
        self.framer = NIOSingleStepByteToMessageProcessor(decoder)
        self.tally = tally
        self.chunker = chunker
        self.settings = settings
        self.writer = writer
        self.clock = clock
        self.counters = counters
        self.activity = activity
        self.transport = transport
    }

    func channelActive(context: ChannelHandlerContext) {
        self.source = context.channel.remoteAddress?.ipAddress
        context.fireChannelActive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // Behind a load balancer (`proxy-protocol`), the client its PROXY header names is the source.
        if let relayed = event as? RelayedSource { self.source = relayed.address.ipAddress }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // A reload's parsing applies to an open connection from its next read (its limits stay as accepted).
        if let settings = self.settings.changes() { self.chunker.reconfigure(parser: settings.parser) }
        let bytes = self.unwrapInboundIn(data)
        var frames = FrameCount()
        do {
            try self.framer.process(buffer: bytes) { frame in
                frames.add(frame)
                self.add(frame, context: context)
            }
        } catch {
            self.errorCaught(context: context, error: error)
        }
        self.count(frames)
    }

    /// Messages and truncations of one read, counted on the stack and published once per read: a class property or
    /// an atomic per message costs more than the framing of a short message.
    private struct FrameCount {
        var messages = 0
        var truncated = 0

        mutating func add(_ frame: SyslogFrame) {
            self.messages &+= 1
            if frame.isTruncated { self.truncated &+= 1 }
        }
    }

    private func count(_ frames: FrameCount) {
        guard frames.messages > 0 else { return }
        self.tally.count &+= frames.messages
        self.counters.add(.messagesReceived, frames.messages)
        if frames.truncated > 0 { self.counters.add(.messagesTruncated, frames.truncated) }
    }

    private func add(_ frame: SyslogFrame, context: ChannelHandlerContext) {
        if self.burst == nil {
            self.burst = ReceptionContext(received: self.clock.now(), source: self.source, transport: self.transport)
            self.activity.didRead()
        }
        let reception = self.burst!
        frame.message.withUnsafeReadableBytes { self.chunker.add($0, truncated: frame.isTruncated, context: reception) }
        if self.chunker.hasCompletedChunk {
            // A long burst (several reads per event-loop tick) gets a fresh `received` every chunk.
            self.burst = nil
            self.activity.didRead()
            self.handOver(context: context)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.activity.didRead()
        self.burst = nil
        self.handOver(context: context)
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        // A last message without its line feed still counts (as `ByteToMessageHandler` would decode it).
        var frames = FrameCount()
        try? self.framer.finishProcessing(seenEOF: true) { frame in
            frames.add(frame)
            self.add(frame, context: context)
        }
        self.count(frames)
        self.burst = nil
        self.handOver(context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A framing or TLS error leaves the stream unusable; what was read so far is handed over at channelInactive.
        context.close(promise: nil)
    }

    /// Gives every finished chunk to the writer, pausing reads if it refuses.
    private func handOver(context: ChannelHandlerContext) {
        self.held += self.chunker.takeAll()
        while let chunk = self.held.first {
            switch self.writer.submit(chunk, from: .stream) {
            case .accepted:
                self.held.removeFirst()
            case .queueFull:
                self.pause(context: context)
                return
            case .stopped:
                // Only after shutdown gave up waiting for this connection: count what could not be kept.
                self.counters.add(.messagesLost, self.held.reduce(0) { $0 + $1.recordCount })
                self.held.removeAll()
            }
        }
        self.activity.setHolding(false)
    }

    private func pause(context: ChannelHandlerContext) {
        self.activity.setHolding(true)
        guard !self.isPaused else { return }
        self.isPaused = true
        self.counters.add(.readsPaused)
        context.channel.setOption(ChannelOptions.autoRead, value: false).whenComplete { _ in }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let eventLoop = context.eventLoop
        self.writer.whenSpaceAvailable {
            eventLoop.execute {
                let (handler, context) = loopBound.value
                handler.resume(context: context)
            }
        }
    }

    private func resume(context: ChannelHandlerContext) {
        self.isPaused = false
        self.handOver(context: context)
        guard !self.isPaused, context.channel.isActive else { return }
        context.channel.setOption(ChannelOptions.autoRead, value: true).whenComplete { _ in }
        context.read()
    }
}

@available(*, unavailable)
extension StreamIngestHandler: Sendable {}
