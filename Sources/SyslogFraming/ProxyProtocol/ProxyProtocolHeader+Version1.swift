#if canImport(Glibc)
import Glibc
#endif

extension ProxyProtocolHeader {
    /// Version 1: one line of text, `PROXY TCP4|TCP6 SOURCE DESTINATION SOURCE-PORT DESTINATION-PORT\r\n` or
    /// `PROXY UNKNOWN ...\r\n`, at most 107 bytes, with canonical addresses and ports without leading zeros.
    enum Version1 {
        static let signature = Array("PROXY ".utf8)
        private static let carriageReturn = UInt8(ascii: "\r")
        private static let lineFeed = UInt8(ascii: "\n")

        static func parse(_ bytes: UnsafeRawBufferPointer) -> Parse {
            guard let isWhole = ProxyProtocolHeader.matches(bytes, signature: Self.signature) else { return .missing }
            guard isWhole else { return .incomplete }
            let window = bytes.prefix(ProxyProtocolHeader.maximumV1Length)
            guard let lineFeed = window.firstIndex(of: Self.lineFeed) else {
                return window.count < ProxyProtocolHeader.maximumV1Length
                    ? .incomplete : .malformed(reason: "no CRLF within 107 bytes")
            }
            guard bytes[lineFeed - 1] == Self.carriageReturn else {
                return .malformed(reason: "a line feed without a carriage return before it")
            }
            let line = bytes[Self.signature.count..<(lineFeed - 1)]
            let fields = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
            let length = lineFeed + 1
            switch fields.first.map({ String(decoding: $0, as: UTF8.self) }) {
            case "UNKNOWN":
                // The receiver must ignore whatever comes before the CRLF.
                return .header(ProxyProtocolHeader(version: .v1), length: length)
            case "TCP4":
                return Self.addresses(fields, family: AF_INET, length: length)
            case "TCP6":
                return Self.addresses(fields, family: AF_INET6, length: length)
            default:
                return .malformed(reason: "a protocol other than TCP4, TCP6 or UNKNOWN")
            }
        }

        private static func addresses(_ fields: [Slice<UnsafeRawBufferPointer>], family: Int32, length: Int) -> Parse {
            guard fields.count == 5 else {
                return .malformed(reason: "not 4 fields separated by single spaces after the protocol")
            }
            guard let sourceAddress = Self.address(fields[1], family: family),
                let destinationAddress = Self.address(fields[2], family: family)
            else {
                return .malformed(reason: "an address that is not a canonical \(family == AF_INET ? "IPv4" : "IPv6")")
            }
            guard let sourcePort = Self.port(fields[3]), let destinationPort = Self.port(fields[4]) else {
                return .malformed(reason: "a port that is not a number from 0 to 65535 without leading zeros")
            }
            let header = ProxyProtocolHeader(
                version: .v1,
                source: Endpoint(address: sourceAddress, port: sourcePort),
                destination: Endpoint(address: destinationAddress, port: destinationPort)
            )
            return .header(header, length: length)
        }

        /// The bytes of an address literal of `family`; IPv4 must have exactly four parts without leading zeros.
        private static func address(_ text: Slice<UnsafeRawBufferPointer>, family: Int32) -> [UInt8]? {
            // The longest IPv6 literal, IPv4-mapped with a dotted quad, has 45 characters.
            guard !text.isEmpty, text.count <= 45 else { return nil }
            if family == AF_INET {
                let parts = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
                guard parts.count == 4, parts.allSatisfy({ Self.decimal($0, upTo: 255) != nil }) else { return nil }
            }
            var storage = in6_addr()
            let converted = (Array(text) + [0]).withUnsafeBufferPointer { cString in
                cString.withMemoryRebound(to: CChar.self) { inet_pton(family, $0.baseAddress, &storage) }
            }
            guard converted == 1 else { return nil }
            return withUnsafeBytes(of: storage) { Array($0.prefix(family == AF_INET ? 4 : 16)) }
        }

        private static func port(_ text: Slice<UnsafeRawBufferPointer>) -> Int? {
            Self.decimal(text, upTo: 65_535)
        }

        /// A decimal number of at most `maximum` without a leading zero (`0` itself is fine).
        private static func decimal(_ text: Slice<UnsafeRawBufferPointer>, upTo maximum: Int) -> Int? {
            guard !text.isEmpty, text.count <= 5, text.count == 1 || text.first != UInt8(ascii: "0") else { return nil }
            var value = 0
            for byte in text {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value <= maximum ? value : nil
        }
    }
}
