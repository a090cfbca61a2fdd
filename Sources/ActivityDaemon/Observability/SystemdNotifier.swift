import ActivityRuntime

#if canImport(Glibc)
import Glibc
#endif

/// Tells systemd how the daemon is doing (`Type=notify`, sd_notify(3)): one datagram per state to the socket named
/// by `$NOTIFY_SOCKET` (a path, or `@name` in the abstract namespace). Without the variable it does nothing.
///
/// The protocol is a datagram of `KEY=VALUE` lines, so this is a few lines of our own rather than a libsystemd
/// dependency.
public struct SystemdNotifier: Sendable {
    private let socketPath: String?

    /// A notifier for `$NOTIFY_SOCKET` (or `path`, for tests).
    public init(path: String? = getenv("NOTIFY_SOCKET").map { String(cString: $0) }) {
        self.socketPath = path.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether a socket is configured.
    public var isActive: Bool { self.socketPath != nil }

    /// Ready: listeners bound and archives recovered.
    public func ready(status: String) { self.send("READY=1\nSTATUS=\(status)") }

    /// A reload starts (`RELOADING=1`, with the monotonic time systemd asks for since v253).
    public func reloading() {
        let microseconds = monotonicNanoseconds() / 1000
        self.send("RELOADING=1\nMONOTONIC_USEC=\(microseconds)\nSTATUS=reloading the configuration")
    }

    /// The daemon is stopping.
    public func stopping() { self.send("STOPPING=1\nSTATUS=stopping: writing what was received") }

    /// Sends `message` as one datagram; failures are ignored (systemd may be gone, the daemon goes on).
    public func send(_ message: String) {
        guard let path = self.socketPath else { return }
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }  // abstract namespace
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (bytes.first == 0 ? 0 : 1))
        var payload = Array(message.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                payload.withUnsafeMutableBytes {
                    sendto(descriptor, $0.baseAddress, $0.count, 0, socketAddress, length)
                }
            }
        }
    }
}
