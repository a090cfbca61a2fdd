import Logging
import Synchronization

/// The level all of the process's ``TerseLogHandler``s log at, so a SIGHUP reload of `log-level` changes every
/// logger at once.
public final class SharedLogLevel: Sendable {
    private let index: Atomic<Int>

    /// Starts at `level`.
    public init(_ level: Logger.Level) {
        self.index = Atomic(Self.index(of: level))
    }

    /// The level now.
    public var level: Logger.Level {
        get { Logger.Level.allCases[self.index.load(ordering: .relaxed)] }
        set { self.index.store(Self.index(of: newValue), ordering: .relaxed) }
    }

    private static func index(of level: Logger.Level) -> Int {
        Logger.Level.allCases.firstIndex(of: level) ?? 0
    }
}
