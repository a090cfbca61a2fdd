#if canImport(Glibc)
import Glibc
#endif

/// Whole small files (zone files, configuration files) read with plain system calls.
public enum FileContents {
    /// Why a file could not be read, in the system's words (`strerror`) or ours.
    public struct ReadError: Error, CustomStringConvertible {
        public let description: String

        /// A reason in our own words.
        public init(description: String) {
            self.description = description
        }
    }

    /// The bytes of the file at `path`.
    ///
    /// - Throws: ``ReadError``: "No such file or directory", "Permission denied", … or "larger than N bytes".
    public static func read(_ path: String, maximumBytes: Int) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(description: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = block.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw ReadError(description: String(cString: strerror(errno))) }
            if count == 0 { return bytes }
            bytes += block[0..<count]
            guard bytes.count <= maximumBytes else {
                throw ReadError(description: "larger than \(maximumBytes) bytes")
            }
        }
    }
}
