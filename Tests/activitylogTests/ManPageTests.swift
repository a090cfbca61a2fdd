import Foundation
import Testing
import ToolRunning

/// The man pages render cleanly and document every option the CLI accepts.
struct ManPageTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static func manPage(_ name: String) throws -> String {
        try String(contentsOf: Self.repository.appendingPathComponent("man/\(name)"), encoding: .utf8)
    }

    @Test func rendersWithoutGroffWarnings() throws {
        let groff = try Tool.run([
            "groff", "-man", "-ww", "-z", Self.repository.appendingPathComponent("man/activitylog.1").path,
        ])
        #expect(groff.status == 0)
        #expect(groff.errors.isEmpty, "groff warnings: \(groff.errors)")
    }

    @Test(arguments: ["parse", "send", "query", "tail", "verify"])
    func documentsEveryOption(command: String) throws {
        let help = try Tool.run(["activitylog", command, "--help"]).output
        let page = try Self.manPage("activitylog.1").replacingOccurrences(of: "\\-", with: "-")
        let options = help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," })
            .filter { $0.hasPrefix("--") }
            .map { String($0.prefix { $0.isLetter || $0.isNumber || $0 == "-" }) }
        #expect(!options.isEmpty)
        for option in Set(options) {
            #expect(page.contains(option), "\(option) is not in activitylog.1")
        }
    }
}
