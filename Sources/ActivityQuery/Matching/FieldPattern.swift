/// A value a field must have: exact bytes, or a glob in which `*` stands for any run of bytes (`sshd*`, `*.example`).
public struct FieldPattern: Equatable, Sendable {
    /// The pieces between the stars.
    private let pieces: [[UInt8]]
    /// Whether the pattern has a star at all.
    private let isGlob: Bool

    /// Creates a pattern from its command-line text.
    public init(_ text: String) {
        let bytes = Array(text.utf8)
        self.isGlob = bytes.contains(UInt8(ascii: "*"))
        self.pieces = bytes.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
    }

    /// The one value the pattern matches, when it has no star.
    var exactValue: [UInt8]? { self.isGlob ? nil : self.pieces[0] }

    /// Whether `value` matches.
    public func matches(_ value: UnsafeRawBufferPointer) -> Bool {
        guard self.isGlob else {
            return self.pieces[0].withUnsafeBytes { $0.count == value.count && memcmpEqual(value, 0, $0) }
        }
        // The first piece anchors the start, the last the end; the middle ones are found left to right.
        let first = self.pieces[0]
        let last = self.pieces[self.pieces.count - 1]
        guard first.count + last.count <= value.count,
            first.withUnsafeBytes({ memcmpEqual(value, 0, $0) }),
            last.withUnsafeBytes({ memcmpEqual(value, value.count - $0.count, $0) })
        else { return false }
        var position = first.count
        let end = value.count - last.count
        for piece in self.pieces.dropFirst().dropLast() where !piece.isEmpty {
            let window = UnsafeRawBufferPointer(rebasing: value[position..<end])
            guard let hit = RecordLine.find(piece, in: window, from: 0) else { return false }
            position += hit + piece.count
        }
        return true
    }
}
