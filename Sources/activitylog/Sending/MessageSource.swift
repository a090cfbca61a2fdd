import ActivityModel
import SyslogCorpus

#if canImport(Glibc)
import Glibc
#endif

/// Messages to send, produced one at a time into a caller's buffer.
protocol MessageSource {
    /// Appends the next message (without framing) to `output`; returns `false` when there are no more.
    mutating func next(into output: inout [UInt8]) throws -> Bool
}

/// `--count N`: generated RFC 5424 messages, numbered 0..N-1 in their MSGID.
///
/// A pool of 4096 distinct messages is generated once; each message sent is a pooled one with its own sequence
/// number stamped in, so generating costs a copy, not a formatting pass, and the sender can outrun the collector.
struct GeneratedMessages: MessageSource {
    private static let poolSize = 4096
    private var pool: [(bytes: [UInt8], sequenceOffset: Int)] = []
    private let count: Int
    private var sent = 0

    /// Messages whose timestamps start at `startTime` and advance a millisecond per message.
    init(count: Int, seed: UInt64, startTime: Timestamp) {
        self.count = count
        var corpus = SyslogCorpus(seed: seed, mix: .ingestBenchmark, baseTime: startTime)
        for number in 0..<min(count, Self.poolSize) {
            var bytes: [UInt8] = []
            let offset = corpus.appendMessage(number: number, to: &bytes)!
            self.pool.append((bytes, offset))
        }
    }

    mutating func next(into output: inout [UInt8]) -> Bool {
        guard self.sent < self.count else { return false }
        let template = self.pool[self.sent % Self.poolSize]
        let start = output.count
        output.append(contentsOf: template.bytes)
        output.withUnsafeMutableBufferPointer { buffer in
            SyslogCorpus.writeSequence(self.sent, into: buffer.baseAddress! + start + template.sequenceOffset)
        }
        self.sent += 1
        return true
    }
}

/// Without `--count`: every line of standard input (a trailing CR is removed; empty lines are skipped).
struct StandardInputLines: MessageSource {
    private var buffer: [UInt8] = []
    private var position = 0
    private var isAtEnd = false

    mutating func next(into output: inout [UInt8]) throws -> Bool {
        while true {
            if let newline = self.buffer[self.position...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = self.buffer[self.position..<newline]
                self.position = newline + 1
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                if line.isEmpty { continue }
                output.append(contentsOf: line)
                return true
            }
            if self.isAtEnd {
                let rest = self.buffer[self.position...]
                self.position = self.buffer.count
                if rest.isEmpty { return false }
                output.append(contentsOf: rest)
                return true
            }
            self.buffer.removeFirst(self.position)
            self.position = 0
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw StreamError(operation: "read standard input", errno: errno)
            }
            if count == 0 { self.isAtEnd = true }
            self.buffer.append(contentsOf: chunk[0..<count])
        }
    }
}
