/// The PROXY protocol header (HAProxy's `proxy-protocol.txt`, versions 1 and 2) that a load balancer sends before
/// the client's bytes, naming the client whose connection it relays.
///
/// ``parse(_:)`` is a pure function of the bytes received so far: it answers as soon as they decide, never waits for
/// more than ``maximumLength`` bytes, and reads nothing past the header, so a header split across reads is parsed
/// the same as one read whole, and hostile input can neither grow memory nor stall a connection for ever.
public struct ProxyProtocolHeader: Sendable, Equatable {
    /// The header's version: the text line of version 1 or the binary block of version 2.
    public enum Version: Sendable, Equatable {
        case v1
        case v2
    }

    /// One end of the relayed connection: an IPv4 (4 bytes) or IPv6 (16 bytes) address and a port.
    public struct Endpoint: Sendable, Equatable {
        /// The address in network byte order, 4 or 16 bytes.
        public var address: [UInt8]
        /// The port, 0 to 65535.
        public var port: Int

        /// Creates an endpoint.
        public init(address: [UInt8], port: Int) {
            self.address = address
            self.port = port
        }
    }

    /// The header's version.
    public var version: Version
    /// The client of the relayed connection, or `nil` when the header says to keep the connection's own addresses
    /// (v1 `UNKNOWN`, v2 `LOCAL`, or a v2 family other than IPv4 and IPv6).
    public var source: Endpoint?
    /// The address the client connected to, `nil` exactly when `source` is.
    public var destination: Endpoint?

    /// Creates a header.
    public init(version: Version, source: Endpoint? = nil, destination: Endpoint? = nil) {
        self.version = version
        self.source = source
        self.destination = destination
    }

    /// What the bytes received so far say.
    public enum Parse: Sendable, Equatable {
        /// A header may still follow: the bytes are a valid beginning of one, shorter than ``maximumLength``.
        case incomplete
        /// A header of `length` bytes; the client's bytes start after it.
        case header(ProxyProtocolHeader, length: Int)
        /// The bytes do not start with a PROXY signature (`PROXY ` or the v2 block's 12 bytes).
        case missing
        /// The bytes start with a signature but do not follow the protocol; `reason` says how, for the log.
        case malformed(reason: String)
    }

    /// The longest version 1 line, CRLF included.
    public static let maximumV1Length = 107
    /// The most address and TLV bytes a version 2 header may announce (the protocol allows 65,535; balancers send
    /// far less, even with certificates in their TLVs).
    public static let maximumV2PayloadLength = 4096
    /// The most bytes ``parse(_:)`` waits for before it decides.
    public static let maximumLength = Version2.fixedLength + maximumV2PayloadLength

    /// Reads the header at the start of `bytes`, the first bytes of a connection.
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> Parse {
        guard let first = bytes.first else { return .incomplete }
        switch first {
        case Version1.signature[0]: return Version1.parse(bytes)
        case Version2.signature[0]: return Version2.parse(bytes)
        default: return .missing
        }
    }

    /// Whether `bytes` starts with as much of `signature` as it holds: `nil` when it diverges, else whether it holds
    /// the whole signature.
    static func matches(_ bytes: UnsafeRawBufferPointer, signature: [UInt8]) -> Bool? {
        let count = min(bytes.count, signature.count)
        guard bytes.prefix(count).elementsEqual(signature.prefix(count)) else { return nil }
        return count == signature.count
    }
}
