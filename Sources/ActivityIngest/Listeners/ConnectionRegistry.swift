import NIOConcurrencyHelpers
import NIOCore

/// The open TCP connections: counted for `max-connections`, and closed together at shutdown.
final class ConnectionRegistry: Sendable {
    private let channels = NIOLockedValueBox<[ObjectIdentifier: any Channel]>([:])

    /// Registers a new connection if fewer than `limit` are open; it is removed again when it closes.
    func admit(_ channel: any Channel, limit: Int) -> Bool {
        let admitted = self.channels.withLockedValue { channels in
            guard channels.count < limit else { return false }
            channels[ObjectIdentifier(channel)] = channel
            return true
        }
        if admitted {
            channel.closeFuture.whenComplete { _ in
                self.channels.withLockedValue { _ = $0.removeValue(forKey: ObjectIdentifier(channel)) }
            }
        }
        return admitted
    }

    /// Closes every open connection and waits until they are closed.
    func closeAll() async {
        let open = self.channels.withLockedValue { Array($0.values) }
        for channel in open { try? await channel.close() }
    }
}
