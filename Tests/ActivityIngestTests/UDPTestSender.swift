#if canImport(Glibc)
import Glibc
#endif

/// Sends each of `datagrams` from a fresh IPv4 socket to 127.0.0.1:`port`, sleeping `pause` microseconds after
/// each (0: none).
func sendDatagrams(_ datagrams: [[UInt8]], toPort port: Int, pause: UInt32 = 0) {
    let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    for datagram in datagrams {
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(descriptor, datagram, datagram.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if pause > 0 { usleep(pause) }
    }
}
