import ActivityIngest

/// The file and lines a ``DaemonConfiguration`` was read from, so that a problem found after parsing — a listener
/// that cannot be bound, a `user` that does not exist, an unsafe `archive-dir` — names its file and line too.
public struct ConfigurationOrigin: Sendable, Equatable {
    /// The file, or `embedded default`.
    public var file: String
    /// The line of each keyword (the first, for a repeatable one).
    public var keywordLines: [String: Int]
    /// The line of each `listen`.
    public var listenerLines: [ListenerConfiguration: Int]

    /// Creates an origin.
    public init(
        file: String,
        keywordLines: [String: Int] = [:],
        listenerLines: [ListenerConfiguration: Int] = [:]
    ) {
        self.file = file
        self.keywordLines = keywordLines
        self.listenerLines = listenerLines
    }

    /// `FILE:LINE` of `listener`, or just the file.
    public func location(of listener: ListenerConfiguration) -> String {
        self.listenerLines[listener].map { "\(self.file):\($0)" } ?? self.file
    }

    /// A ``ConfigError`` at the line of `keyword`.
    public func error(_ keyword: String, value: String, expected: String) -> ConfigError {
        ConfigError(
            file: self.file,
            line: self.keywordLines[keyword] ?? 0,
            keyword: keyword,
            value: value,
            expected: expected
        )
    }

    /// `error` with the location of its listener filled in, when it is a ``ListenerBindError``.
    public func locate(_ error: any Error) -> any Error {
        guard var bindError = error as? ListenerBindError else { return error }
        bindError.location = self.location(of: bindError.listener)
        return bindError
    }
}
