import Logging

/// Logs refused senders at most once per address per minute and at most 100 addresses a minute, for each reason
/// on its own; the counters count every refusal.
final class RefusalLog: Sendable {
    /// Why a sender was refused.
    enum Reason: Sendable, CaseIterable {
        /// Not in the `allow` list.
        case notAllowed
        /// It opened a TLS handshake on a plain TCP listener.
        case tlsOnPlainListener
        /// It connected to a `proxy-protocol` listener from outside `proxy-allow`.
        case proxyNotAllowed
        /// It connected to a `proxy-protocol` listener without a PROXY header.
        case proxyHeaderMissing
        /// Its PROXY header did not parse.
        case proxyHeaderMalformed

        var message: Logger.Message {
            switch self {
            case .notAllowed: "refused sender not in allow list"
            case .tlsOnPlainListener: "TLS client on a plain TCP listener; refused (use a 'listen tls' port for it)"
            case .proxyNotAllowed: "refused connection to a proxy-protocol listener from an address not in proxy-allow"
            case .proxyHeaderMissing: "refused connection to a proxy-protocol listener without a PROXY header"
            case .proxyHeaderMalformed: "refused connection to a proxy-protocol listener: PROXY header does not parse"
            }
        }
    }

    private let logger: Logger
    private let limiters: [Reason: RateLimitedLog]

    init(logger: Logger) {
        self.logger = logger
        self.limiters = Dictionary(uniqueKeysWithValues: Reason.allCases.map { ($0, RateLimitedLog()) })
    }

    /// Notes a refusal of the sender at `source` (its address as text) on `listener`; `detail` says more (why a
    /// header did not parse).
    func refused(
        _ source: String?,
        listener: ListenerConfiguration,
        reason: Reason = .notAllowed,
        detail: String? = nil
    ) {
        let source = source ?? "unknown"
        let limiter = self.limiters[reason]!
        guard case .log(let heldBack) = limiter.decide(source) else { return }
        var metadata: Logger.Metadata = [
            "peer.address": "\(source)", "listener": "\(listener)",
            "note": "logged once a minute per sender, for at most \(limiter.linesPerInterval) senders a minute",
        ]
        if heldBack > 0 { metadata["refusals.not_logged"] = "\(heldBack)" }
        if let detail { metadata["reason"] = "\(detail)" }
        self.logger.warning(reason.message, metadata: metadata)
    }
}
