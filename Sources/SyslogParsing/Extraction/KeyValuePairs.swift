import ActivityModel

/// The `key=value` pairs of a message's text, as FortiGate, auditd and many appliances write them: a key is a run
/// of letters, digits, `_`, `-` and `.` after a space (or the start); a value is `"quoted"` (with `\"` escapes),
/// `'quoted'`, or runs to the next space. Inside auditd's `msg='…'` the pairs count too, and an unquoted value there
/// ends at the closing `'`.
///
/// Reading counts the pairs (up to ``capacity``) and keeps only what the stage uses (``KeyValueKeys``): per field,
/// the value of its best candidate key that is present and not empty; per FortiGate key, the value of its first pair.
/// It is one pass, bounded by the text's length, that allocates nothing; an unquoted value no one reads is not
/// scanned at all.
struct KeyValuePairs {
    /// A value kept.
    struct Value {
        /// The value without its quotes.
        var span: TextSpan
        /// The value was `"quoted"` and holds a backslash.
        var hasEscapes: Bool
    }

    /// The most pairs read from one message.
    static let capacity = 64

    /// How many pairs the last ``read(_:_:skipping:)`` found, and which values it kept.
    private var summary = Summary()
    /// The values kept: each slot's start, then its end. (An array, so the extractor holding it stays small.)
    private var bounds = [Int](repeating: 0, count: 2 * Self.slotCount)
    /// A slot per field's candidate, then one per FortiGate key (at most 16: ``Summary/kept`` has a bit for each).
    private static let slotCount = 5 + FortiGateRecognizer.Key.allCases.count

    /// How many pairs the last ``read(_:_:skipping:)`` found.
    var count: Int { self.summary.count }

    /// The value of the best candidate key for `field`, if one is present and not empty (and `field` was not
    /// skipped).
    @inline(__always)
    func candidate(for field: ActivityField) -> Value? {
        self.value(at: field.rawValue)
    }

    /// The value of the first pair with FortiGate's key `key`.
    func value(of key: FortiGateRecognizer.Key) -> TextSpan? {
        self.value(at: 5 + key.rawValue)?.span
    }

    @inline(__always)
    private func value(at slot: Int) -> Value? {
        guard self.summary.kept & (1 << slot) != 0 else { return nil }
        return Value(
            span: TextSpan(start: self.bounds[2 * slot], end: self.bounds[2 * slot + 1]),
            hasEscapes: self.summary.escaped & (1 << slot) != 0
        )
    }

    /// Reads the pairs of `span`; the candidates of the fields set in `filled` (one bit each) are not kept.
    @inline(__always)
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, _ span: TextSpan, skipping filled: UInt8) {
        // Most texts hold no `=`: they are done before the key table is looked at.
        guard let first = ByteWords.firstIndex(of: UInt8(ascii: "="), in: bytes, from: span.start, to: span.end) else {
            self.summary = Summary()
            return
        }
        let table = KeyValueKeys.table
        self.summary = self.bounds.withUnsafeMutableBufferPointer { bounds in
            table.withUnsafeBufferPointer { table in
                Self.read(bytes, span, from: first, skipping: filled, table, into: bounds)
            }
        }
    }

    /// How many pairs were read, and which values were kept.
    private struct Summary {
        var count = 0
        /// One bit per value kept, at its slot: the fields' candidates (0–4, by field), then the FortiGate keys
        /// (from 5).
        var kept: UInt16 = 0
        /// The values kept that were `"quoted"` and hold a backslash, one bit per slot.
        var escaped: UInt16 = 0
        /// The rank of each field's candidate kept, four bits each.
        var ranks: UInt32 = 0

        func rank(_ field: Int) -> Int8 { Int8(truncatingIfNeeded: self.ranks &>> UInt32(4 * field) & 15) }

        /// Keeps `value` at `slot`, a candidate's with its rank or a FortiGate key's.
        @inline(__always)
        mutating func keep(_ value: Value, at slot: Int, rank: Int8 = 0, in bounds: UnsafeMutableBufferPointer<Int>) {
            self.kept |= 1 << slot
            self.escaped = value.hasEscapes ? self.escaped | 1 << slot : self.escaped & ~(1 << slot)
            if slot < 5 { self.ranks = self.ranks & ~(15 << (4 * slot)) | UInt32(rank) << (4 * slot) }
            bounds[2 * slot] = value.span.start
            bounds[2 * slot + 1] = value.span.end
        }
    }

    /// Reads the pairs of `span`, whose first `=` is at `first`, keeping values in `bounds`.
    ///
    /// A key must start the text, follow a space, follow a closing quote, open the inside of `msg='…'` or follow an
    /// `=` that began no key: never inside an unquoted value, which holds no space. So after a value no one reads,
    /// the next `=` is taken for a key's when a space comes before its key; otherwise the value's end is found, and
    /// the `=` is read as if the value had been scanned.
    private static func read(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ span: TextSpan,
        from first: Int,
        skipping filled: UInt8,
        _ table: UnsafeBufferPointer<KeyValueKeys.Entry>,
        into bounds: UnsafeMutableBufferPointer<Int>
    ) -> Summary {
        var summary = Summary()
        var index = span.start
        let end = span.end
        // Inside auditd's msg='…': where its closing quote is, which ends the unquoted values in it.
        var regionEnd = end
        // An unquoted value not scanned: the start of the part of it that may hold its end (a space, or `stop`);
        // -1 when there is none.
        var open = -1
        var openStop = end
        var found: Int? = first
        while summary.count < Self.capacity,
            let equals = found
                ?? ByteWords.firstIndex(of: UInt8(ascii: "="), in: bytes, from: index, to: end, near: true)
        {
            found = nil
            let keyStart = KeyValueText.keyStart(bytes, before: equals, from: index)
            // A key follows a space, or starts where reading is (the text's start, after a closing quote, inside
            // msg='…', after an `=` that began no key) unless that is inside a value not scanned.
            let isKey = keyStart < equals && (keyStart > index ? bytes[keyStart - 1] == ByteClass.space : open < 0)
            guard isKey else {
                if open >= 0 {
                    if let valueEnd = KeyValueText.unquotedEnd(bytes, from: open, to: min(equals, openStop)) {
                        // The value ended before this `=`: read on from its end.
                        (index, open) = (valueEnd, -1)
                        continue
                    }
                    if openStop < equals {
                        (index, open) = (openStop, -1)
                        continue
                    }
                    open = equals + 1
                }
                index = equals + 1
                continue
            }
            open = -1
            var (candidate, rank, fortiGate) = (-1, Int8(0), -1)
            if let entry = KeyValueKeys.entry(bytes, from: keyStart, to: equals, in: table) {
                let field = Int(entry.field)
                if field >= 0, filled & (1 << field) == 0,
                    summary.kept & (1 << field) == 0 || entry.rank < summary.rank(field)
                {
                    (candidate, rank) = (field, entry.rank)
                }
                if entry.fortiGate >= 0, summary.kept & (1 << (5 + Int(entry.fortiGate))) == 0 {
                    fortiGate = 5 + Int(entry.fortiGate)
                }
            }
            var valueStart = equals + 1
            let value: Value
            if valueStart < end, bytes[valueStart] == UInt8(ascii: "\"") {
                valueStart += 1
                let (valueEnd, hasEscapes) = KeyValueText.quotedEnd(bytes, from: valueStart, to: end)
                value = Value(span: TextSpan(start: valueStart, end: valueEnd), hasEscapes: hasEscapes)
                index = min(valueEnd + 1, end)
            } else if valueStart < end, bytes[valueStart] == UInt8(ascii: "'") {
                valueStart += 1
                // auditd: the pairs inside msg='…' are read as pairs of their own.
                if Self.isMessageKey(bytes, keyStart, equals) {
                    regionEnd = ByteWords.firstIndex(of: UInt8(ascii: "'"), in: bytes, from: valueStart, to: end) ?? end
                    index = valueStart
                    continue
                }
                let valueEnd = ByteWords.firstIndex(of: UInt8(ascii: "'"), in: bytes, from: valueStart, to: end) ?? end
                value = Value(span: TextSpan(start: valueStart, end: valueEnd), hasEscapes: false)
                index = min(valueEnd + 1, end)
            } else {
                let stop = valueStart <= regionEnd ? regionEnd : end
                guard candidate >= 0 || fortiGate >= 0 else {
                    // No one reads the value: its end is found only if a later `=` needs it.
                    summary.count += 1
                    (index, open, openStop) = (valueStart, valueStart, stop)
                    continue
                }
                let valueEnd = KeyValueText.unquotedEnd(bytes, from: valueStart, to: stop) ?? stop
                value = Value(span: TextSpan(start: valueStart, end: valueEnd), hasEscapes: false)
                index = valueEnd
            }
            summary.count += 1
            if candidate >= 0, let field = ActivityField(rawValue: candidate),
                !KeyValueMapping.isAbsent(value.span, field: field, bytes)
            {
                summary.keep(value, at: candidate, rank: rank, in: bounds)
            }
            if fortiGate >= 0 { summary.keep(value, at: fortiGate, in: bounds) }
        }
        return summary
    }

    private static func isMessageKey(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        end - start == 3 && bytes[start] | 0x20 == UInt8(ascii: "m") && bytes[start + 1] | 0x20 == UInt8(ascii: "s")
            && bytes[start + 2] | 0x20 == UInt8(ascii: "g")
    }
}
