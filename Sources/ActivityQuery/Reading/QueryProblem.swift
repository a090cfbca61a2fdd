/// Something wrong with an archive that a reader found and went past: a directory that cannot be listed, a file that
/// cannot be read, a corrupt or torn member. Named by file and byte offset, as the operator needs to find it.
public struct QueryProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file or directory.
    public var path: String
    /// Where in the file, when the problem is at a place.
    public var offset: Int?
    /// What is wrong.
    public var reason: String

    /// Creates a problem report.
    public init(path: String, offset: Int?, _ reason: String) {
        self.path = path
        self.offset = offset
        self.reason = reason
    }

    /// `PATH: offset N: REASON`.
    public var description: String {
        self.offset.map { "\(self.path): offset \($0): \(self.reason)" } ?? "\(self.path): \(self.reason)"
    }
}
