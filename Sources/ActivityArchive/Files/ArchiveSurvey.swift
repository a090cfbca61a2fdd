#if canImport(Glibc)
import Glibc
#endif

/// What an archive file holds, member by member, as recovery needs to know it: where the last whole member ends,
/// which stretches in the middle are damaged, and what follows the last whole member.
///
/// The walk hops from one of our members to the next by the `AL` field of its header, without inflating, as long as
/// the field agrees with the bytes (the member ends inside the file, its ISIZE is the length the field states, and
/// the next bytes are the end of the file or another gzip header). Anywhere else — a member of another writer, a
/// field that disagrees — the member is inflated to find its end (``GzipMemberChecker``). Since a crash can leave a
/// member of the right length whose blocks never reached the disk, the last members found by their headers are
/// inflated too, from the end backwards, until one checks out.
///
/// When the walk stops before the end of the file, the rest is searched for a later whole member: if there is one,
/// the stretch before it is damage in the middle (reported, never cut) and the walk goes on from there; if there is
/// none, the rest is the tail, which a crash or a torn copy left.
public struct ArchiveSurvey: Equatable, Sendable {
    /// A stretch of bytes in a file.
    public struct Region: Equatable, Sendable {
        /// Where it starts.
        public var offset: Int
        /// How many bytes.
        public var length: Int
        /// `true` when every byte is zero (what a crash on some filesystems leaves).
        public var isAllZero: Bool

        /// Creates a region.
        public init(offset: Int, length: Int, isAllZero: Bool) {
            self.offset = offset
            self.length = length
            self.isAllZero = isAllZero
        }
    }

    /// The file's size.
    public var fileSize: Int
    /// Whole members found (ours and others').
    public var wholeMembers: Int
    /// Where the last whole member ends (0 when there is none).
    public var validLength: Int
    /// Stretches that are not whole members but have whole members after them: left as they are.
    public var damaged: [Region]
    /// What follows the last whole member, or `nil` when the file ends with one.
    public var tail: Region? {
        self.validLength < self.fileSize
            ? Region(offset: self.validLength, length: self.fileSize - self.validLength, isAllZero: self.tailIsAllZero)
            : nil
    }
    /// Whether the tail is all zero bytes.
    var tailIsAllZero: Bool

    /// Surveys the open file `descriptor` of `fileSize` bytes.
    public static func survey(
        _ descriptor: Int32,
        fileSize: Int,
        path: String,
        checker: GzipMemberChecker
    ) throws -> ArchiveSurvey {
        var reader = Reader(descriptor: descriptor, fileSize: fileSize, path: path, checker: checker)
        var survey = ArchiveSurvey(
            fileSize: fileSize,
            wholeMembers: 0,
            validLength: 0,
            damaged: [],
            tailIsAllZero: false
        )
        var position = 0
        while true {
            let (count, end, resumeAt) = try reader.wholeMembers(from: position)
            survey.wholeMembers += count
            survey.validLength = end
            if let resumeAt {
                position = resumeAt
                continue
            }
            guard end < fileSize else { return survey }
            guard let next = try reader.nextWholeMember(after: end) else {
                survey.tailIsAllZero = try reader.isAllZero(from: end, to: fileSize)
                return survey
            }
            survey.damaged.append(
                Region(offset: end, length: next - end, isAllZero: try reader.isAllZero(from: end, to: next))
            )
            position = next
        }
    }

    /// Reads the file for ``survey(_:fileSize:path:checker:)``.
    private struct Reader {
        let descriptor: Int32
        let fileSize: Int
        let path: String
        let checker: GzipMemberChecker

        /// One member found by the walk.
        private struct Found {
            var offset: Int
            var length: Int
            /// Inflated and checked (a member of another writer), rather than trusted by its header.
            var isChecked: Bool
        }

        /// Walks whole members from `position`.
        ///
        /// - Returns: How many, where the last ends, and — when a member's header turned out to state a wrong length
        ///   while its bytes are a whole member — the true end, from which the walk must go on.
        mutating func wholeMembers(from position: Int) throws -> (count: Int, end: Int, resumeAt: Int?) {
            var found: [Found] = []
            var offset = position
            while offset < self.fileSize {
                if let length = try self.trustedLength(at: offset) {
                    found.append(Found(offset: offset, length: length, isChecked: false))
                } else if case .whole(let length) = try self.check(at: offset) {
                    found.append(Found(offset: offset, length: length, isChecked: true))
                } else {
                    break
                }
                offset += found.last!.length
            }
            // A crash can leave members of the right length whose blocks never reached the disk: inflate the last
            // ones found by their headers until one checks out.
            while let last = found.last, !last.isChecked {
                if case .whole(let length) = try self.check(at: last.offset) {
                    let end = last.offset + length
                    return (found.count, end, length == last.length ? nil : end)
                }
                found.removeLast()
            }
            return (found.count, found.last.map { $0.offset + $0.length } ?? position, nil)
        }

        /// The first offset after `start` where a whole member begins, or `nil`.
        func nextWholeMember(after start: Int) throws -> Int? {
            try self.checker.nextWholeMember(self.descriptor, after: start, fileSize: self.fileSize, path: self.path)
        }

        /// Whether the bytes from `start` to `end` are all zero.
        func isAllZero(from start: Int, to end: Int) throws -> Bool {
            var window = [UInt8](repeating: 0, count: 64 << 10)
            var offset = start
            while offset < end {
                let wanted = min(window.count, end - offset)
                let count = try window.withUnsafeMutableBytes {
                    try FileReading.read(
                        self.descriptor,
                        into: UnsafeMutableRawBufferPointer(rebasing: $0[..<wanted]),
                        at: offset,
                        path: self.path
                    )
                }
                guard count > 0 else { return true }
                guard window[..<count].allSatisfy({ $0 == 0 }) else { return false }
                offset += count
            }
            return true
        }

        private func check(at offset: Int) throws -> GzipMemberChecker.Outcome {
            try self.checker.check(self.descriptor, at: offset, fileSize: self.fileSize, path: self.path)
        }

        /// The length our `AL` field states for the member at `offset`, if the field agrees with the bytes around it.
        private func trustedLength(at offset: Int) throws -> Int? {
            var header = [UInt8](repeating: 0, count: GzipMember.headerLength)
            let count = try header.withUnsafeMutableBytes {
                try FileReading.read(self.descriptor, into: $0, at: offset, path: self.path)
            }
            guard count == header.count, let extra = header.withUnsafeBytes({ GzipMember.readHeader($0) }),
                offset + extra.memberLength <= self.fileSize
            else { return nil }
            let end = offset + extra.memberLength
            var around = [UInt8](repeating: 0, count: 6)
            let aroundCount = try around.withUnsafeMutableBytes {
                try FileReading.read(self.descriptor, into: $0, at: end - 4, path: self.path)
            }
            let size = UInt32(around[0]) | UInt32(around[1]) << 8 | UInt32(around[2]) << 16 | UInt32(around[3]) << 24
            guard size == UInt32(truncatingIfNeeded: extra.uncompressedLength) else { return nil }
            let endsFile = end == self.fileSize
            let nextIsGzip = aroundCount == 6 && around[4] == 0x1F && around[5] == 0x8B
            return endsFile || nextIsGzip ? extra.memberLength : nil
        }
    }
}
