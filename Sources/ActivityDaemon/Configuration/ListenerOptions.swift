import ActivityIngest
import ActivityModel

/// The options after a `listen` line's address: `allow CIDR…`, `proxy-protocol`, `proxy-allow CIDR…` and
/// `reuse-port`, each at most once, in any order; a list of networks runs to the next option.
struct ListenerOptions {
    /// `allow`: the senders this listener accepts, instead of the global `allow` list.
    var allow: [CIDR]?
    /// `proxy-protocol`: connections open with a PROXY header.
    var proxyProtocol = false
    /// `proxy-allow`: the load balancers trusted to send that header.
    var proxyAllow: [CIDR]?
    /// `reuse-port`: the socket shares its port with other processes (`SO_REUSEPORT`).
    var reusePort = false

    static let names = ["allow", "proxy-protocol", "proxy-allow", "reuse-port"]
    static let syntax = "[allow CIDR ...] [proxy-protocol proxy-allow CIDR ...] [reuse-port]"
}

extension DirectiveReader {
    /// Reads the options of a `listen` line for a `transport` listener.
    func listenerOptions(_ arguments: ArraySlice<String>, transport: Transport) throws -> ListenerOptions {
        var options = ListenerOptions()
        var seen: Set<String> = []
        var rest = arguments
        while let name = rest.popFirst() {
            guard ListenerOptions.names.contains(name) else {
                throw self.error(name, expected: "a listener option: \(ListenerOptions.syntax)")
            }
            guard seen.insert(name).inserted else { throw self.error(name, expected: "each listener option once") }
            switch name {
            case "allow":
                options.allow = try self.optionNetworks(name, &rest)
            case "proxy-allow":
                options.proxyAllow = try self.optionNetworks(name, &rest)
            case "proxy-protocol":
                options.proxyProtocol = true
            default:
                options.reusePort = true
            }
        }
        guard transport != .udp || (!options.proxyProtocol && options.proxyAllow == nil) else {
            throw self.error(
                options.proxyProtocol ? "proxy-protocol" : "proxy-allow",
                expected: "the PROXY protocol on a tcp or tls listener (it precedes a stream; UDP has none)"
            )
        }
        guard options.proxyProtocol || options.proxyAllow == nil else {
            throw self.error("proxy-allow", expected: "proxy-allow together with proxy-protocol")
        }
        guard !options.proxyProtocol || options.proxyAllow != nil else {
            throw self.error(
                "proxy-protocol",
                expected: "proxy-protocol followed by 'proxy-allow CIDR ...' naming the load balancers that may send"
                    + " PROXY headers (a header can claim any source address, so there is no default)"
            )
        }
        return options
    }

    /// The networks after the option `name`, up to the next option: one at least.
    private func optionNetworks(_ name: String, _ rest: inout ArraySlice<String>) throws -> [CIDR] {
        let count = rest.prefix { !ListenerOptions.names.contains($0) }.count
        guard count > 0 else {
            throw self.error(name, expected: "\(name) followed by one or more networks such as 10.0.0.0/8")
        }
        defer { rest = rest.dropFirst(count) }
        return try rest.prefix(count).map { text in
            guard let network = CIDR(text) else {
                throw self.error(
                    text,
                    expected: "a network such as 10.0.0.0/8, 192.0.2.7 or 2001:db8::/32 after \(name), or a listener"
                        + " option: \(ListenerOptions.syntax)"
                )
            }
            return network
        }
    }
}
