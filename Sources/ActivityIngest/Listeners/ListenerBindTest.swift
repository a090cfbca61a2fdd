import ActivityModel
import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// Binds every listener the way ``IngestServer`` does, holding all at once so that overlaps among them show, then
/// releases them: what `activitylogd -t` runs so that the check refuses what start would refuse.
public enum ListenerBindTest {
    /// Binds and releases `listeners`.
    ///
    /// - Throws: ``ListenerBindError`` for the first listener that cannot be bound.
    public static func run(_ listeners: [ListenerConfiguration]) throws {
        var descriptors: [Int32] = []
        defer { for descriptor in descriptors { close(descriptor) } }
        for listener in listeners {
            do {
                switch listener.transport {
                case .udp:
                    descriptors.append(try UDPSocket.bind(listener, receiveBuffer: 1 << 16).descriptor)
                case .tcp, .tls:
                    descriptors.append(try Self.bindStream(listener))
                }
            } catch let error as ListenerBindError {
                throw error
            } catch {
                throw ListenerBindError(listener, error: error)
            }
        }
    }

    /// A TCP socket bound as NIO's `ServerBootstrap` binds them (SO_REUSEADDR, SO_REUSEPORT for `reuse-port`;
    /// `[::]` dual stack), and listening unless it has `reuse-port`.
    private static func bindStream(_ listener: ListenerConfiguration) throws -> Int32 {
        let address = try SocketAddress(ipAddress: listener.host, port: listener.port)
        let descriptor = socket(
            Int32(address.protocol.rawValue),
            Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue),
            0
        )
        guard descriptor >= 0 else { throw ListenerBindError(listener, errno: errno) }
        var one: Int32 = 1
        var zero: Int32 = 0
        let size = socklen_t(MemoryLayout<Int32>.size)
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, size)
        if listener.reusesPort { setsockopt(descriptor, SOL_SOCKET, SO_REUSEPORT, &one, size) }
        if address.protocol == .inet6 { setsockopt(descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &zero, size) }
        // A listening socket in a reuse-port group would take a share of the running collectors' connections and
        // reset them at close; bound but not listening it takes none, and bind() alone meets every conflict.
        let bound =
            address.withSockAddr { Glibc.bind(descriptor, $0, socklen_t($1)) } == 0
            && (listener.reusesPort || listen(descriptor, 1) == 0)
        guard bound else {
            let error = ListenerBindError(listener, errno: errno)
            close(descriptor)
            throw error
        }
        return descriptor
    }
}
