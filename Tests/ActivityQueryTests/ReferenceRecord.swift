import Foundation

/// A record as `JSONSerialization` reads it: the reference the queries are checked against.
struct ReferenceRecord {
    let line: String
    let object: [String: Any]

    init(_ line: String) {
        self.line = line
        self.object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
    }

    subscript(_ key: String) -> String? { self.object[key] as? String }

    /// The value of structured data parameter `parameter` of element `identifier` (each value of a repeated one).
    func structuredData(_ identifier: String, _ parameter: String) -> [String] {
        let value = ((self.object["sd"] as? [String: Any])?[identifier] as? [String: Any])?[parameter]
        return (value as? String).map { [$0] } ?? (value as? [String]) ?? []
    }
}
