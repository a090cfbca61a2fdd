import ActivityIngest
import ActivityModel

/// `metrics-listen ADDRESS:PORT`: where `/metrics` and `/health` are served over HTTP.
public struct MetricsEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// An IPv4 or IPv6 address (`*` in the file is `0.0.0.0`).
    public var host: String
    /// The TCP port; 0 lets the system pick one (tests).
    public var port: Int

    /// An endpoint on `host`, `port`.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// The endpoint as a TCP listener, for the overlap and bind checks of `-t`.
    var asListener: ListenerConfiguration { ListenerConfiguration(transport: .tcp, host: self.host, port: self.port) }

    public var description: String {
        self.host.contains(":") ? "[\(self.host)]:\(self.port)" : "\(self.host):\(self.port)"
    }
}
