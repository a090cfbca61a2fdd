/// The `tls-*` keywords: the server's certificate and key, and who may connect (RFC 5425).
public struct TLSSettings: Hashable, Sendable {
    /// `tls-certificate`: PEM file with the server certificate, followed by its chain.
    public var certificatePath: String?
    /// `tls-key`: PEM file with the server's private key.
    public var keyPath: String?
    /// `tls-client-ca`: PEM file of the CA(s) a client certificate must chain to; set, clients must present one.
    public var clientCAPath: String?
    /// `tls-allowed-peers`: patterns a client certificate's DNS names or common name must match (`*.example.com`
    /// matches one leftmost label); empty means any certificate from the client CA.
    public var allowedPeers: [String]
    /// `tls-handshake-timeout`: a client that has not finished the handshake by then is disconnected.
    public var handshakeTimeout: Duration

    /// Creates settings with no certificate (TLS listeners then cannot start).
    public init(
        certificatePath: String? = nil,
        keyPath: String? = nil,
        clientCAPath: String? = nil,
        allowedPeers: [String] = [],
        handshakeTimeout: Duration = .seconds(10)
    ) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
        self.clientCAPath = clientCAPath
        self.allowedPeers = allowedPeers
        self.handshakeTimeout = handshakeTimeout
    }
}
