#if canImport(Glibc)
import Glibc
#endif

/// Frames messages and sends them: in 256 KiB writes over TCP, one datagram each over UDP, paced to `--rate`.
struct FramedSender {
    private static let writeSize = 256 << 10
    private let socket: any MessageConnection
    private let framing: InputFraming?
    private let rate: Int
    private(set) var messagesSent = 0
    private(set) var bytesSent = 0

    /// - Parameter framing: `nil` for UDP (a datagram needs none).
    init(socket: any MessageConnection, framing: InputFraming?, rate: Int) {
        self.socket = socket
        self.framing = framing
        self.rate = rate
    }

    mutating func send<Source: MessageSource>(from source: Source) throws {
        var source = source
        var message: [UInt8] = []
        var pending: [UInt8] = []
        pending.reserveCapacity(Self.writeSize + (64 << 10))
        let started = monotonicSeconds()
        while true {
            message.removeAll(keepingCapacity: true)
            guard try source.next(into: &message) else { break }
            if self.framing == nil {
                try message.withUnsafeBytes { try self.socket.send($0) }
                self.bytesSent += message.count
            } else {
                if self.framing == .octet { pending.append(contentsOf: "\(message.count) ".utf8) }
                pending.append(contentsOf: message)
                if self.framing == .lf { pending.append(UInt8(ascii: "\n")) }
                if pending.count >= Self.writeSize || self.rate > 0 { try self.flush(&pending) }
            }
            self.messagesSent += 1
            if self.rate > 0 { Self.pace(sent: self.messagesSent, rate: self.rate, since: started) }
        }
        try self.flush(&pending)
    }

    private mutating func flush(_ pending: inout [UInt8]) throws {
        guard !pending.isEmpty else { return }
        try pending.withUnsafeBytes { try self.socket.send($0) }
        self.bytesSent += pending.count
        pending.removeAll(keepingCapacity: true)
    }

    /// Sleeps until `sent` messages are due at `rate` per second.
    private static func pace(sent: Int, rate: Int, since started: Double) {
        let due = started + Double(sent) / Double(rate)
        let ahead = due - monotonicSeconds()
        if ahead > 0.001 { usleep(useconds_t(ahead * 1e6)) }
    }
}
