import Logging

/// Logs refused senders (not in `allow`) at most once per address per minute and at most 100 addresses a minute;
/// the counters count every refusal.
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
        guard case .log(let heldBack) = self.limiter.decide(source) else { return }
        var metadata: Logger.Metadata = [
            "peer.address": "\(source)", "listener": "\(listener)",
            "note": "logged once a minute per sender, for at most \(self.limiter.linesPerInterval) senders a minute",
        ]
        if heldBack > 0 { metadata["refusals.not_logged"] = "\(heldBack)" }
        self.logger.warning("refused sender not in allow list", metadata: metadata)
    }
}
