/// Byte tests shared by the parsers. Messages are parsed as bytes; text is only made when a record is written.
enum ByteClass {
    static let space = UInt8(ascii: " ")

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }

    /// A byte of a `key=value` key: an ASCII letter, digit, `_`, `-` or `.`, and with `brackets` (CEF's keys) `[` and
    /// `]`. One bit per byte value in two masks, so the test is a shift, not seven comparisons.
    @inline(__always)
    static func isKeyByte(_ byte: UInt8, brackets: Bool = false) -> Bool {
        let below64: UInt64 = 0x03FF_6000_0000_0000  // `-`, `.`, `0`–`9`
        let from64: UInt64 = 0x07FF_FFFE_87FF_FFFE | (brackets ? 0x2800_0000 : 0)  // letters, `_`; `[`, `]`
        let mask = byte < 64 ? below64 : from64
        return byte < 0x80 && (mask >> UInt64(byte & 63)) & 1 != 0
    }

    /// PRINTUSASCII of RFC 5424: `!` (33) to `~` (126).
    @inline(__always)
    static func isPrintableASCII(_ byte: UInt8) -> Bool { byte &- 33 < 94 }

    /// Whether `byte` may be in a BSD HOSTNAME: letters, digits and `.-_:` (IPv6), and `/` (syslog-ng's
    /// `chain-hostnames`, `host/relay`; IOS XR's node, `RP/0/RP0/CPU0`).
    @inline(__always)
    static func isHostnameByte(_ byte: UInt8) -> Bool {
        ByteClass.isDigit(byte) || ByteClass.isASCIILetter(byte) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: "/")
    }

    /// Value of `count` decimal digits at `index`, or `nil` if any of them is not a digit or the bytes run out.
    @inline(__always)
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, count: Int) -> Int? {
        guard index >= 0, index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte &- UInt8(ascii: "0"))
        }
        return value
    }

    /// Index of the first space at or after `index`, or `bytes.count`.
    @inline(__always)
    static func endOfToken(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var position = index
        while position < bytes.count, bytes[position] != space { position += 1 }
        return position
    }

    /// Index after a UTF-8 byte order mark at `index`, or `index` when there is none.
    @inline(__always)
    static func skippingByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        if index + 3 <= bytes.count, bytes[index] == 0xEF, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
            return index + 3
        }
        return index
    }
}
