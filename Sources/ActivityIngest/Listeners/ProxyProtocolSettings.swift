import NIOCore

/// `listen … proxy-protocol proxy-allow CIDR…`: the listener's connections come through load balancers that open
/// each with a PROXY header (v1 or v2) naming the client, and only the balancers in `balancers` may send one.
///
/// A header lets its sender claim any source address, so no list means no balancer: a connection from an address
/// outside the list is refused whatever it sends.
public struct ProxyProtocolSettings: Hashable, Sendable {
    /// The networks of the balancers allowed to send PROXY headers.
    public var balancers: [CIDR]

    /// Creates settings that trust `balancers`.
    public init(balancers: [CIDR]) {
        self.balancers = balancers
    }

    /// `true` when `address` is one of the balancers.
    public func trusts(_ address: SocketAddress?) -> Bool {
        guard let address else { return false }
        return self.balancers.contains { $0.contains(address) }
    }
}
