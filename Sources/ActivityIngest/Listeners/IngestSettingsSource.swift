import NIOConcurrencyHelpers
import Synchronization

/// The ingest settings in force, for what outlives a reload: UDP receivers and open TCP connections.
///
/// A ``Watcher`` re-reads them only when the generation changed, so checking costs one atomic load per read burst,
/// not a lock and a copy of the settings.
final class IngestSettingsSource: Sendable {
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

    /// The settings now, and a watcher that reports changes made after them.
    func current() -> (settings: IngestConfiguration, watcher: Watcher) {
        let (generation, settings) = self.state.withLockedValue { $0 }
        return (settings, Watcher(source: self, generation: generation))
    }

    /// Follows the settings for one receiver or connection, which owns it.
    struct Watcher {
        private let source: IngestSettingsSource
        private var generation: Int

        fileprivate init(source: IngestSettingsSource, generation: Int) {
            self.source = source
            self.generation = generation
        }

        /// The settings, when they changed since the last call (or since the watcher was made); `nil` otherwise.
        mutating func changes() -> IngestConfiguration? {
            guard self.source.generation.load(ordering: .acquiring) != self.generation else { return nil }
            let (generation, settings) = self.source.state.withLockedValue { $0 }
            self.generation = generation
            return settings
        }
    }
}
