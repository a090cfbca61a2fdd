/// The STRUCTURED-DATA of a record, canonical for output (RFC 5424 §6.3).
///
/// Elements are unique by SD-ID in order of first appearance (an SD-ID repeated in one message, which RFC 5424
/// forbids but senders do, is merged into its first element). Inside an element, parameters are unique by
/// PARAM-NAME in order of first appearance, and each holds its values in message order; a name with more than one
/// value is written as a JSON array. The arrays are flat and reused across messages, so a record that is
/// parsed into again and again does not allocate.
public struct StructuredData: Sendable {
    /// One SD-ELEMENT: its SD-ID and the range of its parameters in ``params``.
    public struct Element: Sendable, Equatable {
        /// The SD-ID.
        public var id: TextSpan
        /// Indices into ``StructuredData/params``.
        public var params: Range<Int>

        /// Creates an element.
        public init(id: TextSpan, params: Range<Int>) {
            self.id = id
            self.params = params
        }
    }

    /// One PARAM-NAME with every value it was given in its element, in message order.
    public struct Param: Sendable, Equatable {
        /// The PARAM-NAME.
        public var name: TextSpan
        /// Indices into ``StructuredData/values``.
        public var values: Range<Int>

        /// Creates a parameter.
        public init(name: TextSpan, values: Range<Int>) {
            self.name = name
            self.values = values
        }
    }

    /// Elements in order of first appearance.
    public var elements: [Element] = []
    /// Parameters of all elements, grouped by element.
    public var params: [Param] = []
    /// Values of all parameters, grouped by parameter.
    public var values: [TextSpan] = []

    /// Creates empty structured data.
    public init() {}

    /// `true` when the message had no SD-ELEMENT (NILVALUE, malformed SD, or a format without SD).
    @inlinable
    public var isEmpty: Bool { self.elements.isEmpty }

    /// Empties the arrays, keeping their storage for the next message.
    public mutating func removeAll() {
        guard !self.elements.isEmpty || !self.params.isEmpty || !self.values.isEmpty else { return }
        self.elements.removeAll(keepingCapacity: true)
        self.params.removeAll(keepingCapacity: true)
        self.values.removeAll(keepingCapacity: true)
    }
}
