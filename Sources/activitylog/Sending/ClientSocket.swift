import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// Where `activitylog send` writes framed messages: a plain socket or a TLS connection.
protocol MessageConnection {
    /// Writes all of `bytes` (stream), or sends them as one datagram.
    func send(_ bytes: UnsafeRawBufferPointer) throws
    /// Closes the connection, reporting a refusal the server signalled only at the end (a TLS alert).
    func finish() throws
}

/// A connected, blocking UDP or TCP client socket.
struct ClientSocket: MessageConnection {
    let descriptor: Int32
    let isDatagram: Bool

    /// Connects to `host`:`port`, from `localAddress` when given (`--bind`), else from the system's choice.
    init(host: String, port: Int, transport: SendTransport, localAddress: String?) throws {
        var hints = addrinfo()
        hints.ai_socktype = Int32(transport == .udp ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &results)
        guard status == 0, let first = results else {
            throw SocketError(what: "cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(results) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        var lastError: Int32 = 0
        while let address = candidate {
            let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            if descriptor >= 0 {
                if Self.bind(descriptor, to: localAddress, family: address.pointee.ai_family),
                    connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0
                {
                    self.descriptor = descriptor
                    self.isDatagram = transport == .udp
                    if !self.isDatagram {
                        var size: Int32 = 4 << 20
                        setsockopt(descriptor, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
                    }
                    return
                }
                lastError = errno
                Glibc.close(descriptor)
            } else {
                lastError = errno
            }
            candidate = address.pointee.ai_next
        }
        throw SocketError(what: "cannot connect to \(host):\(port): \(String(cString: strerror(lastError)))")
    }

    /// Binds `descriptor` to `localAddress` (any port) when one is given; `false` (with `errno`) when that fails,
    /// as it does for an address of another family than the server's.
    private static func bind(_ descriptor: Int32, to localAddress: String?, family: Int32) -> Bool {
        guard let localAddress else { return true }
        guard let address = try? SocketAddress(ipAddress: localAddress, port: 0),
            Int32(address.protocol.rawValue) == family
        else {
            errno = EAFNOSUPPORT
            return false
        }
        return address.withSockAddr { Glibc.bind(descriptor, $0, socklen_t($1)) } == 0
    }

    /// Writes all of `bytes` (TCP), or sends them as one datagram (UDP).
    func send(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        repeat {
            let result = Glibc.send(
                self.descriptor,
                bytes.baseAddress! + offset,
                bytes.count - offset,
                Int32(MSG_NOSIGNAL)
            )
            if result < 0 {
                if errno == EINTR { continue }
                if self.isDatagram, errno == ECONNREFUSED { return }  // nobody listening yet: UDP has no delivery
                throw SocketError(what: "cannot send: \(String(cString: strerror(errno)))")
            }
            offset += result
        } while offset < bytes.count && !self.isDatagram
    }

    func finish() {
        Glibc.close(self.descriptor)
    }
}

/// A socket failure, in words.
struct SocketError: Error, CustomStringConvertible {
    var what: String
    var description: String { self.what }
}
