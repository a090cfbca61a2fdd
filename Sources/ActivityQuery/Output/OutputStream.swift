#if canImport(Glibc)
import Glibc
#endif

/// Bytes for a file descriptor (standard output), gathered into large writes.
public struct OutputStream {
    private let descriptor: Int32
    private var pending: [UInt8] = []
    private static let flushThreshold = 1 << 16

    /// Creates a stream writing to `descriptor`.
    public init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        self.pending.reserveCapacity(Self.flushThreshold * 2)
    }

    /// Whether the descriptor is a terminal.
    public var isTerminal: Bool { isatty(self.descriptor) == 1 }

    /// The terminal's width in columns, or `nil` when it is not a terminal.
    public var terminalWidth: Int? {
        var size = winsize()
        guard self.isTerminal, ioctl(self.descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return nil
        }
        return Int(size.ws_col)
    }

    /// Appends bytes.
    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.pending.append(contentsOf: bytes)
        if self.pending.count >= Self.flushThreshold { try self.flush() }
    }

    /// Appends text.
    public mutating func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try self.write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes everything gathered.
    public mutating func flush() throws {
        try self.pending.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(self.descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    guard errno == EINTR else {
                        throw QueryProblem(path: "standard output", offset: nil, String(cString: strerror(errno)))
                    }
                    continue
                }
                offset += written
            }
        }
        self.pending.removeAll(keepingCapacity: true)
    }
}
