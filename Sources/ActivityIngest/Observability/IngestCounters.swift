import ActivityRuntime

/// Counts of what the listeners received and lost; every loss is counted, none is silent.
public typealias IngestCounters = AtomicCounters<IngestCounter>

/// Every count the listeners keep, declared once: the `statistics` line (`ingest.NAME`), `/metrics` and
/// `activitylogd(8)` all come from these cases.
///
/// Each listener counts into a set of its own (``ListenerCounters``): `/metrics` adds the labels `transport` and
/// `listener` to the ones declared here, and the `statistics` line gives the sums.
public enum IngestCounter: Int, CounterKey {
    case messagesReceived, messagesTruncated, datagramsDroppedQueueFull, datagramsDroppedByKernel
    case connectionsRefused, connectionsRefusedByACL, datagramsRefusedByACL, connectionsTimedOut, readsPaused
    case messagesLost, tlsHandshakesFailed, tlsHandshakesTimedOut, tlsPeersRefused, tlsOnPlainListener
    case proxyRefusedNotAllowed, proxyRefusedMissing, proxyRefusedMalformed

    public static let group = "ingest"

    public var description: CounterDescription {
        switch self {
        case .messagesReceived:
            CounterDescription(
                "received",
                metric: "activitylog_messages_received",
                help: "Messages parsed and handed to the writer."
            )
        case .messagesTruncated:
            CounterDescription(
                "truncated",
                metric: "activitylog_messages_truncated",
                isLoss: true,
                help: "Messages cut at max-message-size."
            )
        case .datagramsDroppedQueueFull:
            CounterDescription(
                "udp_dropped_queue_full",
                metric: "activitylog_messages_dropped",
                labels: [("reason", "queue_full")],
                isLoss: true,
                help: "Messages dropped before they reached the archive."
            )
        case .datagramsDroppedByKernel:
            CounterDescription(
                "udp_dropped_kernel",
                metric: "activitylog_messages_dropped",
                labels: [("reason", "receive_buffer")],
                isLoss: true,
                help: "Messages dropped before they reached the archive."
            )
        case .connectionsRefused:
            CounterDescription(
                "connections_refused",
                metric: "activitylog_connections_refused",
                labels: [("reason", "limit")],
                isLoss: true,
                help: "Connections closed at accept or before their first message."
            )
        case .connectionsRefusedByACL:
            CounterDescription(
                "connections_refused_acl",
                metric: "activitylog_connections_refused",
                labels: [("reason", "allow")],
                help: "Connections closed at accept or before their first message."
            )
        case .datagramsRefusedByACL:
            CounterDescription(
                "udp_refused_acl",
                metric: "activitylog_datagrams_refused",
                labels: [("reason", "allow")],
                help: "UDP datagrams dropped because the sender is not in the allow list."
            )
        case .connectionsTimedOut:
            CounterDescription(
                "connections_timed_out",
                metric: "activitylog_connections_timed_out",
                help: "TCP and TLS connections closed by idle-timeout."
            )
        case .readsPaused:
            CounterDescription(
                "reads_paused",
                metric: "activitylog_reads_paused",
                help: "Times a connection was paused because the writer queue was full."
            )
        case .messagesLost:
            CounterDescription(
                "lost",
                metric: "activitylog_messages_dropped",
                labels: [("reason", "stopped")],
                isLoss: true,
                help: "Messages dropped before they reached the archive."
            )
        case .tlsHandshakesFailed:
            CounterDescription(
                "tls_failed",
                metric: "activitylog_tls_handshakes_failed",
                labels: [("reason", "error")],
                help: "TLS handshakes that failed or did not finish in time."
            )
        case .tlsHandshakesTimedOut:
            CounterDescription(
                "tls_timed_out",
                metric: "activitylog_tls_handshakes_failed",
                labels: [("reason", "timeout")],
                help: "TLS handshakes that failed or did not finish in time."
            )
        case .tlsPeersRefused:
            CounterDescription(
                "tls_refused",
                metric: "activitylog_connections_refused",
                labels: [("reason", "tls_peer")],
                help: "Connections closed at accept or before their first message."
            )
        case .tlsOnPlainListener:
            CounterDescription(
                "tls_on_plain_listener",
                metric: "activitylog_connections_refused",
                labels: [("reason", "tls_on_plain_listener")],
                isLoss: true,
                help: "Connections closed at accept or before their first message."
            )
        case .proxyRefusedNotAllowed:
            CounterDescription(
                "proxy_refused_not_allowed",
                metric: "activitylog_connections_refused",
                labels: [("reason", "proxy_not_allowed")],
                help: "Connections closed at accept or before their first message."
            )
        case .proxyRefusedMissing:
            CounterDescription(
                "proxy_refused_missing",
                metric: "activitylog_connections_refused",
                labels: [("reason", "proxy_missing")],
                isLoss: true,
                help: "Connections closed at accept or before their first message."
            )
        case .proxyRefusedMalformed:
            CounterDescription(
                "proxy_refused_malformed",
                metric: "activitylog_connections_refused",
                labels: [("reason", "proxy_malformed")],
                isLoss: true,
                help: "Connections closed at accept or before their first message."
            )
        }
    }
}
