import NIOCore

/// One syslog message cut out of a byte stream, without its framing.
public struct SyslogFrame: Sendable, Equatable {
    /// The message bytes (a slice of the received buffer, not a copy).
    public var message: ByteBuffer
    /// `true` when the message was longer than the maximum message size and was cut to it; the rest of the frame
    /// was discarded.
    public var isTruncated: Bool

    /// Creates a frame.
    public init(message: ByteBuffer, isTruncated: Bool = false) {
        self.message = message
        self.isTruncated = isTruncated
    }
}
