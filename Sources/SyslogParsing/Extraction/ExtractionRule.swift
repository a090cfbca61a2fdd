import ActivityModel

/// An operator's `extract` rule: a pattern that must match the whole `msg`, optionally only for one `app`, and
/// constants for fields.
///
/// ```
/// extract app=shop "order %resource% placed by %user%" event=order-placed outcome=success
/// ```
///
/// The text is matched from its first word, and spaces that start the pattern are passed over: a relay may have
/// kept a space before the text, and `sudo` indents its lines. Literal text matches itself, and a run of spaces in
/// the pattern matches a run of one or more spaces. A
/// placeholder (`%user%`, `%event%`, `%resource%`, `%outcome%`, `%client%`, or `%-%` to skip) takes the shortest
/// non-empty text up to the next literal, or the rest at the end; `%%` is a literal `%`. Matching never backtracks:
/// its work is at most the message's length times the pattern's tokens.
public struct ExtractionRule: Sendable, Equatable {
    /// A piece of a compiled pattern.
    enum Token: Sendable, Equatable {
        /// Bytes that must be there.
        case literal([UInt8])
        /// One or more spaces.
        case spaces
        /// Text for a field; `nil` for `%-%`.
        case capture(ActivityField?)
    }

    /// Why a rule was refused.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        /// The offending part.
        public var value: String
        /// What would be accepted.
        public var expected: String

        public var description: String { "'\(self.value)': expected \(self.expected)" }
    }

    /// The app the rule is narrowed to, if any.
    public let app: [UInt8]?
    let tokens: [Token]
    /// Fields the rule sets when it matches.
    let constants: [(field: ActivityField, value: [UInt8])]

    /// Compiles a rule.
    ///
    /// - Throws: ``Problem`` for an unknown placeholder, an unclosed `%`, two placeholders with no text between them,
    ///   an empty pattern, or a constant for a field that does not exist.
    public init(app: String?, pattern: String, constants: [(field: String, value: String)]) throws(Problem) {
        self.app = app.map { Array($0.utf8) }
        self.tokens = try Self.compile(Array(pattern.utf8))
        var fields: [(field: ActivityField, value: [UInt8])] = []
        for (name, value) in constants {
            guard let field = ActivityField(name: name) else {
                throw Problem(
                    value: "\(name)=\(value)",
                    expected: "FIELD=VALUE with FIELD one of user, event, resource, outcome, client"
                )
            }
            guard !value.isEmpty else { throw Problem(value: "\(name)=", expected: "a value after '='") }
            fields.append((field, Array(value.utf8)))
        }
        self.constants = fields
    }

    public static func == (lhs: ExtractionRule, rhs: ExtractionRule) -> Bool {
        lhs.app == rhs.app && lhs.tokens == rhs.tokens && lhs.constants.elementsEqual(rhs.constants) { $0 == $1 }
    }

    private static func compile(_ pattern: [UInt8]) throws(Problem) -> [Token] {
        var tokens: [Token] = []
        var literal: [UInt8] = []
        func flush() {
            if !literal.isEmpty { tokens.append(.literal(literal)) }
            literal.removeAll()
        }
        var index = 0
        while index < pattern.count {
            let byte = pattern[index]
            if byte == UInt8(ascii: " ") {
                flush()
                // Spaces that start the pattern match nothing: the text is read from its first word.
                if let last = tokens.last, last != .spaces { tokens.append(.spaces) }
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "%") else {
                literal.append(byte)
                index += 1
                continue
            }
            guard let close = pattern[(index + 1)...].firstIndex(of: UInt8(ascii: "%")) else {
                throw Problem(
                    value: String(decoding: pattern, as: UTF8.self),
                    expected: "a closing '%' after the '%' at \(index + 1)"
                )
            }
            let name = String(decoding: pattern[(index + 1)..<close], as: UTF8.self)
            index = close + 1
            if name.isEmpty {
                literal.append(UInt8(ascii: "%"))
                continue
            }
            let field = ActivityField(name: name)
            guard field != nil || name == "-" else {
                throw Problem(value: "%\(name)%", expected: "%user%, %event%, %resource%, %outcome%, %client% or %-%")
            }
            flush()
            if case .capture = tokens.last {
                throw Problem(value: "%\(name)%", expected: "text between two placeholders")
            }
            tokens.append(.capture(field))
        }
        flush()
        guard !tokens.isEmpty else { throw Problem(value: "", expected: "a non-empty pattern") }
        return tokens
    }

    /// Matches `text` (the whole msg) and offers the captures and constants to `fields`.
    ///
    /// - Parameters:
    ///   - index: The rule's place in the list, which its constants' values refer to.
    ///   - captures: Scratch space, reused from message to message so that matching allocates nothing.
    /// - Returns: Whether the rule matched.
    func apply(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ text: TextSpan,
        index: Int,
        captures: inout [(ActivityField, TextSpan)],
        into fields: inout ActivityFields
    ) -> Bool {
        captures.removeAll(keepingCapacity: true)
        guard self.match(bytes, text, captures: &captures) else { return false }
        for (field, span) in captures { fields.offer(field, span: span) }
        for (position, constant) in self.constants.enumerated() {
            fields.offer(constant.field, .constant(rule: index, index: position))
        }
        return true
    }

    private func match(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ text: TextSpan,
        captures: inout [(ActivityField, TextSpan)]
    ) -> Bool {
        var position = text.start
        let end = text.end
        for (index, token) in self.tokens.enumerated() {
            switch token {
            case .literal(let literal):
                guard Self.starts(bytes, at: position, end: end, with: literal) else { return false }
                position += literal.count
            case .spaces:
                guard position < end, bytes[position] == UInt8(ascii: " ") else { return false }
                while position < end, bytes[position] == UInt8(ascii: " ") { position += 1 }
            case .capture(let field):
                guard position < end else { return false }
                let stop: Int
                if index + 1 == self.tokens.count {
                    stop = end
                } else {
                    guard let found = Self.find(self.tokens[index + 1], bytes, from: position + 1, end: end) else {
                        return false
                    }
                    stop = found
                }
                if let field { captures.append((field, TextSpan(start: position, end: stop))) }
                position = stop
            }
        }
        return position == end
    }

    private static func starts(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at index: Int,
        end: Int,
        with literal: [UInt8]
    )
        -> Bool
    {
        guard index + literal.count <= end else { return false }
        for offset in 0..<literal.count where bytes[index + offset] != literal[offset] { return false }
        return true
    }

    /// The first index at or after `start` where `token` (a literal or spaces) begins.
    private static func find(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int? {
        switch token {
        case .literal(let literal):
            var index = start
            while index + literal.count <= end {
                if Self.starts(bytes, at: index, end: end, with: literal) { return index }
                index += 1
            }
            return nil
        case .spaces:
            var index = start
            while index < end {
                if bytes[index] == UInt8(ascii: " ") { return index }
                index += 1
            }
            return nil
        case .capture:
            return nil
        }
    }
}
