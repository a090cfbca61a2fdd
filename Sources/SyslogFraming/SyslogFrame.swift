import ActivityModel
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

    /// The length of `bytes` without one trailing terminator: a LF or NUL, then a CR (as the parser strips them).
    ///
    /// What counts against the maximum message size: a message of exactly the maximum followed by `\r\n` (or a LF
    /// that a sender counts into its octet count or puts in its datagram) is whole, not truncated.
    public static func lengthWithoutTerminator(_ bytes: UnsafeRawBufferPointer) -> Int {
        MessageTerminator.length(of: bytes)
    }

    /// `message` as a frame kept whole, or cut to `limit` bytes and flagged when it holds more than that without
    /// its terminator.
    static func limited(_ message: ByteBuffer, to limit: Int, isTruncated: Bool = false) -> SyslogFrame {
        let length = message.withUnsafeReadableBytes { Self.lengthWithoutTerminator($0) }
        guard length > limit else { return SyslogFrame(message: message, isTruncated: isTruncated) }
        return SyslogFrame(message: message.getSlice(at: message.readerIndex, length: limit)!, isTruncated: true)
    }
}
