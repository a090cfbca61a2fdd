import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// A TLS client connection (RFC 5425) for `activitylog send --tls`, with blocking writes.
final class TLSClientConnection: MessageConnection {
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let failure = NIOLockedValueBox<(any Error)?>(nil)

    /// Connects and completes the handshake.
    ///
    /// - Parameters:
    ///   - caPath: PEM file of the CA that signed the server certificate (default: the system's roots).
    ///   - certificatePath: PEM client certificate, for servers that require one.
    ///   - keyPath: PEM private key of the client certificate.
    ///   - handshakeTimeoutNanoseconds: How long to wait for the handshake: a plain TCP server never answers one.
    ///   - localAddress: The address to send from (`--bind`); the system's choice when `nil`.
    init(
        host: String,
        port: Int,
        localAddress: String?,
        caPath: String?,
        certificatePath: String?,
        keyPath: String?,
        handshakeTimeoutNanoseconds: Int64
    ) throws {
        let handshakeTimeout = TimeAmount.nanoseconds(handshakeTimeoutNanoseconds)
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let caPath { configuration.trustRoots = .file(caPath) }
        if let certificatePath {
            configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(certificatePath).map { .certificate($0) }
        }
        if let keyPath { configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: keyPath, format: .pem)) }
        let context = try NIOSSLContext(configuration: configuration)
        let serverName = IPAddressLiteral.isLiteral(host) ? nil : host
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let failure = self.failure
        do {
            let handshake = group.next().makePromise(of: Void.self)
            var bootstrap = ClientBootstrap(group: group)
            if let localAddress { bootstrap = bootstrap.bind(to: try SocketAddress(ipAddress: localAddress, port: 0)) }
            self.channel =
                try bootstrap
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandlers([
                            try NIOSSLClientHandler(context: context, serverHostname: serverName),
                            HandshakeWaiter(promise: handshake, failure: failure),
                        ])
                    }
                }
                .connect(host: host, port: port)
                .wait()
            let channel = self.channel
            let timeout = channel.eventLoop.scheduleTask(in: handshakeTimeout) {
                handshake.fail(HandshakeTimedOut(timeout: handshakeTimeout))
                channel.close(promise: nil)
            }
            defer { timeout.cancel() }
            try handshake.futureResult.wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw SocketError(what: "cannot connect with TLS to \(host):\(port): \(error)")
        }
        self.group = group
    }

    func send(_ bytes: UnsafeRawBufferPointer) throws {
        do {
            try self.channel.writeAndFlush(ByteBuffer(bytes: bytes)).wait()
        } catch {
            throw SocketError(
                what:
                    "cannot send over TLS: the server closed the connection (was the client certificate refused?): \(error)"
            )
        }
    }

    /// Closes with a TLS close_notify exchange. With TLS 1.3 a server that rejects the client certificate says so
    /// only after the client's handshake is done, so its alert may arrive after the last write: it is caught here.
    func finish() throws {
        try? self.channel.close().wait()
        try? self.group.syncShutdownGracefully()
        if let error = self.failure.withLockedValue({ $0 }) {
            throw SocketError(
                what:
                    "the server ended the TLS connection with an error (was the client certificate refused?): \(error)"
            )
        }
    }
}

/// The server did not complete a TLS handshake in time: most likely a plain TCP port.
private struct HandshakeTimedOut: Error, CustomStringConvertible {
    var timeout: TimeAmount

    var description: String {
        let seconds = Double(self.timeout.nanoseconds) / 1e9
        return "no TLS handshake within \(seconds) s (--handshake-timeout): is this a plain TCP port rather than TLS?"
    }
}

/// Completes a promise when the TLS handshake finishes (or fails).
private final class HandshakeWaiter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    private let promise: EventLoopPromise<Void>
    private let failure: NIOLockedValueBox<(any Error)?>

    init(promise: EventLoopPromise<Void>, failure: NIOLockedValueBox<(any Error)?>) {
        self.promise = promise
        self.failure = failure
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent { self.promise.succeed(()) }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.failure.withLockedValue { $0 = $0 ?? error }
        self.promise.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.promise.fail(ChannelError.ioOnClosedChannel)
        context.fireChannelInactive()
    }
}

/// Whether a host string is an IP literal (no SNI server name is sent for those).
enum IPAddressLiteral {
    static func isLiteral(_ host: String) -> Bool { host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." } }
}
