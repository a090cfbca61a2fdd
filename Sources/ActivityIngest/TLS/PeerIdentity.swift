/// Who a client certificate names: its DNS subject alternative names and its subject common name, as RFC 5425 §5.2
/// uses them to authorise a peer.
public struct PeerIdentity: Equatable, Sendable, CustomStringConvertible {
    /// DNS names from subjectAltName.
    public var dnsNames: [String]
    /// The subject's common name (the last one, if several).
    public var commonName: String?

    /// Creates an identity.
    public init(dnsNames: [String], commonName: String?) {
        self.dnsNames = dnsNames
        self.commonName = commonName
    }

    /// `true` when any DNS name, or the common name if there is no DNS name, matches one of `patterns`.
    ///
    /// A pattern is a name compared without regard to case; a leading `*.` matches exactly one label
    /// (`*.example.com` matches `host.example.com`, not `example.com` or `a.b.example.com`).
    public func matches(any patterns: [String]) -> Bool {
        let names = self.dnsNames.isEmpty ? self.commonName.map { [$0] } ?? [] : self.dnsNames
        return names.contains { name in patterns.contains { Self.name(name, matches: $0) } }
    }

    public var description: String {
        "CN=\(self.commonName ?? "-") DNS=\(self.dnsNames.isEmpty ? "-" : self.dnsNames.joined(separator: ","))"
    }

    static func name(_ name: String, matches pattern: String) -> Bool {
        let name = name.lowercased()
        let pattern = pattern.lowercased()
        guard pattern.hasPrefix("*.") else { return name == pattern }
        guard let dot = name.firstIndex(of: ".") else { return false }
        let firstLabel = name[..<dot]
        return !firstLabel.isEmpty && name[name.index(after: dot)...] == pattern.dropFirst(2)
    }

    /// The last common name (OID 2.5.4.3) of the subject of a DER certificate, or `nil`.
    ///
    /// A minimal DER walk: Certificate → tbsCertificate → (version) serial signature issuer validity subject.
    static func commonName(derCertificate der: [UInt8]) -> String? {
        var reader = DERReader(der)
        guard let certificate = reader.element(), certificate.tag == 0x30 else { return nil }
        var certificateReader = DERReader(certificate.body)
        guard let tbs = certificateReader.element(), tbs.tag == 0x30 else { return nil }
        var fields = DERReader(tbs.body)
        var index = 0
        var subject: ArraySlice<UInt8>?
        while let field = fields.element() {
            if index == 0, field.tag == 0xA0 { continue }  // explicit version: not counted
            if index == 4 { subject = field.body }
            index += 1
        }
        guard let subject else { return nil }
        var names = DERReader(subject)
        var commonName: String?
        while let set = names.element() {
            var attributes = DERReader(set.body)
            while let attribute = attributes.element() {
                var parts = DERReader(attribute.body)
                guard let type = parts.element(), let value = parts.element() else { continue }
                if type.tag == 0x06, Array(type.body) == [0x55, 0x04, 0x03] {
                    commonName = String(decoding: value.body, as: UTF8.self)
                }
            }
        }
        return commonName
    }
}

/// Reads DER tag-length-value elements one after the other.
struct DERReader {
    private var bytes: ArraySlice<UInt8>

    init(_ bytes: [UInt8]) {
        self.bytes = bytes[...]
    }

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    /// The next element, or `nil` at the end or on malformed input.
    mutating func element() -> (tag: UInt8, body: ArraySlice<UInt8>)? {
        guard self.bytes.count >= 2 else { return nil }
        let start = self.bytes.startIndex
        let tag = self.bytes[start]
        var length = Int(self.bytes[start + 1])
        var header = 2
        if length & 0x80 != 0 {
            let count = length & 0x7F
            guard count >= 1, count <= 3, self.bytes.count >= 2 + count else { return nil }
            length = 0
            for offset in 0..<count { length = length << 8 | Int(self.bytes[start + 2 + offset]) }
            header += count
        }
        guard self.bytes.count >= header + length else { return nil }
        let body = self.bytes[(start + header)..<(start + header + length)]
        self.bytes = self.bytes[(start + header + length)...]
        return (tag, body)
    }
}
