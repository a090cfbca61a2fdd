#if canImport(Glibc)
import Glibc
#endif

/// Validation and canonical spelling of IP address literals (`inet_pton`/`inet_ntop`).
public enum IPAddressText {
    /// The canonical text of an IPv4 or IPv6 literal (`::1` for `0:0:0:0:0:0:0:1`), or `nil` if it is neither.
    public static func canonical(_ text: String) -> String? {
        for family in [AF_INET, AF_INET6] {
            if let canonical = Self.canonical(text, family: family) { return canonical }
        }
        return nil
    }

    /// `true` for a dotted-quad IPv4 literal.
    public static func isIPv4(_ text: String) -> Bool { Self.canonical(text, family: AF_INET) != nil }

    /// `true` for an IPv6 literal (without brackets).
    public static func isIPv6(_ text: String) -> Bool { Self.canonical(text, family: AF_INET6) != nil }

    private static func canonical(_ text: String, family: Int32) -> String? {
        var storage = in6_addr()
        guard inet_pton(family, text, &storage) == 1 else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(family, &storage, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
