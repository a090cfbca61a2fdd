import CZlib

/// A zlib call that failed, with zlib's return code and message.
public struct ZlibError: Error, CustomStringConvertible, Equatable {
    /// The zlib function that failed.
    public var operation: String
    /// zlib's return code (`Z_STREAM_ERROR`, `Z_DATA_ERROR`, `Z_MEM_ERROR`, `Z_BUF_ERROR`, …).
    public var code: Int32
    /// zlib's message, if it gave one.
    public var message: String

    init(_ operation: String, code: Int32, stream: UnsafeMutablePointer<z_stream>) {
        self.operation = operation
        self.code = code
        self.message = stream.pointee.msg.map { String(cString: $0) } ?? Self.name(of: code)
    }

    public var description: String { "\(self.operation) failed: \(self.message) (zlib code \(self.code))" }

    private static func name(of code: Int32) -> String {
        switch code {
        case Z_STREAM_ERROR: "stream error"
        case Z_DATA_ERROR: "invalid or corrupt deflate data"
        case Z_MEM_ERROR: "out of memory"
        case Z_BUF_ERROR: "no progress possible (input truncated or output full)"
        case Z_VERSION_ERROR: "incompatible zlib version"
        default: "unexpected return code"
        }
    }
}
