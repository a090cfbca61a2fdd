/// How a message reached the collector.
public enum Transport: String, CaseIterable, Sendable {
    case udp
    case tcp
    case tls

    /// The record's name for this transport, as static bytes.
    public var staticName: StaticString {
        switch self {
        case .udp: "udp"
        case .tcp: "tcp"
        case .tls: "tls"
        }
    }
}

/// Which parser in the chain made sense of a message.
public enum SyslogFormat: String, CaseIterable, Sendable {
    /// The message followed RFC 5424 (`<PRI>1 ` …).
    case rfc5424
    /// The message had a valid PRI but was not RFC 5424: a BSD/legacy message (RFC 3164 and variants).
    case rfc3164
    /// The message had no valid PRI; its whole text is the record's `msg`.
    case raw

    /// The record's name for this format, as static bytes.
    public var staticName: StaticString {
        switch self {
        case .rfc5424: "rfc5424"
        case .rfc3164: "rfc3164"
        case .raw: "raw"
        }
    }
}
