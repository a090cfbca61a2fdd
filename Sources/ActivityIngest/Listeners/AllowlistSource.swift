import NIOConcurrencyHelpers
import NIOCore
import Synchronization

/// The `allow` lists as they are now, for UDP handlers whose sockets outlive a reload.
///
/// A reader re-reads its listener's list only when the generation number changed, so checking a datagram's sender
/// costs one atomic load and a network comparison (not a lock and a copy of the settings, as it once did).
final class AllowlistSource: Sendable {
    private let state = NIOLockedValueBox<(generation: Int, settings: IngestConfiguration)>((0, IngestConfiguration()))
    /// The generation in `state`, readable without the lock.
    private let generation = Atomic<Int>(0)

    /// Publishes new settings.
    func update(_ settings: IngestConfiguration) {
        self.state.withLockedValue { state in
            state = (state.generation + 1, settings)
            self.generation.store(state.generation, ordering: .releasing)
        }
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
            if self.source.generation.load(ordering: .acquiring) != self.generation {
                let (generation, settings) = self.source.state.withLockedValue { $0 }
                self.generation = generation
                self.allowlist = settings.allowlist(for: self.listener)
            }
            return self.allowlist.allows(address)
        }
    }
}
