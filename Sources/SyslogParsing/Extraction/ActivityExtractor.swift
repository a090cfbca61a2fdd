import ActivityModel

/// Fills a record's activity fields (`user`, `event`, `resource`, `outcome`, `client`) from every source, each
/// field taking the first value found in this order:
///
/// 1. the operator's `extract` rules (the first that matches),
/// 2. the SD mapping (already in the record when the RFC 5424 parser found structured data),
/// 3. the built-in recognizers (``ActivityRecognizers``),
/// 4. `key=value` pairs in the text (FortiGate's first, then ``KeyValueMapping``), when no recognizer read it.
///
/// Values are the message's own bytes wherever they can be; a vocabulary word is a static span (no copy); a flow's
/// endpoint, an unescaped value or a rule's constant is appended to the record's text. Scratch space is
/// reused, so a stream of messages allocates nothing here once warmed up.
struct ActivityExtractor {
    private let rules: [ExtractionRule]
    private var pairs = KeyValuePairs()
    private var fields = ActivityFields()
    private var captures: [(ActivityField, TextSpan)] = []
    private var scratch: [UInt8] = []

    init(rules: [ExtractionRule]) {
        self.rules = rules
    }

    mutating func extract(into record: inout ActivityRecord) {
        guard let msg = record.msg else {
            // Only the SD mapping can have said anything.
            return
        }
        self.fields.reset()
        // What is read from the record is read before its text is borrowed: reading it inside would copy it.
        let (app, msgid) = (record.app, record.msgid)
        let mapped = Self.mappedFields(record)
        record.withUnsafeText { bytes in
            let parts = MessageParts(bytes: bytes, msg: msg, app: app, msgid: msgid)
            if !self.rules.isEmpty { self.applyRules(parts) }
            self.fields.keep(mapped)
            guard !self.fields.isComplete else { return }
            // A recognized message is read: its other text (a sudo or cron command) is no list of pairs.
            guard !ActivityRecognizers.recognize(parts, into: &self.fields), !self.fields.isComplete else { return }
            self.pairs.read(bytes, msg, skipping: self.fields.filled)
            // FortiGate needs `type=` and `subtype=`, the mapping two pairs: a text with fewer is done.
            guard self.pairs.count >= 2 else { return }
            _ = FortiGateRecognizer.recognize(self.pairs, bytes, into: &self.fields)
            KeyValueMapping.map(self.pairs, bytes, into: &self.fields)
        }
        guard self.fields.offered != 0 else { return }
        Self.writeSpans(self.fields, into: &record)
        var made = self.fields.made
        while made != 0, let field = ActivityField(rawValue: made.trailingZeroBitCount) {
            made &= made - 1
            if let value = self.fields.madeValue(field) { self.write(value, to: field, of: &record) }
        }
    }

    private mutating func applyRules(_ parts: MessageParts) {
        for (index, rule) in self.rules.enumerated() {
            if let app = rule.app {
                guard let recordApp = parts.app, recordApp.count == app.count,
                    app.withUnsafeBufferPointer({ name in
                        (0..<app.count).allSatisfy { parts.bytes[recordApp.start + $0] == name[$0] }
                    })
                else { continue }
            }
            if rule.apply(parts.bytes, parts.msg, index: index, captures: &self.captures, into: &self.fields) { return }
        }
    }

    /// The fields the SD mapping put in the record (the only source before extraction), one bit each. Read from the
    /// record's own fields, not its structured data: in a batch, the record's arrays are no longer in the nearest
    /// cache when extraction reaches it. Inlined: as a call it copied the whole record.
    @inline(__always)
    private static func mappedFields(_ record: borrowing ActivityRecord) -> UInt8 {
        var mask: UInt8 = 0
        if record.user != nil { mask |= 1 << ActivityField.user.rawValue }
        if record.event != nil { mask |= 1 << ActivityField.event.rawValue }
        if record.resource != nil { mask |= 1 << ActivityField.resource.rawValue }
        if record.outcome != nil { mask |= 1 << ActivityField.outcome.rawValue }
        if record.client != nil { mask |= 1 << ActivityField.client.rawValue }
        return mask
    }

    /// Stores the offered spans in the record's fields: one test and one store each.
    @inline(__always)
    private static func writeSpans(_ fields: ActivityFields, into record: inout ActivityRecord) {
        if let span = fields.span(.user) { record.user = span }
        if let span = fields.span(.event) { record.event = span }
        if let span = fields.span(.resource) { record.resource = span }
        if let span = fields.span(.outcome) { record.outcome = span }
        if let span = fields.span(.client) { record.client = span }
    }

    /// Makes a value that is not a span of the record yet, appends it to the record's bytes and stores its span.
    private mutating func write(_ value: ExtractedValue, to field: ActivityField, of record: inout ActivityRecord) {
        let span: TextSpan
        switch value {
        case .span(let text):
            span = text
        case .constant(let rule, let index):
            span = self.rules[rule].constants[index].value.withUnsafeBytes { record.appendText($0) }
        case .endpoint(let address, let port):
            span = record.appendEndpoint(address, port: port)
        case .unescaped(let text):
            self.scratch.removeAll(keepingCapacity: true)
            record.withUnsafeText { all in
                let bytes = text.bytes(in: all)
                var index = 0
                while index < bytes.count {
                    var byte = bytes[index]
                    if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                        index += 1
                        switch bytes[index] {
                        case UInt8(ascii: "n"): byte = UInt8(ascii: "\n")
                        case UInt8(ascii: "r"): byte = UInt8(ascii: "\r")
                        default: byte = bytes[index]
                        }
                    }
                    self.scratch.append(byte)
                    index += 1
                }
            }
            span = self.scratch.withUnsafeBytes { record.appendText($0) }
        }
        switch field {
        case .user: record.user = span
        case .event: record.event = span
        case .resource: record.resource = span
        case .outcome: record.outcome = span
        case .client: record.client = span
        }
    }
}
