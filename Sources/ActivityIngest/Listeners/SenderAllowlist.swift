import NIOCore

/// The senders a listener accepts: everyone when the list is empty, else only addresses in one of the networks.
public struct SenderAllowlist: Hashable, Sendable {
    /// The networks; empty means no restriction.
    public var networks: [CIDR]

    /// Creates a list.
    public init(_ networks: [CIDR] = []) {
        self.networks = networks
    }

    /// `true` when `address` may send.
    public func allows(_ address: SocketAddress?) -> Bool {
        guard !self.networks.isEmpty else { return true }
        guard let address else { return false }
        return self.networks.contains { $0.contains(address) }
    }
}
