import Foundation

/// How an external program ended and what it printed.
public struct ToolResult: Sendable {
    public var status: Int32
    /// Standard output.
    public var output: String
    /// Standard error.
    public var errors: String

    /// Standard output's lines, without their newlines.
    public var lines: [String] { self.output.split(separator: "\n").map(String.init) }
}

/// Runs external programs as an operator would (`logger`, `zcat`, `gzip`, `openssl`, the built `activitylog` and
/// `activitylogd`), for every test target.
///
/// A program is found on `PATH` with the built products first, so `["activitylog", "query", …]` runs the binary
/// under test. Its output goes to files, not pipes, so a program that writes much to both streams cannot block.
public enum Tool {
    /// The directory holding the built products (next to the test bundle).
    public static let productsDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()

    /// Runs `arguments` to its end with `stdin` as standard input and `environment` added to the test's own.
    @discardableResult
    public static func run(
        _ arguments: [String],
        stdin: some Collection<UInt8> = [UInt8](),
        environment: [String: String] = [:]
    ) throws -> ToolResult {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tool-run-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (input, output, errors) = (
            directory.appendingPathComponent("stdin"), directory.appendingPathComponent("stdout"),
            directory.appendingPathComponent("stderr")
        )
        try Data(stdin).write(to: input)
        try Data().write(to: output)
        try Data().write(to: errors)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = Self.environment(adding: environment)
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        return ToolResult(
            status: process.terminationStatus,
            output: String(decoding: try Data(contentsOf: output), as: UTF8.self),
            errors: String(decoding: try Data(contentsOf: errors), as: UTF8.self)
        )
    }

    /// Runs `arguments` with `stdin` as UTF-8 text.
    @discardableResult
    public static func run(
        _ arguments: [String],
        stdin: String,
        environment: [String: String] = [:]
    ) throws -> ToolResult {
        try Self.run(arguments, stdin: Array(stdin.utf8), environment: environment)
    }

    /// The lines `zcat` prints for `files` (none for no files).
    public static func zcat(_ files: [String]) throws -> [String] {
        files.isEmpty ? [] : try Self.run(["zcat"] + files).lines
    }

    /// Whether this process may mount a tmpfs (root), for the tests that fill a small disk.
    public static let canMountTmpfs: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("tmpfs-probe-\(UUID())").path
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard (try? Self.mountTmpfs(at: probe, size: "64k")) != nil else { return false }
        _ = try? Self.run(["umount", probe])
        return true
    }()

    /// Mounts a tmpfs of `size` (such as `64k`) with mode 0750 on `path`, full when `filled` (a file named `filler`
    /// takes every free block); the caller unmounts it with `umount`. Needs root.
    public static func mountTmpfs(at path: String, size: String, filled: Bool = false) throws {
        let mount = try Self.run(["mount", "-t", "tmpfs", "-o", "size=\(size),mode=0750", "tmpfs", path])
        guard mount.status == 0 else { throw ToolFailure(message: "cannot mount a tmpfs on \(path): \(mount.errors)") }
        if filled { try Self.run(["dd", "if=/dev/zero", "of=\(path)/filler", "bs=4k"]) }
    }

    /// The test's environment with the built products first on `PATH` and `extra` over it.
    public static func environment(adding extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = Self.productsDirectory.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment.merge(extra) { $1 }
        return environment
    }
}

/// A tool that did not do what a test needed of it.
public struct ToolFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { self.message }
}
