import NIOCore

/// Cuts a syslog byte stream into messages: RFC 6587 octet-counting and non-transparent (line) framing, detected per
/// frame.
///
/// ```
///  bytes in                                         frames out
///  ───────────────────────────────────────────────  ──────────────────────────────
///  "12 <13>1 - - - "  "- - -"                        "<13>1 - - - - - -"      octet-counted, split across reads
///  "<13>hello\n<14>bye\r\n"                          "<13>hello", "<14>bye\r" line-framed (CR left for the parser)
///  "<13>a\0<13>b\0"                                  "<13>a", "<13>b"          NUL-terminated (TCP only)
///  "2026 backup done\n"                              "2026 backup done"        digits but no " <": a line
/// ```
///
/// A frame is octet-counted when it starts with 1–9 digits (the first not `0`), a space and `<`; anything else is
/// a line, so a BSD or CEF message that happens to start with a digit is not mistaken for a length.
///
/// Messages longer than ``Configuration/maxMessageSize`` are cut to it and flagged; the rest of the frame is
/// discarded as it arrives (never buffered), so the stream stays in sync and an octet count of 999999999 costs no
/// memory. Empty lines are skipped. At end of stream, a last line without terminator is still a message, and an
/// incomplete octet-counted frame yields what arrived, flagged as truncated.
public struct SyslogFrameDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = SyslogFrame

    /// Which bytes end a line-framed message.
    public enum LineTerminators: Sendable {
        /// LF only (`activitylog parse`: a NUL inside a line is data).
        case lineFeed
        /// LF or NUL (TCP and TLS listeners, RFC 6587 §3.4.2 senders that use NUL).
        case lineFeedOrNUL
    }

    /// How the decoder frames.
    public struct Configuration: Sendable {
        /// Longest message kept; longer ones are truncated to this many bytes.
        public var maxMessageSize: Int
        /// Whether frames that start like `LEN SP <` are read as octet-counted.
        public var detectsOctetCounting: Bool
        /// Which bytes end a line-framed message.
        public var lineTerminators: LineTerminators

        /// `max-message-size` when none is configured: 64 KiB. The one place this default is written.
        public static let defaultMaxMessageSize = 65_536

        /// Creates a configuration.
        public init(
            maxMessageSize: Int = Self.defaultMaxMessageSize,
            detectsOctetCounting: Bool = true,
            lineTerminators: LineTerminators = .lineFeedOrNUL
        ) {
            precondition(maxMessageSize > 0, "maxMessageSize must be positive, got \(maxMessageSize)")
            self.maxMessageSize = maxMessageSize
            self.detectsOctetCounting = detectsOctetCounting
            self.lineTerminators = lineTerminators
        }
    }

    private enum State {
        /// At a frame boundary, or inside a line whose first `scanned` bytes hold no terminator.
        case framing(scanned: Int)
        /// Skipping the rest of an over-long octet-counted frame.
        case discardingOctets(remaining: Int)
        /// Skipping the rest of an over-long line up to its terminator.
        case discardingLine
    }

    private enum OctetCountHeader {
        case frame(length: Int, headerLength: Int)
        case notOctetCounted
        case needMoreBytes
    }

    private let configuration: Configuration
    private var state = State.framing(scanned: 0)

    /// Creates a decoder.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> SyslogFrame? {
        while true {
            switch self.state {
            case .discardingOctets(let remaining):
                let skipped = min(remaining, buffer.readableBytes)
                buffer.moveReaderIndex(forwardBy: skipped)
                guard skipped == remaining else {
                    self.state = .discardingOctets(remaining: remaining - skipped)
                    return nil
                }
                self.state = .framing(scanned: 0)
            case .discardingLine:
                guard let terminator = self.firstTerminator(in: buffer, from: 0) else {
                    buffer.moveReaderIndex(to: buffer.writerIndex)
                    return nil
                }
                buffer.moveReaderIndex(forwardBy: terminator + 1)
                self.state = .framing(scanned: 0)
            case .framing(let scanned):
                guard buffer.readableBytes > 0 else { return nil }
                if scanned == 0, self.configuration.detectsOctetCounting {
                    switch Self.octetCountHeader(buffer) {
                    case .frame(let length, let headerLength):
                        return self.decodeOctetCounted(&buffer, length: length, headerLength: headerLength)
                    case .needMoreBytes:
                        return nil
                    case .notOctetCounted:
                        break
                    }
                }
                guard let frame = self.decodeLine(&buffer, scanned: scanned) else { return nil }
                if !Self.isBlank(frame.message) { return frame }
            }
        }
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> SyslogFrame? {
        if let frame = try self.decode(buffer: &buffer) { return frame }
        guard case .framing = self.state, buffer.readableBytes > 0 else {
            buffer.moveReaderIndex(to: buffer.writerIndex)
            return nil
        }
        self.state = .framing(scanned: 0)
        let limit = self.configuration.maxMessageSize
        if case .frame(_, let headerLength) = Self.octetCountHeader(buffer) {
            buffer.moveReaderIndex(forwardBy: headerLength)
            return SyslogFrame.limited(buffer.readSlice(length: buffer.readableBytes)!, to: limit, isTruncated: true)
        }
        let message = buffer.readSlice(length: buffer.readableBytes)!
        return Self.isBlank(message) ? nil : SyslogFrame.limited(message, to: limit)
    }

    /// Reads `LEN SP` if the buffer starts with 1–9 digits (the first not `0`), a space and `<`.
    ///
    /// One pass over a raw pointer: reading a `ByteBuffer` byte by byte costs a dynamic exclusivity check per byte.
    private static func octetCountHeader(_ buffer: ByteBuffer) -> OctetCountHeader {
        buffer.withUnsafeReadableBytes { bytes in
            guard let first = bytes.first, first &- UInt8(ascii: "1") < 9 else { return .notOctetCounted }
            var length = 0
            var digits = 0
            for byte in bytes.prefix(11) {
                if byte &- UInt8(ascii: "0") < 10, digits < 9 {
                    length = length * 10 + Int(byte &- UInt8(ascii: "0"))
                    digits += 1
                    continue
                }
                guard byte == UInt8(ascii: " ") else { return .notOctetCounted }
                guard bytes.count > digits + 1 else { return .needMoreBytes }
                return bytes[digits + 1] == UInt8(ascii: "<")
                    ? .frame(length: length, headerLength: digits + 1)
                    : .notOctetCounted
            }
            return bytes.count <= digits ? .needMoreBytes : .notOctetCounted
        }
    }

    /// An octet-counted frame; up to two bytes over the limit are read in case they are a terminator that the
    /// sender counted (rsyslog counts its LF), which does not make the message truncated.
    private mutating func decodeOctetCounted(_ buffer: inout ByteBuffer, length: Int, headerLength: Int) -> SyslogFrame?
    {
        let limit = self.configuration.maxMessageSize
        let read = min(length, limit + 2)
        guard buffer.readableBytes >= headerLength + read else { return nil }
        buffer.moveReaderIndex(forwardBy: headerLength)
        let message = buffer.readSlice(length: read)!
        guard read == length else {
            self.state = .discardingOctets(remaining: length - read)
            return SyslogFrame(message: message.getSlice(at: message.readerIndex, length: limit)!, isTruncated: true)
        }
        return SyslogFrame.limited(message, to: limit)
    }

    /// A line; the CR of a CRLF does not count against the limit, so up to one byte over it waits for the LF.
    private mutating func decodeLine(_ buffer: inout ByteBuffer, scanned: Int) -> SyslogFrame? {
        let limit = self.configuration.maxMessageSize
        if let terminator = self.firstTerminator(in: buffer, from: scanned) {
            self.state = .framing(scanned: 0)
            let message = buffer.getSlice(at: buffer.readerIndex, length: terminator + 1)!
            buffer.moveReaderIndex(forwardBy: terminator + 1)
            let frame = SyslogFrame.limited(message, to: limit)
            // The terminator itself is not part of the message (the parser would strip it; blank lines are skipped).
            return frame.isTruncated
                ? frame : SyslogFrame(message: message.getSlice(at: message.readerIndex, length: terminator)!)
        }
        guard buffer.readableBytes > limit + 1 else {
            self.state = .framing(scanned: buffer.readableBytes)
            return nil
        }
        self.state = .discardingLine
        return SyslogFrame(message: buffer.readSlice(length: limit)!, isTruncated: true)
    }

    /// Offset (from the reader index) of the first line terminator at or after `offset`.
    private func firstTerminator(in buffer: ByteBuffer, from offset: Int) -> Int? {
        buffer.withUnsafeReadableBytes { bytes in
            var index = offset
            switch self.configuration.lineTerminators {
            case .lineFeed:
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case .lineFeedOrNUL:
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != 0 { index += 1 }
            }
            return index < bytes.count ? index : nil
        }
    }

    /// `true` for a frame with nothing in it but a leftover CR or NUL: an empty line, not a message.
    private static func isBlank(_ message: ByteBuffer) -> Bool {
        switch message.readableBytes {
        case 0: true
        case 1: message.readableBytesView.first! == UInt8(ascii: "\r") || message.readableBytesView.first! == 0
        default: false
        }
    }
}
