import ActivityModel

/// What the listener knows about a message besides its bytes: when, from whom, and how it arrived.
public struct ReceptionContext: Sendable {
    /// When the collector received the message.
    public var received: Timestamp
    /// The sender's IP address as text (`10.0.0.5`, `::1`), or `nil` when unknown.
    public var source: String?
    /// How the message arrived, or `nil` when unknown (for example `activitylog parse` without `--transport`).
    public var transport: Transport?

    /// Creates a reception context.
    public init(received: Timestamp, source: String? = nil, transport: Transport? = nil) {
        self.received = received
        self.source = source
        self.transport = transport
    }
}
