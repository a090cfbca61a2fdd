import Foundation
import Testing
import ToolRunning

#if canImport(Glibc)
import Glibc
#endif

/// Hostile clients against the real daemon: it stays up, memory stays bounded, every archived line is one valid JSON
/// object, and the valid messages sent among the garbage all arrive.
@Suite(.serialized)
struct HostileInputEndToEndTests {
    /// Resident memory of a process in MiB.
    private func residentMiB(_ daemon: DaemonProcess) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(daemon.processIdentifier)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        return (Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0) / 1024
    }

    @Test func randomAndMutatedFramesOverTCPAndUDP() throws {
        let daemon = try DaemonProcess(extra: "max-message-size 4k\nqueue-size 8m")
        defer { daemon.removeDirectory() }
        var random = SystemRandomNumberGenerator()
        let valid = "<13>1 2026-11-26T14:41:09Z host app - - [audit user=\"alice\"] valid message "
        var stream: [UInt8] = []
        var expected: Set<String> = []
        for number in 0..<66_667 {  // 60,000 hostile frames here and 40,000 datagrams below
            if number % 10 == 0 {
                let message = Array("\(valid)\(number)".utf8)
                stream += Array("\(message.count) ".utf8) + message
                expected.insert("valid message \(number)")
                continue
            }
            // Every frame keeps its leading "<" so that octet-counting is detected and the stream stays in sync (a frame
            // that does not start with "<" is line-framed by design, and would swallow what follows up to a LF).
            var frame = Array("\(valid)\(number)".utf8)
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let position = Int.random(in: 1..<frame.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: frame[position] = UInt8.random(in: 0...255, using: &random)
                case 1:
                    frame.insert(
                        contentsOf: [0x0A, 0x00, 0x22, 0x5C, 0xFF, 0xE2, 0x80, 0xA8].shuffled(using: &random).prefix(3),
                        at: position
                    )
                case 2: frame = Array(frame.prefix(position + 1))
                default:
                    frame =
                        [UInt8(ascii: "<")]
                        + (0..<Int.random(in: 1..<300, using: &random)).map { _ in
                            UInt8.random(in: 0...255, using: &random)
                        }
                }
            }
            stream += Array("\(frame.count) ".utf8) + frame  // octet-counted, so framing stays in sync
        }
        try sendOverTCP(stream, port: daemon.port("tcp"))
        // A giant octet count: its bytes are discarded as they arrive, never buffered.
        var giant = Array("999999999 <13>".utf8)
        giant += [UInt8](repeating: UInt8(ascii: "x"), count: 32 << 20)
        try sendOverTCP(giant, port: daemon.port("tcp"))
        for _ in 0..<40_000 {
            let datagram = (0..<Int.random(in: 0..<1500, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            try sendDatagram(datagram, from: "127.0.0.1", port: daemon.port("udp"))
        }
        try sendOverTCP(Array("<13>1 - - - - - - after the storm\n".utf8), port: daemon.port("tcp"))
        usleep(500_000)
        #expect(daemon.isRunning)
        #expect(try self.residentMiB(daemon) < 400, "memory bounded after 32 MiB of one giant frame")
        #expect(daemon.stop() == 0)
        let text = try daemon.archives().map { try Tool.run(["zcat", $0]).output }.joined()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        var messages: Set<String> = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if let message = object["msg"] as? String { messages.insert(message) }
        }
        #expect(lines.allSatisfy { $0.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F } })
        #expect(expected.isSubset(of: messages), "missing \(expected.subtracting(messages).count) valid messages")
        #expect(messages.contains("after the storm"))
    }

    @Test func slowlorisIsCutAtTheIdleTimeout() throws {
        let daemon = try DaemonProcess(listeners: ["tcp 127.0.0.1:0"], extra: "idle-timeout 1s")
        defer { daemon.removeDirectory() }
        let slow = try connectTCP(port: daemon.port("tcp"))
        defer { close(slow) }
        let started = Date()
        var closed = false
        for byte in Array("<13>1 - - - - - - never finished because one byte comes at a time".utf8) {
            var value = byte
            if send(slow, &value, 1, Int32(MSG_NOSIGNAL)) <= 0 || waitForClose(slow, timeout: 0.25) {
                closed = true
                break
            }
        }
        #expect(closed)
        #expect(Date().timeIntervalSince(started) < 4)
        #expect(daemon.stop() == 0)
        #expect(daemon.counter("ingest.connections_timed_out") == 1)
    }
}
