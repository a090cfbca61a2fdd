import ActivityModel
import SyslogParsing

/// One `listen` line's socket: a transport, the address to bind, and whether other sockets may share its port.
///
/// What a listener does with its connections (`allow`, `proxy-protocol`) lives in ``IngestConfiguration``, so a
/// reload can change it without binding again.
public struct ListenerConfiguration: Hashable, Sendable, CustomStringConvertible {
    /// `udp`, `tcp` or `tls` (TLS also needs the `tls-*` keywords).
    public var transport: Transport
    /// The address to bind: an IPv4 or IPv6 literal, `0.0.0.0` or `::` for all.
    public var host: String
    /// The port; 0 picks a free one (tests).
    public var port: Int
    /// `reuse-port`: bind with `SO_REUSEPORT`, so that other processes of the same user whose sockets have it too
    /// (several collectors, or one per core) share the port, the kernel spreading connections and datagrams.
    public var reusesPort: Bool

    /// Creates a listener configuration.
    public init(transport: Transport, host: String, port: Int, reusesPort: Bool = false) {
        self.transport = transport
        self.host = host
        self.port = port
        self.reusesPort = reusesPort
    }

    /// `tcp 127.0.0.1:5514`, `udp [::1]:5514`.
    public var description: String {
        let address = self.host.contains(":") ? "[\(self.host)]:\(self.port)" : "\(self.host):\(self.port)"
        return "\(self.transport.rawValue) \(address)"
    }
}
