/// `compression-engine`: the deflate implementation that writes members. Both write standard deflate; archives
/// read the same whichever wrote them.
public enum CompressionEngine: String, Sendable, Equatable, CaseIterable {
    /// libdeflate: whole-buffer compression, the faster engine and the default.
    case libdeflate
    /// The system zlib.
    case zlib

    /// The levels `compression-level` accepts for every engine.
    public static let levels = 1...9

    /// A new compressor of this engine.
    ///
    /// - Parameter level: One of ``levels``.
    public func makeCompressor(level: Int) throws -> any MemberCompressor {
        switch self {
        case .libdeflate: try LibdeflateCompressor(level: level)
        case .zlib: try ZlibCompressor(level: level)
        }
    }
}

/// A compression engine that failed outside zlib's own error reporting.
public enum CompressionEngineError: Error, Equatable, CustomStringConvertible {
    /// The engine could not allocate its state (out of memory).
    case cannotAllocate(engine: CompressionEngine, level: Int)
    /// The compressed data did not fit the output buffer.
    case outputTooSmall(engine: CompressionEngine)
    /// The engine could not allocate an inflater.
    case cannotAllocateInflater(engine: CompressionEngine)
    /// The engine's library cannot be loaded.
    case unavailable(engine: CompressionEngine, reason: String)

    public var description: String {
        switch self {
        case .cannotAllocate(let engine, let level): "\(engine.rawValue) could not allocate a level \(level) compressor"
        case .outputTooSmall(let engine): "\(engine.rawValue) output did not fit its bound"
        case .cannotAllocateInflater(let engine): "\(engine.rawValue) could not allocate an inflater"
        case .unavailable(let engine, let reason): "\(engine.rawValue) cannot be used: \(reason)"
        }
    }
}
