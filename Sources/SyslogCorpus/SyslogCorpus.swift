import ActivityModel

/// Generates realistic syslog messages, deterministically from a seed: the load for benchmarks and
/// `activitylog send`.
///
/// Messages are 150–300 bytes: RFC 5424 with an audit-style SD element (user, action, path, outcome), RFC 5424
/// without SD, and RFC 3164 from daemons (`sshd[pid]: …`), in proportions set by ``Mix``; and, for the extraction
/// benchmark, auth-log and vendor lines of the kinds the recognizers know (``ActivityLines``), at their real length.
public struct SyslogCorpus {
    /// Shares of each kind of message; they need not add up to 1 (they are weights).
    public struct Mix: Sendable {
        /// Weight of RFC 5424 messages with structured data.
        public var rfc5424WithSD: Double
        /// Weight of RFC 5424 messages without structured data (`-`).
        public var rfc5424WithoutSD: Double
        /// Weight of RFC 3164 messages.
        public var rfc3164: Double
        /// Weight of auth-log and network-device lines that the recognizers read (sshd, PAM, sudo, Cisco, …).
        public var activity: Double

        /// Creates a mix from weights.
        public init(rfc5424WithSD: Double, rfc5424WithoutSD: Double, rfc3164: Double, activity: Double = 0) {
            self.rfc5424WithSD = rfc5424WithSD
            self.rfc5424WithoutSD = rfc5424WithoutSD
            self.rfc3164 = rfc3164
            self.activity = activity
        }

        /// The parser benchmark's mix: 70 % RFC 5424 with SD, 30 % RFC 3164.
        public static let parserBenchmark = Mix(rfc5424WithSD: 0.7, rfc5424WithoutSD: 0, rfc3164: 0.3)
        /// The ingest benchmark's mix: RFC 5424 only, half of it with SD.
        public static let ingestBenchmark = Mix(rfc5424WithSD: 0.5, rfc5424WithoutSD: 0.5, rfc3164: 0)
        /// The extraction benchmark's mix: half auth-log and vendor lines, half the parser benchmark's mix.
        public static let extractionBenchmark = Mix(
            rfc5424WithSD: 0.35,
            rfc5424WithoutSD: 0,
            rfc3164: 0.15,
            activity: 0.5
        )
    }

    private static let hosts = [
        "web-01.example.net", "db-02.example.net", "fw-edge-1", "10.20.30.40", "mail.example.org",
    ]
    private static let apps = ["sshd", "sudo", "nginx", "postgres", "audit", "cron", "kernel", "dockerd"]
    private static let users = ["alice", "bob", "carol", "root", "svc-backup", "deploy"]
    private static let actions = ["login", "logout", "read", "write", "delete", "exec", "config-change"]
    private static let paths = ["/etc/passwd", "/var/lib/app/data.db", "/home/alice/.ssh/authorized_keys", "/srv/www"]
    private static let outcomes = ["success", "failure", "denied"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let filler = Array(
        "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ".utf8
    )

    private var random: SplitMix64
    private let mix: Mix
    private let baseTime: Timestamp

    /// Creates a generator.
    ///
    /// - Parameters:
    ///   - seed: The same seed gives the same messages.
    ///   - mix: Proportions of message kinds.
    ///   - baseTime: Timestamps in the messages start here and advance a millisecond per message.
    public init(
        seed: UInt64 = 1,
        mix: Mix = .parserBenchmark,
        baseTime: Timestamp = Timestamp(secondsSinceEpoch: 1_795_700_000)
    ) {
        self.random = SplitMix64(seed: seed)
        self.mix = mix
        self.baseTime = baseTime
    }

    /// Digits of the sequence number that RFC 5424 messages carry as MSGID.
    public static let sequenceDigits = 10

    /// Appends the next message (no terminator) to `output`.
    ///
    /// RFC 5424 messages carry `number` as a zero-padded ten-digit MSGID, so a receiver can check completeness and
    /// order; a load generator can stamp other numbers into a copy with ``writeSequence(_:into:)``.
    ///
    /// - Returns: The offset of the MSGID digits from the start of the message, or `nil` for an RFC 3164 message.
    @discardableResult
    public mutating func appendMessage(number: Int, to output: inout [UInt8]) -> Int? {
        let start = output.count
        let targetLength = 150 + self.random.next(below: 151)
        let total = self.mix.rfc5424WithSD + self.mix.rfc5424WithoutSD + self.mix.rfc3164 + self.mix.activity
        let pick = Double(self.random.next(below: 1_000_000)) / 1_000_000 * total
        if pick >= total - self.mix.activity {
            ActivityLines.append(&self.random, number: number, to: &output)
            return nil
        }
        let time = self.baseTime.adding(seconds: 0).microsecondsSinceEpoch + Int64(number) * 1000
        let user = self.pick(Self.users)
        let action = self.pick(Self.actions)
        let path = self.pick(Self.paths)
        var sequenceOffset: Int?
        if pick < self.mix.rfc5424WithSD + self.mix.rfc5424WithoutSD {
            self.append5424Header(time: Timestamp(microsecondsSinceEpoch: time), to: &output)
            sequenceOffset = output.count - start
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: Self.sequenceDigits))
            output.append(contentsOf: " ".utf8)
            output.withUnsafeMutableBufferPointer {
                Self.writeSequence(number, into: $0.baseAddress! + start + sequenceOffset!)
            }
            if pick < self.mix.rfc5424WithSD {
                let outcome = self.pick(Self.outcomes)
                output.append(
                    contentsOf:
                        "[audit@32473 user=\"\(user)\" action=\"\(action)\" path=\"\(path)\" outcome=\"\(outcome)\"] "
                        .utf8
                )
            } else {
                output.append(contentsOf: "- ".utf8)
            }
            output.append(contentsOf: "\(user) \(action) \(path) ".utf8)
        } else {
            let date = CivilDate(daysSinceEpoch: Int(time / 86_400_000_000))
            let second = Int(time / 1_000_000 % 86_400)
            let day = date.day < 10 ? " \(date.day)" : "\(date.day)"
            output.append(
                contentsOf: "<\(8 * 4 + self.random.next(below: 8))>\(Self.months[date.month - 1]) \(day) ".utf8
            )
            output.append(
                contentsOf:
                    "\(Self.twoDigits(second / 3600)):\(Self.twoDigits(second / 60 % 60)):\(Self.twoDigits(second % 60)) "
                    .utf8
            )
            output.append(
                contentsOf:
                    "\(self.pick(Self.hosts)) \(self.pick(Self.apps))[\(1000 + self.random.next(below: 60000))]: ".utf8
            )
            output.append(
                contentsOf: "session \(action) for user \(user) from 192.0.2.\(self.random.next(below: 255)) ".utf8
            )
        }
        var fillerIndex = self.random.next(below: Self.filler.count)
        while output.count - start < targetLength {
            output.append(Self.filler[fillerIndex])
            fillerIndex = (fillerIndex + 1) % Self.filler.count
        }
        return sequenceOffset
    }

    /// Writes `number` as ten zero-padded digits (the low ten digits when it is larger).
    public static func writeSequence(_ number: Int, into digits: UnsafeMutablePointer<UInt8>) {
        var remaining = number
        for position in stride(from: Self.sequenceDigits - 1, through: 0, by: -1) {
            digits[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
    }

    /// `count` messages, each followed by a line feed.
    public mutating func lines(count: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(count * 240)
        for number in 0..<count {
            self.appendMessage(number: number, to: &output)
            output.append(UInt8(ascii: "\n"))
        }
        return output
    }

    private mutating func append5424Header(time: Timestamp, to output: inout [UInt8]) {
        output.append(contentsOf: "<\(8 * 10 + self.random.next(below: 8))>1 ".utf8)
        output.append(contentsOf: RFC3339Formatter.string(time).utf8)
        output.append(
            contentsOf:
                " \(self.pick(Self.hosts)) \(self.pick(Self.apps)) \(1000 + self.random.next(below: 60000)) "
                .utf8
        )
    }

    private mutating func pick(_ values: [String]) -> String {
        values[self.random.next(below: values.count)]
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// A small, fast, seedable pseudo-random generator (Steele, Lea & Flood's SplitMix64).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var value = self.state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A value in `0..<bound`.
    mutating func next(below bound: Int) -> Int {
        Int(self.next() % UInt64(bound))
    }
}
