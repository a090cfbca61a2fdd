import ActivityModel
import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 or IPv6 network such as `10.0.0.0/8` or `2001:db8::/32`, for the `allow` lists.
///
/// An IPv4-mapped IPv6 peer (`::ffff:10.0.0.5`, seen on a dual-stack socket) matches IPv4 networks.
public struct CIDR: Hashable, Sendable, CustomStringConvertible {
    /// Network address bytes (4 or 16), with the host bits cleared.
    let network: [UInt8]
    /// Prefix length in bits.
    let prefixLength: Int

    /// Parses `ADDRESS/PREFIX` or a bare address (a single host).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let bytes = Self.addressBytes(String(parts[0])) else { return nil }
        let bits = bytes.count * 8
        var prefix = bits
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isNumber), let value = Int(parts[1]), value <= bits else {
                return nil
            }
            prefix = value
        }
        self.prefixLength = prefix
        self.network = Self.masked(bytes, prefix: prefix)
    }

    /// `true` when `address` lies in the network.
    public func contains(_ address: SocketAddress) -> Bool {
        guard var bytes = Self.addressBytes(of: address) else { return false }
        if bytes.count == 16, self.network.count == 4, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF,
            bytes[11] == 0xFF
        {
            bytes = Array(bytes[12..<16])
        }
        guard bytes.count == self.network.count else { return false }
        return Self.masked(bytes, prefix: self.prefixLength) == self.network
    }

    public var description: String {
        let address =
            self.network.count == 4 ? self.network.map(String.init).joined(separator: ".") : Self.ipv6Text(self.network)
        return "\(address)/\(self.prefixLength)"
    }

    private static func masked(_ bytes: [UInt8], prefix: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let bitsInByte = max(0, min(8, prefix - index * 8))
            return bitsInByte == 8 ? byte : byte & ~(UInt8(0xFF) >> bitsInByte)
        }
    }

    private static func addressBytes(_ text: String) -> [UInt8]? {
        var storage = in6_addr()
        if inet_pton(AF_INET, text, &storage) == 1 { return withUnsafeBytes(of: storage) { Array($0.prefix(4)) } }
        if inet_pton(AF_INET6, text, &storage) == 1 { return withUnsafeBytes(of: storage) { Array($0) } }
        return nil
    }

    private static func addressBytes(of address: SocketAddress) -> [UInt8]? {
        address.withSockAddr { pointer, _ -> [UInt8]? in
            switch Int32(pointer.pointee.sa_family) {
            case AF_INET:
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                    withUnsafeBytes(of: $0.pointee.sin_addr) { Array($0) }
                }
            case AF_INET6:
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    withUnsafeBytes(of: $0.pointee.sin6_addr) { Array($0) }
                }
            default:
                nil
            }
        }
    }

    private static func ipv6Text(_ bytes: [UInt8]) -> String {
        var storage = in6_addr()
        withUnsafeMutableBytes(of: &storage) { $0.copyBytes(from: bytes) }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        inet_ntop(AF_INET6, &storage, &buffer, socklen_t(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
