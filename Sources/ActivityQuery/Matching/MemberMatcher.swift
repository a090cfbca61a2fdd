import CLinuxShims

#if canImport(Glibc)
import Glibc
#endif

/// Runs a ``RecordFilter`` over the JSON lines of one inflated member.
///
/// When every selected line must contain certain bytes (the filter's anchor: a `--grep` string, or a field's exact
/// `"key":"value"`), the whole member is searched for them first (`memmem` over the buffer), and only the lines they
/// occur in are tested further; otherwise every line is tested in turn.
struct MemberMatcher {
    let filter: RecordFilter
    private let anchor: (bytes: [UInt8], isFixedString: Bool)?

    init(filter: RecordFilter) {
        self.filter = filter
        self.anchor = filter.anchor
    }

    /// The byte ranges (without LF) of the selected lines of `lines`, and how many lines there were (`recordCount`
    /// when the member's header states it; counted otherwise).
    func matches(
        in lines: UnsafeRawBufferPointer,
        recordCount: Int?,
        checkTime: Bool
    ) -> (ranges: [Range<Int>], tested: Int) {
        guard lines.count > 0 else { return ([], 0) }
        if let anchor = self.anchor {
            return (self.search(anchor, in: lines, checkTime: checkTime), recordCount ?? Self.count(lines))
        }
        var ranges: [Range<Int>] = []
        var tested = 0
        var start = 0
        while start < lines.count {
            let end = Self.lineEnd(in: lines, from: start)
            tested += 1
            if self.filter.matches(UnsafeRawBufferPointer(rebasing: lines[start..<end]), checkTime: checkTime) {
                ranges.append(start..<end)
            }
            start = end + 1
        }
        return (ranges, tested)
    }

    private func search(
        _ anchor: (bytes: [UInt8], isFixedString: Bool),
        in lines: UnsafeRawBufferPointer,
        checkTime: Bool
    ) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var from = 0
        while let hit = RecordLine.find(anchor.bytes, in: lines, from: from) {
            let start = Self.lineStart(in: lines, before: hit)
            let end = Self.lineEnd(in: lines, from: hit)
            let line = UnsafeRawBufferPointer(rebasing: lines[start..<end])
            if self.filter.matches(line, checkTime: checkTime, skipFixedStrings: anchor.isFixedString) {
                ranges.append(start..<end)
            }
            from = end + 1
        }
        return ranges
    }

    /// The index of the LF that ends the line at `start`, or the end of the buffer.
    private static func lineEnd(in lines: UnsafeRawBufferPointer, from start: Int) -> Int {
        guard let found = memchr(lines.baseAddress! + start, 0x0A, lines.count - start) else { return lines.count }
        return UnsafeRawPointer(found) - lines.baseAddress!
    }

    /// The index where the line holding `index` starts.
    private static func lineStart(in lines: UnsafeRawBufferPointer, before index: Int) -> Int {
        guard index > 0, let found = clinux_memrchr(lines.baseAddress!, 0x0A, UInt(index)) else { return 0 }
        return UnsafeRawPointer(found) - lines.baseAddress! + 1
    }

    /// How many lines `lines` holds.
    private static func count(_ lines: UnsafeRawBufferPointer) -> Int {
        var count = 0
        var start = 0
        while start < lines.count {
            start = Self.lineEnd(in: lines, from: start) + 1
            count += 1
        }
        return count
    }
}
