/// A configuration file problem, naming the file, the line, the keyword, the value and what would be accepted.
///
/// ```
/// /etc/activitylogd.conf:12: compression-level '11': expected an integer from 1 to 9
/// ```
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    /// The file.
    public var file: String
    /// The 1-based line number (0 when the problem is not on one line, such as an unreadable file).
    public var line: Int
    /// The keyword of that line.
    public var keyword: String
    /// The offending value.
    public var value: String
    /// What would be accepted.
    public var expected: String

    /// Creates an error.
    public init(file: String, line: Int, keyword: String, value: String, expected: String) {
        self.file = file
        self.line = line
        self.keyword = keyword
        self.value = value
        self.expected = expected
    }

    public var description: String {
        let location = self.line > 0 ? "\(self.file):\(self.line)" : self.file
        let subject = self.keyword.isEmpty ? "'\(self.value)'" : "\(self.keyword) '\(self.value)'"
        return "\(location): \(subject): expected \(self.expected)"
    }
}
