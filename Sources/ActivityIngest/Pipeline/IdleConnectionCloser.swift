import NIOCore
import Synchronization

/// Closes a connection that has delivered no complete message for `idle-timeout`.
///
/// It sits after the framer, so the clock is reset by whole messages, not by bytes: a silent client and a slowloris
/// that trickles a byte now and then without ever finishing a frame both cost one timeout, and never a thread.
final class IdleConnectionCloser: ChannelInboundHandler {
    typealias InboundIn = NIOAny

    private let timeout: TimeAmount
    private let counters: IngestCounters
    private var deadline: Scheduled<Void>?

    init(timeout: TimeAmount, counters: IngestCounters) {
        self.timeout = timeout
        self.counters = counters
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { self.arm(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        self.arm(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.arm(context: context)
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.deadline?.cancel()
        self.deadline = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.deadline?.cancel()
    }

    private func arm(context: ChannelHandlerContext) {
        self.deadline?.cancel()
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        let counters = self.counters
        self.deadline = context.eventLoop.scheduleTask(in: self.timeout) {
            counters.connectionsTimedOut.add(1, ordering: .relaxed)
            loopBound.value.close(promise: nil)
        }
    }
}

@available(*, unavailable)
extension IdleConnectionCloser: Sendable {}
