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
/// Most values are the message's own bytes (a span); the rest are made when the record is filled: a word of the
/// activity vocabulary, two spans joined (a flow's `DST:PORT`), a value whose backslash escapes are removed, or an
/// operator's constant. Every case is plain data (no reference), so the fields are copied as bytes, without
/// reference counting, on the per-message path.
enum ExtractedValue {
    /// The bytes of the record as they are.
    case span(TextSpan)
    /// A word of the vocabulary (`login`, `failure`, …).
    case word(StaticString)
    /// `first:second`.
    case joined(TextSpan, TextSpan)
    /// The span with its backslash escapes removed (`\"`, `\\`, `\=`, and `\n` as a line feed).
    case unescaped(TextSpan)
    /// A constant of an `extract` rule: the rule's index and the constant's.
    case constant(rule: Int, index: Int)
}

/// The activity fields found so far; a field keeps the first value any source offers (sources run in priority
/// order: operator rules, SD mapping, recognizers, key=value pairs).
struct ActivityFields {
    private(set) var values: (ExtractedValue?, ExtractedValue?, ExtractedValue?, ExtractedValue?, ExtractedValue?) = (
        nil, nil, nil, nil, nil
    )
    /// Fields set, one bit each.
    private(set) var filled: UInt8 = 0
    /// Fields set by ``offer(_:_:)``, whose values are still to be written into the record, one bit each.
    private(set) var offered: UInt8 = 0

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
        switch field {
        case .user: self.values.0 = value
        case .event: self.values.1 = value
        case .resource: self.values.2 = value
        case .outcome: self.values.3 = value
        case .client: self.values.4 = value
        }
    }

    /// Marks `field` as set by a value the record already holds (the SD mapping's), which needs no writing.
    mutating func keep(_ field: ActivityField) {
        self.filled |= 1 << field.rawValue
    }

    /// Offers a span, unless it is empty.
    @inline(__always)
    mutating func offer(_ field: ActivityField, span: TextSpan?) {
        guard let span, !span.isEmpty else { return }
        self.offer(field, .span(span))
    }

    /// The value of `field`.
    func value(_ field: ActivityField) -> ExtractedValue? {
        switch field {
        case .user: self.values.0
        case .event: self.values.1
        case .resource: self.values.2
        case .outcome: self.values.3
        case .client: self.values.4
        }
    }
}
