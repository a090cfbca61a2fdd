import Testing

@testable import SyslogFraming

/// The PROXY protocol header parser, table by table: what each header says, what is refused and why, and that
/// nothing is decided before the bytes decide it.
struct ProxyProtocolHeaderTests {
    typealias Endpoint = ProxyProtocolHeader.Endpoint

    private static let signature: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A]

    /// A version 2 header: signature, version 2 with `command`, `family`, the length, then `payload`.
    private static func v2(command: UInt8 = 1, family: UInt8, _ payload: [UInt8]) -> [UInt8] {
        Self.signature + [0x20 | command, family, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] + payload
    }

    private static func ports(_ source: Int, _ destination: Int) -> [UInt8] {
        [UInt8(source >> 8), UInt8(source & 0xFF), UInt8(destination >> 8), UInt8(destination & 0xFF)]
    }

    private static let ipv6Source: [UInt8] = [0x20, 0x01, 0x0D, 0xB8] + Array(repeating: 0, count: 11) + [7]
    private static let ipv6Destination: [UInt8] = [0x20, 0x01, 0x0D, 0xB8] + Array(repeating: 0, count: 11) + [1]

    private func parse(_ bytes: [UInt8]) -> ProxyProtocolHeader.Parse {
        bytes.withUnsafeBytes { ProxyProtocolHeader.parse($0) }
    }

    // MARK: headers that parse

    static let headers: [(name: String, bytes: [UInt8], header: ProxyProtocolHeader, length: Int)] = [
        (
            "v1 TCP4", Array("PROXY TCP4 192.0.2.7 198.51.100.1 40000 601\r\n<13>hi\n".utf8),
            ProxyProtocolHeader(
                version: .v1,
                source: Endpoint(address: [192, 0, 2, 7], port: 40_000),
                destination: Endpoint(address: [198, 51, 100, 1], port: 601)
            ), 45
        ),
        (
            "v1 TCP6", Array("PROXY TCP6 2001:db8::7 2001:DB8::1 0 65535\r\n".utf8),
            ProxyProtocolHeader(
                version: .v1,
                source: Endpoint(address: ipv6Source, port: 0),
                destination: Endpoint(address: ipv6Destination, port: 65_535)
            ), 44
        ),
        ("v1 UNKNOWN", Array("PROXY UNKNOWN\r\n".utf8), ProxyProtocolHeader(version: .v1), 15),
        (
            "v1 UNKNOWN with addresses, which are ignored",
            Array("PROXY UNKNOWN ffff:f::1 ffff:f::2 65535 65535\r\nx".utf8), ProxyProtocolHeader(version: .v1), 47
        ),
        (
            "v2 PROXY IPv4", v2(family: 0x11, [192, 0, 2, 7, 198, 51, 100, 1] + ports(40_000, 601)) + [0x3C],
            ProxyProtocolHeader(
                version: .v2,
                source: Endpoint(address: [192, 0, 2, 7], port: 40_000),
                destination: Endpoint(address: [198, 51, 100, 1], port: 601)
            ), 28
        ),
        (
            "v2 PROXY IPv6 over UDP", v2(family: 0x22, ipv6Source + ipv6Destination + ports(1, 2)),
            ProxyProtocolHeader(
                version: .v2,
                source: Endpoint(address: ipv6Source, port: 1),
                destination: Endpoint(address: ipv6Destination, port: 2)
            ), 52
        ),
        (
            "v2 PROXY IPv4 with TLVs (ALPN, SSL, NOOP), skipped",
            v2(
                family: 0x11,
                [10, 0, 0, 1, 10, 0, 0, 2] + ports(5, 6) + [0x01, 0, 2, 0x68, 0x32] + [0x20, 0, 5, 1, 0, 0, 0, 0]
                    + [0x04, 0, 0]
            ),
            ProxyProtocolHeader(
                version: .v2,
                source: Endpoint(address: [10, 0, 0, 1], port: 5),
                destination: Endpoint(address: [10, 0, 0, 2], port: 6)
            ), 16 + 12 + 5 + 8 + 3
        ),
        (
            "v2 LOCAL keeps the connection's addresses", v2(command: 0, family: 0x00, []),
            ProxyProtocolHeader(version: .v2), 16
        ),
        (
            "v2 LOCAL skips whatever block it has", v2(command: 0, family: 0x11, Array(repeating: 0xFF, count: 20)),
            ProxyProtocolHeader(version: .v2), 36
        ),
        (
            "v2 PROXY UNSPEC keeps the connection's addresses", v2(family: 0x00, [1, 2, 3]),
            ProxyProtocolHeader(version: .v2), 19
        ),
        (
            "v2 PROXY AF_UNIX keeps the connection's addresses", v2(family: 0x31, Array(repeating: 0x2F, count: 216)),
            ProxyProtocolHeader(version: .v2), 232
        ),
    ]

    @Test(arguments: Self.headers)
    func aHeaderParsesToItsAddressesAndLength(
        name: String,
        bytes: [UInt8],
        header: ProxyProtocolHeader,
        length: Int
    ) {
        #expect(self.parse(bytes) == .header(header, length: length), "\(name)")
    }

    @Test(arguments: Self.headers)
    func everyShorterPrefixOfAHeaderIsIncomplete(
        name: String,
        bytes: [UInt8],
        header: ProxyProtocolHeader,
        length: Int
    ) {
        for cut in 0..<length {
            #expect(self.parse(Array(bytes[..<cut])) == .incomplete, "\(name) cut at \(cut)")
        }
    }

    // MARK: connections without a header

    static let missing: [(name: String, bytes: [UInt8])] = [
        ("RFC 5424 syslog", Array("<13>1 - - - - - - hello\n".utf8)),
        ("octet-counted syslog", Array("24 <13>1 - - - - - - hello".utf8)),
        ("a word starting with P", Array("PROXIMITY alert\n".utf8)),
        ("PROXY without its space", Array("PROXY\r\n".utf8)),
        ("lower case", Array("proxy TCP4 1.2.3.4 1.2.3.4 1 2\r\n".utf8)),
        ("a bad v2 signature", [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x58]),
        ("a TLS ClientHello", [0x16, 0x03, 0x01, 0x00, 0xF4]),
        ("a CRLF line", Array("\r\nhello".utf8)),
    ]

    @Test(arguments: Self.missing)
    func bytesWithoutASignatureAreMissingAHeader(name: String, bytes: [UInt8]) {
        #expect(self.parse(bytes) == .missing, "\(name)")
    }

    // MARK: malformed headers

    static let malformed: [(name: String, bytes: [UInt8], reason: String)] = [
        ("v1 LF without CR", Array("PROXY TCP4 1.2.3.4 5.6.7.8 1 2\n".utf8), "a line feed without a carriage return"),
        ("v1 no CRLF in 107 bytes", Array("PROXY UNKNOWN ".utf8) + Array(repeating: 0x41, count: 93), "no CRLF"),
        ("v1 over-long TCP6 line", Array("PROXY TCP6 ".utf8) + Array(repeating: 0x3A, count: 110), "no CRLF"),
        ("v1 TCP5", Array("PROXY TCP5 1.2.3.4 5.6.7.8 1 2\r\n".utf8), "a protocol other than"),
        ("v1 empty protocol", Array("PROXY \r\n".utf8), "a protocol other than"),
        ("v1 two spaces", Array("PROXY TCP4  1.2.3.4 5.6.7.8 1 2\r\n".utf8), "4 fields"),
        ("v1 missing port", Array("PROXY TCP4 1.2.3.4 5.6.7.8 1\r\n".utf8), "4 fields"),
        ("v1 extra field", Array("PROXY TCP4 1.2.3.4 5.6.7.8 1 2 3\r\n".utf8), "4 fields"),
        ("v1 IPv6 on TCP4", Array("PROXY TCP4 ::1 ::1 1 2\r\n".utf8), "canonical IPv4"),
        ("v1 IPv4 on TCP6", Array("PROXY TCP6 1.2.3.4 5.6.7.8 1 2\r\n".utf8), "canonical IPv6"),
        ("v1 octet over 255", Array("PROXY TCP4 1.2.3.256 5.6.7.8 1 2\r\n".utf8), "canonical IPv4"),
        ("v1 leading zero in address", Array("PROXY TCP4 1.2.3.04 5.6.7.8 1 2\r\n".utf8), "canonical IPv4"),
        ("v1 three octets", Array("PROXY TCP4 1.2.3 5.6.7.8 1 2\r\n".utf8), "canonical IPv4"),
        ("v1 port over 65535", Array("PROXY TCP4 1.2.3.4 5.6.7.8 65536 2\r\n".utf8), "a port"),
        ("v1 port with leading zero", Array("PROXY TCP4 1.2.3.4 5.6.7.8 01 2\r\n".utf8), "a port"),
        ("v1 negative port", Array("PROXY TCP4 1.2.3.4 5.6.7.8 -1 2\r\n".utf8), "a port"),
        ("v1 NUL in address", Array("PROXY TCP4 1.2.3.4\u{0} 5.6.7.8 1 2\r\n".utf8), "canonical IPv4"),
        ("v2 version 1", Self.signature + [0x11, 0x11, 0, 0], "version 1"),
        ("v2 command 2", Self.signature + [0x22, 0x11, 0, 0], "command 2"),
        ("v2 family 4", Self.v2(family: 0x41, Array(repeating: 0, count: 12)), "family and transport 0x41"),
        ("v2 transport 3", Self.v2(family: 0x13, Array(repeating: 0, count: 12)), "family and transport 0x13"),
        ("v2 IPv4 block too short", Self.v2(family: 0x11, Array(repeating: 0, count: 11)), "too few"),
        ("v2 IPv6 block too short", Self.v2(family: 0x21, Array(repeating: 0, count: 35)), "too few"),
        ("v2 UNIX block too short", Self.v2(family: 0x31, Array(repeating: 0, count: 215)), "too few"),
        (
            "v2 TLV past the end", Self.v2(family: 0x11, Array(repeating: 0, count: 12) + [0x04, 0, 9, 1]),
            "a TLV field"
        ),
        ("v2 TLV header cut", Self.v2(family: 0x11, Array(repeating: 0, count: 12) + [0x04, 0]), "a TLV field"),
        ("v2 oversized", Self.signature + [0x21, 0x11, 0x10, 0x01], "4097 address and TLV bytes"),
        ("v2 largest length", Self.signature + [0x21, 0x11, 0xFF, 0xFF], "65535 address and TLV bytes"),
    ]

    @Test(arguments: Self.malformed)
    func aMalformedHeaderIsRefusedWithItsReason(name: String, bytes: [UInt8], reason: String) {
        guard case .malformed(let actual) = self.parse(bytes) else {
            Issue.record("\(name): \(self.parse(bytes))")
            return
        }
        #expect(actual.contains(reason), "\(name): \(actual)")
    }

    @Test func theLongestV1LineParsesAndOneByteMoreDoesNot() {
        let address = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"
        let longest = "PROXY UNKNOWN \(address) \(address) 65535 65535\r\n"
        #expect(longest.utf8.count == ProxyProtocolHeader.maximumV1Length)
        #expect(self.parse(Array(longest.utf8)) == .header(ProxyProtocolHeader(version: .v1), length: 107))
        let tooLong = Array(longest.utf8.dropLast(2)) + Array(" \r\n".utf8)
        #expect(self.parse(tooLong) == .malformed(reason: "no CRLF within 107 bytes"))
    }

    @Test func theLargestV2HeaderIsWaitedForAndOneByteMoreIsRefusedAtOnce() {
        let payload = Array(repeating: UInt8(0), count: 12) + [0x04] + [0x0F, 0xF1] + Array(repeating: 0, count: 4081)
        let largest = Self.v2(family: 0x11, payload)
        #expect(largest.count == ProxyProtocolHeader.maximumLength)
        #expect(self.parse(Array(largest.dropLast())) == .incomplete)
        guard case .header(_, let length) = self.parse(largest) else {
            Issue.record("the largest header does not parse")
            return
        }
        #expect(length == ProxyProtocolHeader.maximumLength)
        // Refused from its first 16 bytes: nothing of the announced length is waited for.
        guard case .malformed = self.parse(Self.signature + [0x21, 0x11, 0x10, 0x01]) else {
            Issue.record("an oversized length is not refused at once")
            return
        }
    }
}
