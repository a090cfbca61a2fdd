/// `--sd ID.PARAM=VALUE`: a record whose `sd` element `ID` has a parameter `PARAM` of value `VALUE` (a glob, as
/// for fields); a repeated parameter (an array) matches when any of its values does.
public struct StructuredDataPattern: Equatable, Sendable {
    let identifier: [UInt8]
    let parameter: [UInt8]
    let value: FieldPattern

    /// Reads `ID.PARAM=VALUE`; the ID is everything before the last `.` ahead of the `=` (SD-IDs such as
    /// `origin@32473.x` hold dots, parameter names do not).
    public init?(_ text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let name = text[..<equals]
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex
        else { return nil }
        self.identifier = Array(name[..<dot].utf8)
        self.parameter = Array(name[name.index(after: dot)...].utf8)
        self.value = FieldPattern(String(text[text.index(after: equals)...]))
    }

    /// Whether the `sd` object at `span` of `line` holds a matching parameter.
    func matches(_ line: UnsafeRawBufferPointer, structuredData span: Range<Int>) -> Bool {
        let scanner = JSONScanner(bytes: line)
        var found = false
        scanner.forEachMember(ofObjectAt: span.lowerBound) { key, elementStart, _ in
            guard scanner.key(key, is: self.identifier) else { return true }
            scanner.forEachMember(ofObjectAt: elementStart) { key, valueStart, valueEnd in
                guard scanner.key(key, is: self.parameter) else { return true }
                if line[valueStart] == UInt8(ascii: "[") {
                    _ = scanner.arrayEnd(from: valueStart) { start, end in
                        found = found || self.matches(line, string: start..<end, scanner: scanner)
                    }
                } else {
                    found = self.matches(line, string: valueStart..<valueEnd, scanner: scanner)
                }
                return !found
            }
            return !found
        }
        return found
    }

    private func matches(_ line: UnsafeRawBufferPointer, string: Range<Int>, scanner: JSONScanner) -> Bool {
        guard let (_, hasEscape) = scanner.stringEnd(from: string.lowerBound) else { return false }
        let value = JSONStringValue(range: (string.lowerBound + 1)..<(string.upperBound - 1), hasEscape: hasEscape)
        return value.withText(in: line) { self.value.matches($0) }
    }
}
