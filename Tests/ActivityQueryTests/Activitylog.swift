import Foundation

/// Runs the built `activitylog` binary, as an operator would, and returns its exit status and output.
enum Activitylog {
    /// The directory holding the built products (next to the test bundle).
    static let productsDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Standard output's lines.
        var lines: [String] { self.stdout.split(separator: "\n").map(String.init) }
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Self.productsDirectory.appendingPathComponent("activitylog")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("activitylog-run-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("stdout")
        let errors = directory.appendingPathComponent("stderr")
        try Data().write(to: output)
        try Data().write(to: errors)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: output), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self)
        )
    }
}

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
