import NIOCore
import Synchronization

/// Closes a connection that has delivered no complete message for `idle-timeout`.
///
/// It sits after the framer, so the clock is reset by whole messages, not by bytes: a silent client and a slowloris
/// that trickles a byte now and then without ever finishing a frame both cost one timeout, and never a thread.
///
/// Rescheduling a timer per message would put an allocation on the per-message path, so messages only bump a
/// counter and one timer per `idle-timeout` checks it: a connection is closed after a whole period without a
/// message, that is between one and two `idle-timeout`s after its last one.
final class IdleConnectionCloser: ChannelInboundHandler {
    typealias InboundIn = NIOAny

    private let timeout: TimeAmount
    private let counters: IngestCounters
    private var messagesThisPeriod = 0
    private var check: Scheduled<Void>?

    init(timeout: TimeAmount, counters: IngestCounters) {
        self.timeout = timeout
        self.counters = counters
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { self.startPeriod(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        if self.check == nil { self.startPeriod(context: context) }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.messagesThisPeriod &+= 1
        context.fireChannelRead(data)
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
        self.messagesThisPeriod = 0
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        self.check = context.eventLoop.scheduleTask(in: self.timeout) {
            let (handler, context) = loopBound.value
            handler.endPeriod(context: context)
        }
    }

    private func endPeriod(context: ChannelHandlerContext) {
        guard self.messagesThisPeriod == 0 else {
            self.startPeriod(context: context)
            return
        }
        self.check = nil
        self.counters.connectionsTimedOut.add(1, ordering: .relaxed)
        context.close(promise: nil)
    }
}

@available(*, unavailable)
extension IdleConnectionCloser: Sendable {}
