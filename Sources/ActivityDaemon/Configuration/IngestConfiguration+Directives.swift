import ActivityArchive
import ActivityIngest
import ActivityModel
import Logging
import SyslogParsing

extension DirectiveReader {
    /// The keywords of listeners, TLS, limits and parsing: what fills ``IngestConfiguration`` (and `listen`).
    static let ingestKeywords: [Keyword] = [
        Keyword(
            name: "listen",
            syntax: "udp|tcp|tls ADDRESS:PORT \(ListenerOptions.syntax), such as 'tcp 0.0.0.0:514' or"
                + " 'tls [::]:6514 proxy-protocol proxy-allow 10.0.0.5'",
            isRepeatable: true
        ) { configuration, arguments, reader in
            guard arguments.count >= 2 else {
                throw reader.error(
                    arguments.joined(separator: " "),
                    expected: "udp|tcp|tls ADDRESS:PORT, optionally followed by \(ListenerOptions.syntax)"
                )
            }
            let (transportName, address) = (arguments[0], arguments[1])
            guard let transport = Transport(rawValue: transportName) else {
                throw reader.error(transportName, expected: "'udp', 'tcp' or 'tls'")
            }
            guard let (host, port) = ConfigValues.listenAddress(address) else {
                throw reader.error(address, expected: "IPv4:PORT, [IPv6]:PORT or *:PORT with a port from 0 to 65535")
            }
            let options = try reader.listenerOptions(arguments.dropFirst(2), transport: transport)
            let listener = ListenerConfiguration(
                transport: transport,
                host: host,
                port: port,
                reusesPort: options.reusePort
            )
            if let first = reader.listenerLines.first(where: { $0.key.description == listener.description }) {
                throw reader.error(
                    "\(transportName) \(address)",
                    expected: "a listener not already defined (duplicate of line \(first.value))"
                )
            }
            reader.listenerLines[listener] = reader.currentLine
            configuration.listeners.append(listener)
            if let networks = options.allow { configuration.ingest.listenerAllow[listener] = SenderAllowlist(networks) }
            if let balancers = options.proxyAllow {
                configuration.ingest.proxyProtocol[listener] = ProxyProtocolSettings(balancers: balancers)
            }
        },
        Keyword(
            name: "allow",
            syntax: "one or more networks such as 10.0.0.0/8, 192.0.2.7 or 2001:db8::/32",
            isRepeatable: true
        ) { configuration, arguments, reader in
            guard !arguments.isEmpty else { throw ArgumentCountError(count: 1) }
            configuration.ingest.allow.networks += try reader.networks(arguments)
        },
        Keyword(name: "tls-certificate", syntax: "a PEM file with the server certificate and its chain") {
            configuration,
            arguments,
            reader in
            configuration.ingest.tls.certificatePath = try reader.one(arguments)
        },
        Keyword(name: "tls-key", syntax: "a PEM file with the server's private key") {
            configuration,
            arguments,
            reader in
            configuration.ingest.tls.keyPath = try reader.one(arguments)
        },
        Keyword(name: "tls-client-ca", syntax: "a PEM file with the CA certificates client certificates must chain to")
        {
            configuration,
            arguments,
            reader in
            configuration.ingest.tls.clientCAPath = try reader.one(arguments)
        },
        Keyword(name: "tls-allowed-peers", syntax: "one or more names or *.domain patterns") {
            configuration,
            arguments,
            reader in
            guard !arguments.isEmpty else { throw ArgumentCountError(count: 1) }
            configuration.ingest.tls.allowedPeers = arguments
        },
        Keyword(name: "tls-handshake-timeout", syntax: "a duration from 1s to 5m, such as 10s") {
            configuration,
            arguments,
            reader in
            configuration.ingest.tls.handshakeTimeout = try reader.duration(
                arguments,
                in: .seconds(1)...Duration.seconds(300)
            )
        },
        Keyword(name: "max-message-size", syntax: "a size from 480 to 16m, such as 64k") {
            configuration,
            arguments,
            reader in
            configuration.ingest.maxMessageSize = try reader.size(arguments, in: 480...(16 << 20))
        },
        Keyword(name: "max-connections", syntax: "an integer from 1 to 1000000") { configuration, arguments, reader in
            configuration.ingest.maxConnections = try reader.integer(arguments, in: 1...1_000_000)
        },
        Keyword(name: "max-connections-per-source", syntax: "an integer from 1 to 1000000") {
            configuration,
            arguments,
            reader in
            configuration.ingest.maxConnectionsPerSource = try reader.integer(arguments, in: 1...1_000_000)
        },
        Keyword(name: "idle-timeout", syntax: "a duration from 1s to 7d, such as 10m") {
            configuration,
            arguments,
            reader in
            configuration.ingest.idleTimeout = try reader.duration(
                arguments,
                in: .seconds(1)...Duration.seconds(7 * 86_400)
            )
        },
        Keyword(name: "udp-receive-buffer", syntax: "a size from 64k to 1g, such as 8m") {
            configuration,
            arguments,
            reader in
            configuration.ingest.udpReceiveBuffer = try reader.size(arguments, in: (64 << 10)...(1 << 30))
        },
        Keyword(name: "rfc3164-timezone", syntax: "UTC, local, +hh:mm or a tz name such as Europe/Berlin") {
            configuration,
            arguments,
            reader in
            configuration.ingest.parser.rfc3164TimeZone = try reader.zone(arguments)
        },
        Keyword(name: "map-user", syntax: "one or more SD-PARAM names") { configuration, arguments, reader in
            configuration.ingest.parser.activityFields.user = try reader.paramNames(arguments)
        },
        Keyword(name: "map-event", syntax: "one or more SD-PARAM names") { configuration, arguments, reader in
            configuration.ingest.parser.activityFields.event = try reader.paramNames(arguments)
        },
        Keyword(name: "map-resource", syntax: "one or more SD-PARAM names") { configuration, arguments, reader in
            configuration.ingest.parser.activityFields.resource = try reader.paramNames(arguments)
        },
        Keyword(name: "map-outcome", syntax: "one or more SD-PARAM names") { configuration, arguments, reader in
            configuration.ingest.parser.activityFields.outcome = try reader.paramNames(arguments)
        },
        Keyword(name: "map-client", syntax: "one or more SD-PARAM names") { configuration, arguments, reader in
            configuration.ingest.parser.activityFields.client = try reader.paramNames(arguments)
        },
        Keyword(
            name: "extract",
            syntax: "[app=NAME] \"PATTERN\" [FIELD=VALUE ...], such as 'extract app=shop \"order %resource% by %user%\""
                + " event=order'",
            isRepeatable: true
        ) { configuration, arguments, reader in
            configuration.ingest.parser.extractionRules.append(try reader.extractionRule(arguments))
        },
    ]
}
