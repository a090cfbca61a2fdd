import ActivityModel
import SyslogFraming
import SyslogParsing

/// Limits and parsing settings shared by every listener.
public struct IngestConfiguration: Sendable {
    /// `max-message-size`: longer messages are truncated and flagged.
    public var maxMessageSize: Int
    /// `max-connections`: TCP connections beyond this are closed at accept.
    public var maxConnections: Int
    /// `max-connections-per-source`: TCP connections from one address beyond this are closed at accept.
    public var maxConnectionsPerSource: Int
    /// `allow` lines: senders every listener accepts (empty: everyone), unless the listener has its own list.
    public var allow: SenderAllowlist
    /// `listen … allow …`: a listener's own list, which replaces the global one for it.
    public var listenerAllow: [ListenerConfiguration: SenderAllowlist]
    /// `listen … proxy-protocol proxy-allow …`: the listeners whose connections open with a PROXY header, and the
    /// balancers each trusts to send it. On those listeners `allow` applies to the client the header names.
    public var proxyProtocol: [ListenerConfiguration: ProxyProtocolSettings]
    /// `idle-timeout`: a TCP connection that sends nothing for this long is closed.
    public var idleTimeout: Duration
    /// `udp-receive-buffer`: the kernel receive buffer asked for on UDP sockets.
    public var udpReceiveBuffer: Int
    /// `rfc3164-timezone` and the activity-mapping lists.
    public var parser: SyslogParserConfiguration
    /// The `tls-*` keywords, for `listen tls` listeners.
    public var tls: TLSSettings

    /// Creates a configuration with the defaults activitylogd.conf(5) documents.
    public init(
        maxMessageSize: Int = SyslogFrameDecoder.Configuration.defaultMaxMessageSize,
        maxConnections: Int = 1024,
        maxConnectionsPerSource: Int = 64,
        allow: SenderAllowlist = SenderAllowlist(),
        listenerAllow: [ListenerConfiguration: SenderAllowlist] = [:],
        proxyProtocol: [ListenerConfiguration: ProxyProtocolSettings] = [:],
        idleTimeout: Duration = .seconds(600),
        udpReceiveBuffer: Int = 8 << 20,
        parser: SyslogParserConfiguration = SyslogParserConfiguration(),
        tls: TLSSettings = TLSSettings()
    ) {
        self.maxMessageSize = maxMessageSize
        self.maxConnections = maxConnections
        self.maxConnectionsPerSource = maxConnectionsPerSource
        self.allow = allow
        self.listenerAllow = listenerAllow
        self.proxyProtocol = proxyProtocol
        self.idleTimeout = idleTimeout
        self.udpReceiveBuffer = udpReceiveBuffer
        self.parser = parser
        self.tls = tls
    }

    /// The senders `listener` accepts: its own list if it has one, else the global `allow` list.
    public func allowlist(for listener: ListenerConfiguration) -> SenderAllowlist {
        self.listenerAllow[listener] ?? self.allow
    }
}
