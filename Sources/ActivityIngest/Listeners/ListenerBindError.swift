import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// A listener that could not be bound: names the listener, the system's reason and what to do about it.
///
/// ```
/// /etc/activitylogd.conf:3: cannot bind listen tcp 127.0.0.1:514: Address already in use; another listener or
/// program holds the port …
/// ```
public struct ListenerBindError: Error, CustomStringConvertible {
    /// The listener.
    public var listener: ListenerConfiguration
    /// `errno` of the failed call, when there was one.
    public var errno: Int32?
    /// The system's words for the failure.
    public var reason: String
    /// `FILE:LINE` of the `listen` line, filled in by whoever read the configuration.
    public var location: String?

    /// Wraps `error`, thrown while binding `listener`.
    public init(_ listener: ListenerConfiguration, error: any Error) {
        self.listener = listener
        if let error = error as? IOError {
            self.errno = error.errnoCode
            self.reason = String(cString: strerror(error.errnoCode))
        } else {
            self.errno = nil
            self.reason = "\(error)"
        }
    }

    /// Creates an error from an `errno`.
    public init(_ listener: ListenerConfiguration, errno: Int32) {
        self.listener = listener
        self.errno = errno
        self.reason = String(cString: strerror(errno))
    }

    public var description: String {
        let prefix = self.location.map { "\($0): " } ?? ""
        return "\(prefix)cannot bind listen \(self.listener): \(self.reason)\(self.advice)"
    }

    private var advice: String {
        switch self.errno {
        case EACCES where self.listener.port < 1024:
            "; ports below 1024 need root or CAP_NET_BIND_SERVICE (the shipped systemd unit grants it)"
        case EADDRINUSE:
            "; another listener or program holds the port (0.0.0.0 covers every IPv4 address, and [::] every IPv6"
                + " and IPv4 address, so they overlap any other address on the same port; to check a file while"
                + " activitylogd itself holds its ports, use -t --no-bind)"
        case EADDRNOTAVAIL:
            "; the address is not one of this machine's"
        default:
            ""
        }
    }
}
