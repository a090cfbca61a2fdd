import Logging

/// Logs refused senders at most once per address per minute and at most 100 addresses a minute, for each reason
/// on its own; the counters count every refusal.
final class RefusalLog: Sendable {
    /// Why a sender was refused.
    enum Reason: Sendable {
        /// Not in the `allow` list.
        case notAllowed
        /// It opened a TLS handshake on a plain TCP listener.
        case tlsOnPlainListener

        var message: Logger.Message {
            switch self {
            case .notAllowed: "refused sender not in allow list"
            case .tlsOnPlainListener: "TLS client on a plain TCP listener; refused (use a 'listen tls' port for it)"
            }
        }
    }

    private let logger: Logger
    private let notAllowed = RateLimitedLog()
    private let tlsOnPlainListener = RateLimitedLog()

    init(logger: Logger) {
        self.logger = logger
    }

    /// Notes a refusal of the sender at `source` (its address as text) on `listener`.
    func refused(_ source: String?, listener: ListenerConfiguration, reason: Reason = .notAllowed) {
        let source = source ?? "unknown"
        let limiter =
            switch reason {
            case .notAllowed: self.notAllowed
            case .tlsOnPlainListener: self.tlsOnPlainListener
            }
        guard case .log(let heldBack) = limiter.decide(source) else { return }
        var metadata: Logger.Metadata = [
            "peer.address": "\(source)", "listener": "\(listener)",
            "note": "logged once a minute per sender, for at most \(limiter.linesPerInterval) senders a minute",
        ]
        if heldBack > 0 { metadata["refusals.not_logged"] = "\(heldBack)" }
        self.logger.warning(reason.message, metadata: metadata)
    }
}
