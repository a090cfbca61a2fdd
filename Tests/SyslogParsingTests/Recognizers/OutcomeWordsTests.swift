import ActivityModel
import Foundation
import Testing

@testable import SyslogParsing

/// The outcome words of key=value pairs and CEF normalize, in any case, exactly as `activitylog(1)` lists them; any
/// other value, a word one byte short or long included, is kept as given.
struct OutcomeWordsTests {
    /// The two lists of the man page: the `.B` lines before its last `-> success;` and `-> failure (any case)`.
    static func manPageLists() throws -> (successes: [String], failures: [String]) {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let lines = try String(contentsOf: repository.appendingPathComponent("man/activitylog.1"), encoding: .utf8)
            .split(separator: "\n")
        func words(before arrow: String) throws -> [String] {
            let index = try #require(lines.lastIndex { $0.hasPrefix(arrow) }, "no line \(arrow)")
            return lines[index - 1].dropFirst(3).split(separator: " ").map(String.init)
        }
        return (try words(before: "\\(-> success;"), try words(before: "\\(-> failure (any case)"))
    }

    @Test func everyListedWordNormalizesInAnyCase() throws {
        let (successes, failures) = try Self.manPageLists()
        #expect(successes.count == 12 && failures.count == 12)
        for (words, expected) in [(successes, "success"), (failures, "failure")] {
            for word in words {
                for form in [word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst()] {
                    #expect(Self.normalized(form) == expected, "\(form)")
                }
                #expect(Self.normalized(String(word.dropLast())) == nil || words.contains(String(word.dropLast())))
                #expect(Self.normalized(word + "s") == nil || words.contains(word + "s"), "\(word)s")
            }
        }
        for other in ["", "o", "okay", "partial", "unknown", "successfully", "fails", "ok!"] {
            #expect(Self.normalized(other) == nil, "\(other)")
        }
    }

    /// A FortiGate flow's action has words of its own, compared exactly.
    @Test(arguments: [
        ("accept", "success"), ("close", "success"), ("timeout", "success"), ("deny", "failure"),
        ("block", "failure"), ("dropped", "failure"), ("ip-conn", nil), ("Accept", nil), ("denyy", nil),
    ])
    func flowActionsGiveTheirOutcome(_ action: String, _ outcome: String?) throws {
        let line = "type=traffic subtype=forward srcip=192.0.2.1 dstip=192.0.2.3 dstport=443 action=\(action)"
        try ActivityCase(
            bsd("fw", line),
            event: "connection",
            resource: "192.0.2.3:443",
            outcome: outcome,
            client: "192.0.2.1"
        )
        .verify()
    }

    static func normalized(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            OutcomeWords.normalized(TextSpan(start: 0, end: buffer.count), buffer).map { $0.description }
        }
    }
}
