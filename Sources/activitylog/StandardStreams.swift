import ActivityModel
import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// Reads standard input in large chunks into a reused `ByteBuffer`.
struct StandardInput {
    private var buffer = ByteBufferAllocator().buffer(capacity: 1 << 16)

    /// The next chunk, or `nil` at end of input.
    mutating func read() throws -> ByteBuffer? {
        self.buffer.clear()
        let count = try self.buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 1 << 16) { space in
            while true {
                let result = Glibc.read(STDIN_FILENO, space.baseAddress, space.count)
                if result >= 0 { return result }
                guard errno == EINTR else { throw StreamError(operation: "read standard input", errno: errno) }
            }
        }
        return count == 0 ? nil : self.buffer
    }
}

/// Collects JSON lines and writes them to standard output in large writes.
struct StandardOutput {
    private static let flushThreshold = 1 << 16
    private var pending = LineBuffer(capacity: Self.flushThreshold * 2)

    mutating func append(_ record: ActivityRecord) {
        JSONLineEncoder.append(record, to: &self.pending)
    }

    mutating func flushIfFull() throws {
        if self.pending.count >= Self.flushThreshold { try self.flush() }
    }

    mutating func flush() throws {
        try self.pending.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    guard errno == EINTR else { throw StreamError(operation: "write standard output", errno: errno) }
                    continue
                }
                offset += written
            }
        }
        self.pending.removeAll()
    }
}

/// A failed read or write on a standard stream, with the system's reason.
struct StreamError: Error, CustomStringConvertible {
    var operation: String
    var errno: Int32

    var description: String { "cannot \(self.operation): \(String(cString: strerror(self.errno)))" }
}

/// Unbuffered writes to standard error, for the few lines printed before exiting with a status of our own.
enum StandardError {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
