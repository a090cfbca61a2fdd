import ActivityRuntime
import NIOCore

/// Closes a connection that has delivered no complete message for `idle-timeout`.
///
/// The clock is reset by whole messages, not by bytes (the ``StreamIngestHandler`` counts every framed message in
/// the connection's ``MessageTally``): a silent client and a slowloris that trickles a byte now and then without
/// ever finishing a frame both cost one timeout, and never a thread.
///
/// Rescheduling a timer per message would put an allocation on the per-message path, so messages only bump the
/// tally and one timer per `idle-timeout` checks it: a connection is closed after a whole period without a
/// message, that is between one and two `idle-timeout`s after its last one.
///
/// A connection whose reads are paused because the writer's queue is full is not idle: it is waiting for us. It is
/// never closed while it holds refused records (closing a socket with unread data would reset it and lose what the
/// kernel has already acknowledged).
final class IdleConnectionCloser: ChannelInboundHandler {
    typealias InboundIn = NIOAny

    private let timeout: TimeAmount
    private let counters: IngestCounters
    private let tally: MessageTally
    private let activity: ChannelActivity
    private var countAtPeriodStart = 0
    private var check: Scheduled<Void>?

    init(timeout: TimeAmount, counters: IngestCounters, tally: MessageTally, activity: ChannelActivity) {
        self.timeout = timeout
        self.counters = counters
        self.tally = tally
        self.activity = activity
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { self.startPeriod(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        if self.check == nil { self.startPeriod(context: context) }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.check?.cancel()
        self.check = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.check?.cancel()
    }

    private func startPeriod(context: ChannelHandlerContext) {
        self.countAtPeriodStart = self.tally.count
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        self.check = context.eventLoop.scheduleTask(in: self.timeout) {
            let (handler, context) = loopBound.value
            handler.endPeriod(context: context)
        }
    }

    private func endPeriod(context: ChannelHandlerContext) {
        guard self.tally.count == self.countAtPeriodStart, !self.activity.isHolding else {
            self.startPeriod(context: context)
            return
        }
        self.check = nil
        self.counters.add(.connectionsTimedOut)
        context.close(promise: nil)
    }
}

@available(*, unavailable)
extension IdleConnectionCloser: Sendable {}

/// Messages a connection has delivered: written by its ``StreamIngestHandler``, read by its
/// ``IdleConnectionCloser``, both on the connection's event loop.
final class MessageTally {
    var count = 0
}

@available(*, unavailable)
extension MessageTally: Sendable {}
