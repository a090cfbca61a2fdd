import NIOCore

#if canImport(Glibc)
import Glibc
#endif

extension NIOBSDSocket.Option {
    /// `SO_REUSEPORT` (NIO names `SO_REUSEADDR` but not this one), for `listen … reuse-port`.
    static let reusePort = NIOBSDSocket.Option(rawValue: SO_REUSEPORT)
}
