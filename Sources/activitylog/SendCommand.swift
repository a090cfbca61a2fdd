import ActivityModel
import ActivityRuntime
import ArgumentParser
import SyslogCorpus

#if canImport(Glibc)
import Glibc
#endif

/// `activitylog send`: a syslog client and load generator.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send syslog messages from stdin, or generated ones, over UDP, TCP or TLS.",
        discussion: """
            Without --count, every line of standard input is sent as one message. With --count N, N realistic \
            RFC 5424 messages of 150-300 bytes are generated (half with structured data), each carrying its \
            sequence number 0..N-1 as a ten-digit MSGID. Prints what it sent and how fast.
            """
    )

    @Option(help: "Host to send to (an address or a name).")
    var host = "127.0.0.1"

    @Option(help: "Port to send to.")
    var port = 5514

    @Option(
        help: ArgumentHelp(
            "Send from this local address (an IPv4 or IPv6 address of this machine, such as 127.0.0.2).",
            valueName: "address"
        )
    )
    var bind: String?

    @Option(help: "udp or tcp.")
    var transport: SendTransport = .tcp

    @Option(help: "TCP framing: octet (RFC 6587 octet-counting) or lf (one message per line).")
    var framing: InputFraming = .octet

    @Option(help: "Generate this many messages instead of reading standard input.")
    var count: Int?

    @Option(help: "Messages per second; 0 sends as fast as possible.")
    var rate = 0

    @Option(help: "Seed for generated messages (the same seed gives the same messages).")
    var seed: UInt64 = 1

    @Option(
        help: ArgumentHelp(
            "Time of the first generated message (RFC 3339); default: now. With --seed, makes runs reproducible.",
            valueName: "time"
        )
    )
    var startTime: ReceivedTime?

    @Flag(help: "Send over TLS (RFC 5425), which runs over TCP.")
    var tls = false

    @Option(
        help: ArgumentHelp("With --tls: PEM file of the CA that signed the server's certificate.", valueName: "file")
    )
    var ca: String?

    @Option(help: ArgumentHelp("With --tls: PEM client certificate, for servers that require one.", valueName: "file"))
    var cert: String?

    @Option(help: ArgumentHelp("With --tls: PEM private key of --cert.", valueName: "file"))
    var key: String?

    @Option(
        help: ArgumentHelp(
            "With --tls: seconds to wait for the TLS handshake (a plain TCP port never answers one).",
            valueName: "seconds"
        )
    )
    var handshakeTimeout: Double = 10

    func validate() throws {
        guard (1...65_535).contains(self.port) else {
            throw ValidationError("--port \(self.port): expected 1 to 65535")
        }
        guard self.rate >= 0 else {
            throw ValidationError("--rate \(self.rate): expected 0 or more messages per second")
        }
        if let count = self.count, count < 0 { throw ValidationError("--count \(count): expected 0 or more") }
        if let bind = self.bind, IPAddressText.canonical(bind) == nil {
            throw ValidationError("--bind \(bind): expected an IPv4 or IPv6 address of this machine")
        }
        if self.tls, self.transport == .udp {
            throw ValidationError("--tls: expected --transport tcp (TLS runs over TCP)")
        }
        if !self.tls, self.ca != nil || self.cert != nil || self.key != nil {
            throw ValidationError("--ca, --cert and --key: expected together with --tls")
        }
        guard self.handshakeTimeout > 0 else {
            throw ValidationError("--handshake-timeout \(self.handshakeTimeout): expected more than 0 seconds")
        }
        if (self.cert == nil) != (self.key == nil) {
            throw ValidationError("--cert and --key: expected both or neither")
        }
    }

    func run() throws {
        let socket: any MessageConnection =
            if self.tls {
                try TLSClientConnection(
                    host: self.host,
                    port: self.port,
                    localAddress: self.bind,
                    caPath: self.ca,
                    certificatePath: self.cert,
                    keyPath: self.key,
                    handshakeTimeoutNanoseconds: Int64(self.handshakeTimeout * 1e9)
                )
            } else {
                try ClientSocket(host: self.host, port: self.port, transport: self.transport, localAddress: self.bind)
            }
        let source: any MessageSource =
            if let count = self.count {
                GeneratedMessages(count: count, seed: self.seed, startTime: self.startTime?.timestamp ?? .now())
            } else {
                StandardInputLines()
            }
        var sender = FramedSender(socket: socket, framing: self.transport == .udp ? nil : self.framing, rate: self.rate)
        let started = monotonicSeconds()
        do {
            try sender.send(from: source)
        } catch {
            try? socket.finish()
            throw error
        }
        try socket.finish()
        let seconds = max(monotonicSeconds() - started, 1e-9)
        let perSecond = Int(Double(sender.messagesSent) / seconds)
        print(
            "sent \(sender.messagesSent) messages (\(sender.bytesSent) bytes) over \(self.tls ? "tls" : self.transport.rawValue) to \(self.host):\(self.port) in \(Self.format(seconds)) s: \(perSecond) messages/s"
        )
    }

    private static func format(_ seconds: Double) -> String {
        let millis = Int((seconds * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}

/// The `--transport` values of `activitylog send`.
enum SendTransport: String, ExpressibleByArgument, CaseIterable {
    case udp
    case tcp
}

func monotonicSeconds() -> Double {
    Double(monotonicNanoseconds()) / 1e9
}
