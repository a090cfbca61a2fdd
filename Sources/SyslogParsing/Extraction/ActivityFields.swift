import ActivityModel

/// The five activity fields of a record.
public enum ActivityField: Int, CaseIterable, Sendable {
    case user, event, resource, outcome, client

    /// The field's key in the record and in `extract` rules (`user`, `event`, …).
    public var name: String {
        switch self {
        case .user: "user"
        case .event: "event"
        case .resource: "resource"
        case .outcome: "outcome"
        case .client: "client"
        }
    }

    /// The field named `name`, if any.
    public init?(name: String) {
        guard let field = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = field
    }
}

/// A value one source of extraction found for a field, before it is written into the record.
///
/// Most values are spans: the message's own bytes, or a word of the activity vocabulary as a static span. The rest
/// are made when the record is filled: a flow's endpoint (`DST:PORT`), a value whose backslash escapes are
/// removed, or an operator's constant. Every case is plain data (no reference), so the fields are copied as bytes,
/// without reference counting, on the per-message path.
enum ExtractedValue {
    /// The bytes of the record as they are, or a static text.
    case span(TextSpan)
    /// A flow's endpoint, `ADDRESS:PORT` (`[ADDRESS]:PORT` for IPv6).
    case endpoint(TextSpan, port: TextSpan)
    /// The span with its backslash escapes removed (`\"`, `\\`, `\=`, and `\n` as a line feed).
    case unescaped(TextSpan)
    /// A constant of an `extract` rule: the rule's index and the constant's.
    case constant(rule: Int, index: Int)

    /// A word of the vocabulary (`login`, `failure`, …): a static span, so it is never copied.
    @inline(__always)
    static func word(_ word: StaticString) -> ExtractedValue { .span(TextSpan(staticText: word)) }
}

/// The activity fields found so far; a field keeps the first value any source offers (sources run in priority
/// order: operator rules, SD mapping, recognizers, key=value pairs).
///
/// One value is reused for every message (``reset()``): the bit masks say which slots hold this message's values,
/// so starting a message clears three bytes, not five values. Spans, nearly every value, are kept apart from the
/// values still to be made, so that writing them into the record is one store each.
struct ActivityFields {
    /// The span of each field whose bit is in ``offered`` and not in ``made``.
    private(set) var spans = PerField(TextSpan(start: 0, end: 0))
    /// The value of each field whose bit is in ``made``.
    private(set) var madeValues = PerField(ExtractedValue.span(TextSpan(start: 0, end: 0)))
    /// Fields set, one bit each.
    private(set) var filled: UInt8 = 0
    /// Fields set by ``offer(_:_:)``, whose values are still to be written into the record, one bit each.
    private(set) var offered: UInt8 = 0
    /// The offered fields whose value is made when it is written (in ``madeValues``), one bit each.
    private(set) var made: UInt8 = 0

    /// Forgets every value, for the next message.
    @inline(__always)
    mutating func reset() {
        (self.filled, self.offered, self.made) = (0, 0, 0)
    }

    /// `true` once every field has a value.
    var isComplete: Bool { self.filled == 0x1F }

    /// Whether `field` has a value.
    func has(_ field: ActivityField) -> Bool { self.filled & (1 << field.rawValue) != 0 }

    /// Gives `field` the value `value` unless it has one.
    @inline(__always)
    mutating func offer(_ field: ActivityField, _ value: ExtractedValue?) {
        guard let value, !self.has(field) else { return }
        self.filled |= 1 << field.rawValue
        self.offered |= 1 << field.rawValue
        if case .span(let span) = value {
            self.spans[field] = span
        } else {
            self.made |= 1 << field.rawValue
            self.madeValues[field] = value
        }
    }

    /// Marks the fields of `mask` (one bit each) as set by values the record already holds (the SD mapping's), which
    /// need no writing.
    @inline(__always)
    mutating func keep(_ mask: UInt8) {
        self.filled |= mask
    }

    /// Offers a span, unless it is empty.
    @inline(__always)
    mutating func offer(_ field: ActivityField, span: TextSpan?) {
        guard let span, !span.isEmpty else { return }
        self.offer(field, .span(span))
    }

    /// The span offered for `field`, if its value is one.
    @inline(__always)
    func span(_ field: ActivityField) -> TextSpan? {
        let bit: UInt8 = 1 << field.rawValue
        return self.offered & ~self.made & bit != 0 ? self.spans[field] : nil
    }

    /// The value still to be made for `field`.
    func madeValue(_ field: ActivityField) -> ExtractedValue? {
        self.made & (1 << field.rawValue) != 0 ? self.madeValues[field] : nil
    }

    /// One value per activity field.
    struct PerField<Value> {
        private var values: (Value, Value, Value, Value, Value)

        init(_ value: Value) {
            self.values = (value, value, value, value, value)
        }

        subscript(field: ActivityField) -> Value {
            get {
                switch field {
                case .user: self.values.0
                case .event: self.values.1
                case .resource: self.values.2
                case .outcome: self.values.3
                case .client: self.values.4
                }
            }
            set {
                switch field {
                case .user: self.values.0 = newValue
                case .event: self.values.1 = newValue
                case .resource: self.values.2 = newValue
                case .outcome: self.values.3 = newValue
                case .client: self.values.4 = newValue
                }
            }
        }
    }
}
