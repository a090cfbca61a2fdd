import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// Sends each of `datagrams` from a fresh IPv4 socket to 127.0.0.1:`port`, sleeping `pause` microseconds after
/// each (0: none).
func sendDatagrams(_ datagrams: [[UInt8]], toPort port: Int, pause: UInt32 = 0) {
    let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
    defer { close(descriptor) }
    let address = try! SocketAddress(ipAddress: "127.0.0.1", port: port)
    for datagram in datagrams {
        _ = address.withSockAddr { pointer, length in
            sendto(descriptor, datagram, datagram.count, 0, pointer, socklen_t(length))
        }
        if pause > 0 { usleep(pause) }
    }
}
