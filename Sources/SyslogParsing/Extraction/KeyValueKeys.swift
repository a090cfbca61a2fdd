import ActivityModel

/// The keys the `key=value` stage reads, classified once each: a key of ``KeyValueMapping/candidates`` (its field and
/// rank) and, or, a key of ``FortiGateRecognizer/Key``. Looking a key up is one hash and, almost always, one
/// comparison of eight bytes.
enum KeyValueKeys {
    /// What a key is to the stage.
    struct Entry {
        /// The key's last eight bytes (or all of them), in lower case, its first byte in the low byte; 0 for a free
        /// slot (a key byte is never 0).
        var word: UInt64 = 0
        var name: StaticString = ""
        /// The field the key is a candidate for (its raw value), or -1.
        var field: Int8 = -1
        /// The key's place in the field's candidates.
        var rank: Int8 = 0
        /// The FortiGate key it is (its raw value), or -1.
        var fortiGate: Int8 = -1
    }

    /// The entries in 128 slots by ``slot(_:)`` (linear probing; the multiplier gives each key a slot of its own).
    static let table: [Entry] = {
        var table = [Entry](repeating: Entry(), count: 128)
        func place(_ name: StaticString, _ update: (inout Entry) -> Void) {
            let word = Self.word(name.utf8Start, from: 0, to: name.utf8CodeUnitCount)
            var slot = Self.slot(word)
            while table[slot].word != 0, !Self.equal(table[slot].name, name) { slot = (slot + 1) & 127 }
            table[slot].word = word
            table[slot].name = name
            update(&table[slot])
        }
        for (field, names) in KeyValueMapping.candidates {
            for (rank, name) in names.enumerated() {
                place(name) { ($0.field, $0.rank) = (Int8(field.rawValue), Int8(rank)) }
            }
        }
        for key in FortiGateRecognizer.Key.allCases {
            place(key.name) { $0.fortiGate = Int8(key.rawValue) }
        }
        return table
    }()

    private static func equal(_ first: StaticString, _ second: StaticString) -> Bool {
        first.utf8CodeUnitCount == second.utf8CodeUnitCount
            && (0..<first.utf8CodeUnitCount).allSatisfy { first.utf8Start[$0] == second.utf8Start[$0] }
    }

    @inline(__always)
    private static func slot(_ word: UInt64) -> Int { Int(truncatingIfNeeded: (word &* 0x2B28_FEF0_2B9C_014F) &>> 57) }

    /// The word of the key `start..<end` of `bytes` (its last eight bytes, lower case).
    @inline(__always)
    static func word(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
        let count = min(end &- start, 8)
        if end >= 8 {
            // One load of the eight bytes that end the key, shifted down to the key's.
            let shift = UInt64(truncatingIfNeeded: 64 &- 8 &* count)
            let raw = UnsafeRawPointer(bytes + end - 8).loadUnaligned(as: UInt64.self).littleEndian
            return (raw | 0x2020_2020_2020_2020) &>> shift
        }
        var word: UInt64 = 0
        for offset in 0..<count { word |= UInt64(bytes[end - count + offset] | 0x20) &<< UInt64(8 * offset) }
        return word
    }

    /// The entry of the key `start..<end`, if it is one the stage reads.
    @inline(__always)
    static func entry(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to end: Int,
        in table: UnsafeBufferPointer<Entry>
    ) -> Entry? {
        let word = Self.word(bytes.baseAddress!, from: start, to: end)
        var slot = Self.slot(word)
        while table[slot].word != 0 {
            let entry = table[slot]
            if entry.word == word, entry.name.utf8CodeUnitCount == end - start,
                end - start <= 8 || KeyValueMapping.keyEquals(TextSpan(start: start, end: end), entry.name, bytes)
            {
                return entry
            }
            slot = (slot + 1) & 127
        }
        return nil
    }
}
