extension ProxyProtocolHeader {
    /// Version 2: a 16-byte block (signature, version and command, family and transport, length), then the
    /// addresses and TLV fields the length covers. TLVs are checked to fit the header and otherwise skipped.
    enum Version2 {
        static let signature: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A]
        /// Signature, version and command, family and transport, and the 16-bit length.
        static let fixedLength = 16

        private enum Command: UInt8 {
            case local = 0
            case proxy = 1
        }

        /// The address families, by the high nibble of the 14th byte.
        private enum Family: UInt8 {
            case unspecified = 0
            case inet = 1
            case inet6 = 2
            case unix = 3

            /// The bytes of the address block: two addresses, and two ports for IPv4 and IPv6.
            var addressLength: Int {
                switch self {
                case .unspecified: 0
                case .inet: 12
                case .inet6: 36
                case .unix: 216
                }
            }
        }

        static func parse(_ bytes: UnsafeRawBufferPointer) -> Parse {
            guard let isWhole = ProxyProtocolHeader.matches(bytes, signature: Self.signature) else { return .missing }
            guard isWhole, bytes.count >= Self.fixedLength else { return .incomplete }
            let versionAndCommand = bytes[12]
            guard versionAndCommand >> 4 == 2 else {
                return .malformed(reason: "version \(versionAndCommand >> 4) in a version 2 signature")
            }
            guard let command = Command(rawValue: versionAndCommand & 0x0F) else {
                return .malformed(reason: "command \(versionAndCommand & 0x0F), neither LOCAL nor PROXY")
            }
            let payloadLength = Int(bytes[14]) << 8 | Int(bytes[15])
            let maximum = ProxyProtocolHeader.maximumV2PayloadLength
            guard payloadLength <= maximum else {
                return .malformed(reason: "\(payloadLength) address and TLV bytes, more than \(maximum)")
            }
            let length = Self.fixedLength + payloadLength
            guard bytes.count >= length else { return .incomplete }
            // LOCAL: the balancer's own connection (a health check); the block is skipped whatever it holds.
            guard command == .proxy else { return .header(ProxyProtocolHeader(version: .v2), length: length) }
            let familyAndTransport = bytes[13]
            guard let family = Family(rawValue: familyAndTransport >> 4), familyAndTransport & 0x0F <= 2 else {
                return .malformed(reason: "family and transport 0x\(String(familyAndTransport, radix: 16))")
            }
            guard payloadLength >= family.addressLength else {
                return .malformed(reason: "\(payloadLength) bytes, too few for the addresses of its family")
            }
            let payload = UnsafeRawBufferPointer(rebasing: bytes[Self.fixedLength..<length])
            guard family != .unspecified else {
                // The receiver ignores an unspecified block, TLVs and all.
                return .header(ProxyProtocolHeader(version: .v2), length: length)
            }
            guard Self.tlvsFit(UnsafeRawBufferPointer(rebasing: payload[family.addressLength...])) else {
                return .malformed(reason: "a TLV field that runs past the end of the header")
            }
            return .header(Self.header(payload, family: family), length: length)
        }

        private static func header(_ payload: UnsafeRawBufferPointer, family: Family) -> ProxyProtocolHeader {
            let size =
                switch family {
                case .inet: 4
                case .inet6: 16
                case .unspecified, .unix: 0
                }
            // A UNIX socket's path is no network address: the connection's own addresses stay.
            guard size > 0 else { return ProxyProtocolHeader(version: .v2) }
            let port = { (offset: Int) in Int(payload[offset]) << 8 | Int(payload[offset + 1]) }
            return ProxyProtocolHeader(
                version: .v2,
                source: Endpoint(address: Array(payload[0..<size]), port: port(2 * size)),
                destination: Endpoint(address: Array(payload[size..<(2 * size)]), port: port(2 * size + 2))
            )
        }

        /// Whether the TLV fields (type, 16-bit length, value) exactly fill `bytes`.
        private static func tlvsFit(_ bytes: UnsafeRawBufferPointer) -> Bool {
            var offset = 0
            while offset < bytes.count {
                guard bytes.count - offset >= 3 else { return false }
                let valueLength = Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2])
                offset += 3 + valueLength
            }
            return offset == bytes.count
        }
    }
}
