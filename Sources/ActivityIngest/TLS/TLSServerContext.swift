import NIOCore
import NIOSSL

/// Builds the server's TLS context from ``TLSSettings``: TLS 1.2 or newer, and with a client CA, mutual TLS.
public enum TLSServerContext {
    /// A TLS setting that cannot be used, naming the file and the reason.
    public struct Failure: Error, CustomStringConvertible {
        /// The keyword whose file is unusable; `nil` when a needed keyword is missing (the `listen tls` line is at
        /// fault then).
        public var keyword: String?
        /// What is wrong.
        public var description: String

        /// Creates a failure.
        public init(keyword: String? = nil, description: String) {
            self.keyword = keyword
            self.description = description
        }
    }

    /// Reads the certificate, key and client CA files and makes a context.
    ///
    /// - Throws: ``Failure`` naming the missing keyword or the unreadable file.
    public static func make(_ settings: TLSSettings) throws -> NIOSSLContext {
        guard let certificatePath = settings.certificatePath else {
            throw Failure(description: "a tls listener needs tls-certificate (a PEM certificate chain file)")
        }
        guard let keyPath = settings.keyPath else {
            throw Failure(description: "a tls listener needs tls-key (a PEM private key file)")
        }
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        } catch {
            throw Failure(
                keyword: "tls-certificate",
                description: "tls-certificate \(certificatePath): not a readable PEM certificate file (\(error))"
            )
        }
        guard !chain.isEmpty else {
            throw Failure(
                keyword: "tls-certificate",
                description: "tls-certificate \(certificatePath): no certificate in the file"
            )
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        } catch {
            throw Failure(
                keyword: "tls-key",
                description: "tls-key \(keyPath): not a readable PEM private key file (\(error))"
            )
        }
        var configuration: TLSConfiguration
        if let clientCAPath = settings.clientCAPath {
            let roots: [NIOSSLCertificate]
            do {
                roots = try NIOSSLCertificate.fromPEMFile(clientCAPath)
            } catch {
                throw Failure(
                    keyword: "tls-client-ca",
                    description: "tls-client-ca \(clientCAPath): not a readable PEM certificate file (\(error))"
                )
            }
            configuration = TLSConfiguration.makeServerConfigurationWithMTLS(
                certificateChain: chain.map { .certificate($0) },
                privateKey: .privateKey(key),
                trustRoots: .certificates(roots)
            )
        } else {
            configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) },
                privateKey: .privateKey(key)
            )
        }
        configuration.minimumTLSVersion = .tlsv12
        // On close we send close_notify and wait for the peer's; syslog senders rarely read, so do not wait the
        // default 5 s for an answer that does not come (a shutdown would wait that long per connection).
        configuration.shutdownTimeout = .seconds(1)
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw Failure(
                description:
                    "tls-certificate \(certificatePath) and tls-key \(keyPath) cannot be used together (\(error))"
            )
        }
    }
}
