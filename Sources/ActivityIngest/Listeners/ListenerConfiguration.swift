import ActivityModel
import SyslogParsing

/// One `listen` line: a transport and the address to bind.
public struct ListenerConfiguration: Hashable, Sendable, CustomStringConvertible {
    /// `udp`, `tcp` or `tls` (TLS also needs the `tls-*` keywords).
    public var transport: Transport
    /// The address to bind: an IPv4 or IPv6 literal, `0.0.0.0` or `::` for all.
    public var host: String
    /// The port; 0 picks a free one (tests).
    public var port: Int

    /// Creates a listener configuration.
    public init(transport: Transport, host: String, port: Int) {
        self.transport = transport
        self.host = host
        self.port = port
    }

    /// `tcp 127.0.0.1:5514`, `udp [::1]:5514`.
    public var description: String {
        let address = self.host.contains(":") ? "[\(self.host)]:\(self.port)" : "\(self.host):\(self.port)"
        return "\(self.transport.rawValue) \(address)"
    }
}
