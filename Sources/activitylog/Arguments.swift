import ActivityModel
import ArgumentParser
import SyslogParsing

/// An RFC 3339 timestamp given on the command line.
struct ReceivedTime: ExpressibleByArgument {
    var timestamp: Timestamp

    init?(argument: String) {
        let bytes = Array(argument.utf8)
        guard let timestamp = bytes.withUnsafeBufferPointer({ RFC3339TimestampParser.parse($0, in: 0..<$0.count) })
        else { return nil }
        self.timestamp = timestamp
    }
}

/// An IPv4 or IPv6 address given on the command line, kept in its canonical text form.
struct IPAddressArgument: ExpressibleByArgument {
    var text: String

    init?(argument: String) {
        guard let canonical = IPAddressText.canonical(argument) else { return nil }
        self.text = canonical
    }
}

/// A byte count such as `65536`, `64k` or `1m` (powers of 1024).
struct ByteCountArgument: ExpressibleByArgument {
    var bytes: Int

    init(bytes: Int) {
        self.bytes = bytes
    }

    init?(argument: String) {
        let multipliers: [Character: Int] = ["k": 1 << 10, "K": 1 << 10, "m": 1 << 20, "M": 1 << 20]
        var digits = Substring(argument)
        var multiplier = 1
        if let last = digits.last, let unit = multipliers[last] {
            multiplier = unit
            digits = digits.dropLast()
        }
        guard let value = Int(digits), value > 0, value <= (1 << 30) / multiplier else { return nil }
        self.bytes = value * multiplier
    }

    var defaultValueDescription: String { "\(self.bytes)" }
}
