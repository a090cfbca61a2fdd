import SyslogFuzzing

#if canImport(Glibc)
import Glibc
#endif

// One binary for every fuzz target; ACTIVITYLOG_FUZZ_TARGET picks one (FuzzTarget's cases: rfc5424, rfc3164,
// octet-framing, line-framing, activity, extract-rules, proxy-header). Built by scripts/fuzz.sh with
// -sanitize=fuzzer,address -DFUZZING, libFuzzer drives it; built normally, it replays the files named on the command
// line (to reproduce a crash or run the seed corpus).

/// Writes a line to standard error.
func complain(_ text: String) {
    var bytes = Array((text + "\n").utf8)
    bytes.withUnsafeMutableBytes { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

/// The target named by the environment, or a clear failure.
func selectedTarget() -> FuzzTarget {
    let name = getenv("ACTIVITYLOG_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        complain("set ACTIVITYLOG_FUZZ_TARGET to one of: \(names) (got '\(name)')")
        exit(64)
    }
    return target
}

#if FUZZING
nonisolated(unsafe) var fuzzTarget = FuzzTarget.rfc5424

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> Int32 {
    fuzzTarget = selectedTarget()
    return 0
}

/// libFuzzer's driver. SwiftPM aliases the executable's `main` to `syslog_fuzz_main`, so the fuzzer is started
/// from here.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("syslog_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzerTestOneInput(data, size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
#else
@main
enum FuzzReplay {
    static func main() {
        let target = selectedTarget()
        for path in CommandLine.arguments.dropFirst() {
            guard let file = fopen(path, "rb") else {
                complain("cannot open \(path)")
                exit(66)
            }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = fread(&chunk, 1, chunk.count, file)
                if count <= 0 { break }
                bytes += chunk[0..<count]
            }
            fclose(file)
            bytes.withUnsafeBytes { target.run($0) }
        }
        print("replayed \(CommandLine.arguments.count - 1) inputs through \(target.rawValue) without a crash")
    }
}
#endif
