import ActivityModel

/// The shape of an activity record (docs/design.md, "The activity record"): one JSON object, keys in the stated
/// order and each at most once, `received` always there, times as RFC 3339 in UTC with six fraction digits,
/// `facility` and `severity` by name, `sd` as objects of strings or arrays of strings, `truncated` only `true`.
enum RecordSchema {
    /// The keys in their order.
    private static let keys: [[UInt8]] = [
        "time", "received", "facility", "severity", "host", "app", "procid", "msgid", "user", "event", "resource",
        "outcome", "client", "sd", "msg", "source", "transport", "format", "truncated",
    ].map { Array($0.utf8) }
    private static let facilities: Set<[UInt8]> = Set(Facility.allCases.map { Array($0.name.utf8) })
    private static let severities: Set<[UInt8]> = Set(Severity.allCases.map { Array($0.name.utf8) })
    private static let formats: Set<[UInt8]> = Set(["rfc5424", "rfc3164", "raw"].map { Array($0.utf8) })

    /// Why `line` (without its LF) is not a record of our schema, or `nil` when it is one.
    static func problem(in line: UnsafeRawBufferPointer) -> String? {
        let scanner = JSONScanner(bytes: line)
        var next = 0
        var problem: String?
        var sawReceived = false
        let end = scanner.forEachMember(ofObjectAt: 0) { key, valueStart, valueEnd in
            let name = Array(line[key])
            guard let index = Self.keys[next...].firstIndex(of: name) else {
                problem =
                    Self.keys.contains(name)
                    ? "key \"\(String(decoding: name, as: UTF8.self))\" out of order or repeated"
                    : "unknown key \"\(String(decoding: name, as: UTF8.self))\""
                return false
            }
            next = index + 1
            sawReceived = sawReceived || index == 1
            problem = Self.valueProblem(key: index, in: line, valueStart..<valueEnd, scanner: scanner)
            return problem == nil
        }
        if let problem { return problem }
        guard case .some(.some(let objectEnd)) = end, objectEnd == line.count else { return "not one JSON object" }
        return sawReceived ? nil : "no \"received\""
    }

    private static func valueProblem(
        key index: Int,
        in line: UnsafeRawBufferPointer,
        _ range: Range<Int>,
        scanner: JSONScanner
    ) -> String? {
        let name = String(decoding: Self.keys[index], as: UTF8.self)
        switch name {
        case "sd":
            return Self.isStructuredData(line, range.lowerBound, scanner: scanner)
                ? nil : "\"sd\" is not an object of parameters"
        case "truncated":
            return line[range.lowerBound] == UInt8(ascii: "t") ? nil : "\"truncated\" is not true"
        default:
            guard line[range.lowerBound] == UInt8(ascii: "\"") else { return "\"\(name)\" is not a string" }
            let text = Array(line[(range.lowerBound + 1)..<(range.upperBound - 1)])
            switch name {
            case "time", "received": return Self.isTimestamp(text) ? nil : "\"\(name)\" is not an RFC 3339 UTC time"
            case "facility": return Self.facilities.contains(text) ? nil : "unknown facility"
            case "severity": return Self.severities.contains(text) ? nil : "unknown severity"
            case "format": return Self.formats.contains(text) ? nil : "unknown format"
            default: return nil
            }
        }
    }

    /// `{"ID": {"PARAM": "value" or ["value", …]}, …}`.
    private static func isStructuredData(_ line: UnsafeRawBufferPointer, _ start: Int, scanner: JSONScanner) -> Bool {
        var valid = line[start] == UInt8(ascii: "{")
        scanner.forEachMember(ofObjectAt: start) { _, elementStart, _ in
            valid = valid && line[elementStart] == UInt8(ascii: "{")
            scanner.forEachMember(ofObjectAt: elementStart) { _, valueStart, _ in
                if line[valueStart] == UInt8(ascii: "[") {
                    _ = scanner.arrayEnd(from: valueStart) { start, _ in
                        valid = valid && line[start] == UInt8(ascii: "\"")
                    }
                } else {
                    valid = valid && line[valueStart] == UInt8(ascii: "\"")
                }
                return valid
            }
            return valid
        }
        return valid
    }

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    private static func isTimestamp(_ text: [UInt8]) -> Bool {
        let layout = Array("0000-00-00T00:00:00.000000Z".utf8)
        guard text.count == layout.count else { return false }
        return zip(text, layout).allSatisfy { byte, shape in
            shape == UInt8(ascii: "0") ? (48...57).contains(byte) : byte == shape
        }
    }
}
