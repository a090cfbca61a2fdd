/// One received syslog message as a structured activity record: the unit written as one JSON line.
///
/// Text fields are ``TextSpan``s into the record's text (``withUnsafeText(_:)``), which holds the message as
/// received (after its trailing terminator is stripped) followed by the sender's address text and any value
/// extraction made. A record is meant to be reused: the parser resets it for every message, keeping its arrays, so
/// parsing a stream allocates nothing per message once warmed up. ``string(_:)`` turns a span into a `String` for
/// callers that want one.
///
/// Stored properties are in the order of the JSON keys (docs/design.md, "The activity record"); `nil` means the key is
/// omitted.
public struct ActivityRecord: Sendable {
    /// Event time from the message, in UTC.
    public var time: Timestamp?
    /// When the collector received the message.
    public var received: Timestamp
    /// Facility from PRI (`user` for raw messages).
    public var facility: Facility
    /// Severity from PRI (`notice` for raw messages).
    public var severity: Severity
    /// HOSTNAME.
    public var host: TextSpan?
    /// APP-NAME (RFC 5424) or TAG (RFC 3164).
    public var app: TextSpan?
    /// PROCID, or the `[pid]` of an RFC 3164 TAG.
    public var procid: TextSpan?
    /// MSGID (RFC 5424).
    public var msgid: TextSpan?
    /// Who did it (activity mapping).
    public var user: TextSpan?
    /// What happened (activity mapping).
    public var event: TextSpan?
    /// What it was done to (activity mapping).
    public var resource: TextSpan?
    /// Success, failure, … (activity mapping).
    public var outcome: TextSpan?
    /// The address or name the activity came from: an SSH client, a flow's source, a PAM `rhost` (activity mapping).
    /// Not the syslog sender, which is ``source``.
    public var client: TextSpan?
    /// STRUCTURED-DATA; empty means the `sd` key is omitted.
    public var structuredData: StructuredData
    /// MSG without a leading UTF-8 BOM; `nil` when absent or empty.
    public var msg: TextSpan?
    /// The sender's IP address as text.
    public var source: TextSpan?
    /// How the message arrived.
    public var transport: Transport?
    /// Which parser made sense of the message.
    public var format: SyslogFormat
    /// `true` when the message was cut at the maximum message size.
    public var truncated: Bool

    /// The message text, the sender's address text and made values, which the spans point into: the first
    /// ``textCount`` bytes. The rest is room kept for the next message and the next appended text, so that neither
    /// goes through `Array.append`'s generic path (a reset or an append is one bounds check and one copy). The room
    /// may still hold an earlier message, so it is not public: readers get the text only (``withUnsafeText(_:)``).
    @usableFromInline var bytes: [UInt8]
    /// How many bytes hold text.
    public private(set) var textCount = 0
    /// How many bytes the record keeps for its text: as many as the largest message it held needed, since a reset
    /// keeps the room.
    public var textCapacity: Int { self.bytes.count }

    /// Becomes a new, empty record if the record keeps more than `limit` bytes for its text, giving that room up.
    /// Mutating, so that an array's element is tested in place (read from the array, it would be copied first), and
    /// inlinable, so that a batch's test of each record costs no call.
    @inlinable
    public mutating func releaseTextRoom(over limit: Int) {
        if self.bytes.count > limit { self = ActivityRecord() }
    }

    /// Creates an empty raw record received at `received`.
    public init(received: Timestamp = Timestamp(microsecondsSinceEpoch: 0)) {
        self.time = nil
        self.received = received
        self.facility = .user
        self.severity = .notice
        self.structuredData = StructuredData()
        self.format = .raw
        self.truncated = false
        self.bytes = []
    }

    /// Clears every field and makes `message` the record's text, keeping allocated capacity.
    ///
    /// - Parameters:
    ///   - message: The message bytes that subsequent spans refer to.
    ///   - received: When the message was received.
    public mutating func reset(message: UnsafeRawBufferPointer, received: Timestamp) {
        self.time = nil
        self.received = received
        self.facility = .user
        self.severity = .notice
        self.host = nil
        self.app = nil
        self.procid = nil
        self.msgid = nil
        self.user = nil
        self.event = nil
        self.resource = nil
        self.outcome = nil
        self.client = nil
        self.structuredData.removeAll()
        self.msg = nil
        self.source = nil
        self.transport = nil
        self.format = .raw
        self.truncated = false
        self.textCount = 0
        _ = self.appendText(message)
    }

    /// Appends `text` to the record's text and returns its span: for values that are not a run of the message's own
    /// bytes (a joined flow destination, an unescaped value, a rule's constant). Allocates nothing once the room is
    /// warmed up.
    @discardableResult
    public mutating func appendText(_ text: UnsafeRawBufferPointer) -> TextSpan {
        let start = self.textCount
        let end = start + text.count
        if end > self.bytes.count { self.makeRoom(for: end) }
        if let source = text.baseAddress {
            self.bytes.withUnsafeMutableBytes {
                copyBytes(from: source, to: $0.baseAddress! + start, count: text.count)
            }
        }
        self.textCount = end
        return TextSpan(start: start, end: end)
    }

    /// Appends a flow's endpoint, `ADDRESS:PORT` from two spans of the record, to the record's text, copying within
    /// it, and returns the span of the whole. An IPv6 address is bracketed (`[2001:db8::5]:443`, as in a URL), so the
    /// port can be told from the address.
    public mutating func appendEndpoint(_ address: TextSpan, port: TextSpan) -> TextSpan {
        let start = self.textCount
        let isIPv6 = self.withUnsafeText { text in address.bytes(in: text).contains(UInt8(ascii: ":")) }
        let brackets = isIPv6 ? 2 : 0
        let end = start + brackets + address.count + 1 + port.count
        if end > self.bytes.count { self.makeRoom(for: end) }
        self.bytes.withUnsafeMutableBufferPointer { all in
            // The copies land past the text, so they never overlap what they copy.
            let text = UnsafeBufferPointer(rebasing: all[0..<start])
            let target = UnsafeMutableRawPointer(all.baseAddress! + start)
            let head = address.bytes(in: text)
            let tail = port.bytes(in: text)
            let headStart = isIPv6 ? 1 : 0
            let tailStart = end - start - tail.count
            if isIPv6 {
                target.storeBytes(of: UInt8(ascii: "["), as: UInt8.self)
                target.storeBytes(of: UInt8(ascii: "]"), toByteOffset: tailStart - 2, as: UInt8.self)
            }
            if let source = head.baseAddress { copyBytes(from: source, to: target + headStart, count: head.count) }
            target.storeBytes(of: UInt8(ascii: ":"), toByteOffset: tailStart - 1, as: UInt8.self)
            if let source = tail.baseAddress { copyBytes(from: source, to: target + tailStart, count: tail.count) }
        }
        self.textCount = end
        return TextSpan(start: start, end: end)
    }

    /// Grows ``bytes`` to at least `count` bytes, at least doubling it plus room for a sender's address and a few
    /// words, so that growing is rare and never per message.
    private mutating func makeRoom(for count: Int) {
        self.bytes.append(contentsOf: repeatElement(0, count: max(count, self.bytes.count * 2, 256) - self.bytes.count))
    }

    /// Appends the sender's address text to the record's text and points ``source`` at it.
    public mutating func setSource(_ address: String) {
        var address = address
        address.withUTF8 { self.source = self.appendText(UnsafeRawBufferPointer($0)) }
    }

    /// Calls `body` with the record's text (the message, the sender's address, made values), which spans index:
    /// nothing past it, so a span that strays past the text traps rather than reads an earlier message.
    @inlinable
    public func withUnsafeText<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try self.bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<self.textCount])) }
    }

    /// The text of a span as a `String`: PARAM-VALUE escapes removed, invalid UTF-8 replaced by U+FFFD.
    public func string(_ span: TextSpan) -> String {
        self.withUnsafeText { text in
            let slice = span.bytes(in: text)
            guard span.isEscapedParamValue else { return String(decoding: slice, as: UTF8.self) }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(slice.count)
            ParamValueEscapes.forEachUnescapedRun(in: slice) { unescaped.append(contentsOf: $0) }
            return String(decoding: unescaped, as: UTF8.self)
        }
    }

    /// The text of an optional span field, or `nil` when the field is absent.
    public func string(_ field: KeyPath<ActivityRecord, TextSpan?>) -> String? {
        self[keyPath: field].map { self.string($0) }
    }
}
