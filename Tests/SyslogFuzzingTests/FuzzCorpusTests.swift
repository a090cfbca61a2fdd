import Foundation
import SyslogFuzzing
import Testing

/// The fuzz targets' invariants on the seed corpus and on random inputs, in every `swift test` run, so a regression
/// that a fuzzer found once stays found.
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus")

    @Test(arguments: FuzzTarget.allCases)
    func seedCorpusHoldsTheInvariants(target: FuzzTarget) throws {
        let directory = Self.corpus.appendingPathComponent(target.rawValue)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(!files.isEmpty)
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(file)))
            bytes.withUnsafeBytes { target.run($0) }
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func randomInputsHoldTheInvariants(target: FuzzTarget) {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("<>1 0123456789-[]=\"\\\n\r\u{0}:TZ.".utf8) + [0xFF, 0xC3, 0xE2]
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0..<600, using: &random)).map { _ in
                Bool.random(using: &random)
                    ? alphabet.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            bytes.withUnsafeBytes { target.run($0) }
        }
    }
}
