import Logging

/// Logs refused senders (not in `allow`) at most once per address per minute; the counters count every refusal.
final class RefusalLog: Sendable {
    private let logger: Logger
    private let counters: IngestCounters
    private let limiter = RateLimitedLog()

    init(logger: Logger, counters: IngestCounters) {
        self.logger = logger
        self.counters = counters
    }

    /// Notes a refusal of the sender at `source` (its address as text) on `listener`.
    func refused(_ source: String?, listener: ListenerConfiguration) {
        let source = source ?? "unknown"
        guard self.limiter.shouldLog(source) else { return }
        self.logger.warning(
            "refused sender not in allow list",
            metadata: [
                "peer.address": "\(source)", "listener": "\(listener)", "note": "logged once a minute per sender",
            ]
        )
    }
}
