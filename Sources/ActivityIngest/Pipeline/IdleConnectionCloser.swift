import NIOCore
import Synchronization

/// Closes a connection when ``IdleStateHandler`` reports that nothing was read for `idle-timeout`.
///
/// A slowloris sender (a byte now and then) still keeps its connection, but one that goes silent costs one timeout,
/// and no thread is ever blocked on it.
final class IdleConnectionCloser: ChannelInboundHandler {
    typealias InboundIn = NIOAny

    private let counters: IngestCounters

    init(counters: IngestCounters) {
        self.counters = counters
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            self.counters.connectionsTimedOut.add(1, ordering: .relaxed)
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}

@available(*, unavailable)
extension IdleConnectionCloser: Sendable {}
