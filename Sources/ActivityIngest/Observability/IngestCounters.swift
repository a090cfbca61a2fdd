import Synchronization

/// Counts of what the listeners received and lost; every loss is counted, none is silent.
public final class IngestCounters: Sendable {
    /// A snapshot of the counters.
    public struct Snapshot: Sendable, Equatable {
        /// Messages parsed and handed to the writer.
        public var messagesReceived: Int
        /// Messages cut at `max-message-size`.
        public var messagesTruncated: Int
        /// UDP datagrams dropped because the writer queue was full.
        public var datagramsDroppedQueueFull: Int
        /// UDP datagrams the kernel dropped because a socket's receive buffer was full (as of the last reading).
        public var datagramsDroppedByKernel: Int
        /// TCP connections closed at accept because of `max-connections` or `max-connections-per-source`.
        public var connectionsRefused: Int
        /// TCP connections closed at accept because the sender is not in the `allow` list.
        public var connectionsRefusedByACL: Int
        /// UDP datagrams dropped because the sender is not in the `allow` list.
        public var datagramsRefusedByACL: Int
        /// TCP connections closed by `idle-timeout`.
        public var connectionsTimedOut: Int
        /// Times a TCP connection was paused because the writer queue was full.
        public var readsPaused: Int
        /// Messages received but not handed to the writer because it had already shut down.
        public var messagesLost: Int
        /// TLS handshakes that failed (bad or missing client certificate, protocol errors).
        public var tlsHandshakesFailed: Int
        /// TLS handshakes not finished within `tls-handshake-timeout`.
        public var tlsHandshakesTimedOut: Int
        /// TLS peers whose certificate did not match `tls-allowed-peers`.
        public var tlsPeersRefused: Int
        /// Connections to a plain TCP listener that opened with a TLS handshake, refused.
        public var tlsOnPlainListener: Int
        /// Connections to a `proxy-protocol` listener from an address outside its `proxy-allow` list, refused.
        public var proxyRefusedNotAllowed: Int
        /// Connections to a `proxy-protocol` listener that did not open with a PROXY header, refused.
        public var proxyRefusedMissing: Int
        /// Connections to a `proxy-protocol` listener whose PROXY header did not parse (or was cut short), refused.
        public var proxyRefusedMalformed: Int

        /// Every count under the name the daemon's log lines give it (`received`, `udp_dropped_kernel`, …), in a
        /// fixed order.
        public var named: KeyValuePairs<String, Int> {
            [
                "received": self.messagesReceived, "truncated": self.messagesTruncated,
                "udp_dropped_queue_full": self.datagramsDroppedQueueFull,
                "udp_dropped_kernel": self.datagramsDroppedByKernel, "connections_refused": self.connectionsRefused,
                "connections_refused_acl": self.connectionsRefusedByACL, "udp_refused_acl": self.datagramsRefusedByACL,
                "connections_timed_out": self.connectionsTimedOut, "reads_paused": self.readsPaused,
                "lost": self.messagesLost, "tls_failed": self.tlsHandshakesFailed,
                "tls_timed_out": self.tlsHandshakesTimedOut, "tls_refused": self.tlsPeersRefused,
                "tls_on_plain_listener": self.tlsOnPlainListener,
                "proxy_refused_not_allowed": self.proxyRefusedNotAllowed,
                "proxy_refused_missing": self.proxyRefusedMissing,
                "proxy_refused_malformed": self.proxyRefusedMalformed,
            ]
        }
    }

    let messagesReceived = Atomic<Int>(0)
    let messagesTruncated = Atomic<Int>(0)
    let datagramsDroppedQueueFull = Atomic<Int>(0)
    let datagramsDroppedByKernel = Atomic<Int>(0)
    let connectionsRefused = Atomic<Int>(0)
    let connectionsRefusedByACL = Atomic<Int>(0)
    let datagramsRefusedByACL = Atomic<Int>(0)
    let connectionsTimedOut = Atomic<Int>(0)
    let readsPaused = Atomic<Int>(0)
    let messagesLost = Atomic<Int>(0)
    let tlsHandshakesFailed = Atomic<Int>(0)
    let tlsHandshakesTimedOut = Atomic<Int>(0)
    let tlsPeersRefused = Atomic<Int>(0)
    let tlsOnPlainListener = Atomic<Int>(0)
    let proxyRefusedNotAllowed = Atomic<Int>(0)
    let proxyRefusedMissing = Atomic<Int>(0)
    let proxyRefusedMalformed = Atomic<Int>(0)

    /// Creates zeroed counters.
    public init() {}

    /// The counters now.
    public var snapshot: Snapshot {
        Snapshot(
            messagesReceived: self.messagesReceived.load(ordering: .relaxed),
            messagesTruncated: self.messagesTruncated.load(ordering: .relaxed),
            datagramsDroppedQueueFull: self.datagramsDroppedQueueFull.load(ordering: .relaxed),
            datagramsDroppedByKernel: self.datagramsDroppedByKernel.load(ordering: .relaxed),
            connectionsRefused: self.connectionsRefused.load(ordering: .relaxed),
            connectionsRefusedByACL: self.connectionsRefusedByACL.load(ordering: .relaxed),
            datagramsRefusedByACL: self.datagramsRefusedByACL.load(ordering: .relaxed),
            connectionsTimedOut: self.connectionsTimedOut.load(ordering: .relaxed),
            readsPaused: self.readsPaused.load(ordering: .relaxed),
            messagesLost: self.messagesLost.load(ordering: .relaxed),
            tlsHandshakesFailed: self.tlsHandshakesFailed.load(ordering: .relaxed),
            tlsHandshakesTimedOut: self.tlsHandshakesTimedOut.load(ordering: .relaxed),
            tlsPeersRefused: self.tlsPeersRefused.load(ordering: .relaxed),
            tlsOnPlainListener: self.tlsOnPlainListener.load(ordering: .relaxed),
            proxyRefusedNotAllowed: self.proxyRefusedNotAllowed.load(ordering: .relaxed),
            proxyRefusedMissing: self.proxyRefusedMissing.load(ordering: .relaxed),
            proxyRefusedMalformed: self.proxyRefusedMalformed.load(ordering: .relaxed)
        )
    }
}
