import NIOConcurrencyHelpers
import NIOCore

/// The `allow` lists as they are now, for UDP handlers whose sockets outlive a reload.
///
/// A reader re-reads its listener's list only when the generation number changed, so checking a datagram's sender
/// costs one atomic load per read burst and a network comparison per datagram.
final class AllowlistSource: Sendable {
    private let state = NIOLockedValueBox<(generation: Int, settings: IngestConfiguration)>((0, IngestConfiguration()))

    /// Publishes new settings.
    func update(_ settings: IngestConfiguration) {
        self.state.withLockedValue { $0 = ($0.generation + 1, settings) }
    }

    /// One listener's view, owned by its handler.
    struct Reader {
        let source: AllowlistSource
        let listener: ListenerConfiguration
        private var generation = -1
        private var allowlist = SenderAllowlist()

        init(source: AllowlistSource, listener: ListenerConfiguration) {
            self.source = source
            self.listener = listener
        }

        /// `true` when `address` may send, by the list in force now.
        mutating func allows(_ address: SocketAddress?) -> Bool {
            let (generation, settings) = self.source.state.withLockedValue { $0 }
            if generation != self.generation {
                self.generation = generation
                self.allowlist = settings.allowlist(for: self.listener)
            }
            return self.allowlist.allows(address)
        }
    }
}
