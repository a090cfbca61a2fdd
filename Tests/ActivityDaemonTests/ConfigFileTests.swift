import ActivityArchive
import ActivityDaemon
import ActivityIngest
import ActivityModel
import ActivityRuntime
import Foundation
import Logging
import SyslogParsing
import Testing

struct ConfigFileTests {
    private func parse(_ text: String) throws -> DaemonConfiguration {
        try DaemonConfiguration.parse(text, file: "test.conf")
    }

    private func error(_ text: String) -> String {
        do {
            _ = try self.parse(text)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func everyKeywordSetsItsField() throws {
        let configuration = try self.parse(
            """
            # comment line
            listen udp 0.0.0.0:514
            listen tcp [::1]:6514   # trailing comment
            listen tcp *:1514 allow 127.0.0.1 ::1
            archive-dir "/var/log/activity log"
            node-name collector-2
            archive-layout partitioned
            metrics-listen [::1]:9514
            rotation-timezone Europe/Berlin
            compression-engine zlib
            compression-level 9
            overload-compression-level 3
            flush-interval 250ms
            batch-size 512k
            fsync always
            fsync-interval 2s
            queue-size 128m
            max-message-size 8k
            max-connections 50
            max-connections-per-source 5
            allow 10.0.0.0/8 192.0.2.7
            allow 2001:db8::/32
            idle-timeout 2m
            udp-receive-buffer 16m
            retention-days 30
            retention-max-size 10G
            retention-check-interval 15m
            rfc3164-timezone +02:00
            map-user suser duser
            map-event act
            map-resource fname
            map-outcome outcome
            user syslog
            group adm
            log-level debug
            statistics-interval 30s
            """
        )
        #expect(
            configuration.listeners == [
                ListenerConfiguration(transport: .udp, host: "0.0.0.0", port: 514),
                ListenerConfiguration(transport: .tcp, host: "::1", port: 6514),
                ListenerConfiguration(transport: .tcp, host: "0.0.0.0", port: 1514),
            ]
        )
        #expect(configuration.archive.directory == "/var/log/activity log")
        #expect(configuration.archive.naming == ArchiveNaming(layout: .partitioned, node: "collector-2"))
        #expect(configuration.metricsEndpoint == MetricsEndpoint(host: "::1", port: 9514))
        #expect(configuration.archive.rotationTimeZone.description == "Europe/Berlin")
        #expect(configuration.archive.compressionEngine == .zlib)
        #expect(configuration.archive.compressionLevel == 9)
        #expect(configuration.archive.overloadCompressionLevel == 3)
        #expect(configuration.archive.flushInterval == .milliseconds(250))
        #expect(configuration.archive.batchSize == 512 << 10)
        #expect(configuration.archive.fsync == .always)
        #expect(configuration.archive.queueSize == 128 << 20)
        #expect(configuration.ingest.maxMessageSize == 8 << 10)
        #expect(configuration.ingest.maxConnections == 50)
        #expect(configuration.ingest.maxConnectionsPerSource == 5)
        #expect(
            configuration.ingest.allow.networks.map(\.description) == ["10.0.0.0/8", "192.0.2.7/32", "2001:db8::/32"]
        )
        let local = try #require(configuration.ingest.listenerAllow[configuration.listeners[2]])
        #expect(local.networks.map(\.description) == ["127.0.0.1/32", "::1/128"])
        #expect(configuration.ingest.allowlist(for: configuration.listeners[0]).networks.count == 3)
        #expect(configuration.ingest.idleTimeout == .seconds(120))
        #expect(configuration.ingest.udpReceiveBuffer == 16 << 20)
        #expect(configuration.retention.days == 30)
        #expect(configuration.retention.maximumTotalBytes == 10 << 30)
        #expect(configuration.retention.checkInterval == .seconds(900))
        #expect(configuration.ingest.parser.rfc3164TimeZone.description == "+02:00")
        #expect(configuration.ingest.parser.activityFields.user == ["suser", "duser"])
        #expect(configuration.ingest.parser.activityFields.event == ["act"])
        #expect(configuration.ingest.parser.activityFields.resource == ["fname"])
        #expect(configuration.ingest.parser.activityFields.outcome == ["outcome"])
        #expect(configuration.user == "syslog")
        #expect(configuration.group == "adm")
        #expect(configuration.logLevel == .debug)
        #expect(configuration.statisticsInterval == .seconds(30))
    }

    @Test func listenerOptionsComeInAnyOrder() throws {
        let configuration = try self.parse(
            """
            listen tls [::]:6514 proxy-protocol proxy-allow 10.0.0.5 10.1.0.0/16 allow 192.0.2.0/24 reuse-port
            listen tcp 0.0.0.0:601 reuse-port allow 192.0.2.7 proxy-allow 10.0.0.5 proxy-protocol
            listen udp 0.0.0.0:514 reuse-port
            listen tcp 127.0.0.1:514
            """
        )
        let (tls, tcp, udp, plain) = (
            configuration.listeners[0], configuration.listeners[1], configuration.listeners[2],
            configuration.listeners[3]
        )
        #expect([tls, tcp, udp, plain].map(\.reusesPort) == [true, true, true, false])
        #expect(
            configuration.ingest.proxyProtocol[tls]?.balancers.map(\.description) == ["10.0.0.5/32", "10.1.0.0/16"]
        )
        #expect(configuration.ingest.proxyProtocol[tcp]?.balancers.map(\.description) == ["10.0.0.5/32"])
        #expect(configuration.ingest.proxyProtocol[udp] == nil && configuration.ingest.proxyProtocol[plain] == nil)
        #expect(configuration.ingest.allowlist(for: tls).networks.map(\.description) == ["192.0.2.0/24"])
        #expect(configuration.ingest.allowlist(for: tcp).networks.map(\.description) == ["192.0.2.7/32"])
    }

    @Test func fsyncIntervalAppliesInEitherOrder() throws {
        #expect(
            try self.parse("listen udp 127.0.0.1:1\nfsync interval\nfsync-interval 5s").archive.fsync
                == .interval(.seconds(5))
        )
        #expect(
            try self.parse("listen udp 127.0.0.1:1\nfsync-interval 5s\nfsync interval").archive.fsync
                == .interval(.seconds(5))
        )
        #expect(
            try self.parse("listen udp 127.0.0.1:1\nfsync none").archive.fsync == ArchiveConfiguration.FsyncPolicy.none
        )
    }

    @Test func defaultsMatchTheDesign() throws {
        let configuration = try self.parse("listen tcp 127.0.0.1:5514")
        #expect(configuration.archive.directory == "./archive")
        #expect(configuration.archive.naming == ArchiveNaming(layout: .flat, node: ArchiveNaming.localNode))
        #expect(configuration.metricsEndpoint == nil)
        #expect(configuration.archive.rotationTimeZone == .utc)
        #expect(configuration.archive.compressionLevel == 6)
        #expect(configuration.archive.flushInterval == .seconds(1))
        #expect(configuration.ingest.maxMessageSize == 65_536)
        #expect(configuration.archive.queueSize == 64 << 20)
        #expect(configuration.retention.days == 90)
        #expect(configuration.retention.maximumTotalBytes == nil)
        #expect(configuration.retention.checkInterval == .seconds(3600))
        #expect(configuration.statisticsInterval == .seconds(300))
        let embedded = DaemonConfiguration.embeddedDefault
        #expect(embedded.listeners.map(\.description) == ["udp 127.0.0.1:5514", "tcp 127.0.0.1:5514"])
    }

    @Test(arguments: [
        (
            "listen udp 127.0.0.1:1\nbogus 1",
            "test.conf:2: 'bogus': expected a keyword: listen, allow, tls-certificate, tls-key"
        ),
        (
            "listen udp 127.0.0.1:1\nretention-day 30",
            "test.conf:2: 'retention-day': expected a keyword (did you mean retention-days?)"
        ),
        (
            "listen udp 127.0.0.1:1\ncompresion-level 5",
            "test.conf:2: 'compresion-level': expected a keyword (did you mean compression-level?)"
        ),
        (
            "listen udp 127.0.0.1:1\ncompression-level 11",
            "test.conf:2: compression-level '11': expected an integer from 1 to 9"
        ),
        (
            "listen udp 127.0.0.1:1\ncompression-engine gzip",
            "test.conf:2: compression-engine 'gzip': expected libdeflate or zlib"
        ),
        (
            "listen udp 127.0.0.1:1\ncompression-level",
            "test.conf:2: compression-level '': expected 1 argument: an integer from 1 to 9"
        ),
        (
            "listen udp 127.0.0.1:1\n\n flush-interval 3x",
            "test.conf:3: flush-interval '3x': expected a duration from 10ms to 1h"
        ),
        (
            "listen udp 127.0.0.1:1\nmax-message-size 10",
            "test.conf:2: max-message-size '10': expected a size from 480 to 16m"
        ),
        ("listen sctp 127.0.0.1:1", "test.conf:1: listen 'sctp': expected 'udp', 'tcp' or 'tls'"),
        (
            "listen udp 127.0.0.1:70000",
            "test.conf:1: listen '127.0.0.1:70000': expected IPv4:PORT, [IPv6]:PORT or *:PORT"
        ),
        ("listen udp ::1:514", "test.conf:1: listen '::1:514': expected IPv4:PORT, [IPv6]:PORT or *:PORT"),
        ("listen udp localhost:514", "test.conf:1: listen 'localhost:514': expected IPv4:PORT"),
        (
            "listen tcp 127.0.0.1:514\nlisten tcp 127.0.0.1:514",
            "test.conf:2: listen 'tcp 127.0.0.1:514': expected a listener not already defined (duplicate of line 1)"
        ),
        (
            "listen udp 127.0.0.1:1\nretention-days 30\nretention-days 40",
            "test.conf:3: retention-days '40': expected one 'retention-days' line (already set at line 2)"
        ),
        (
            "listen udp 127.0.0.1:1\nrotation-timezone Mars/Base",
            "test.conf:2: rotation-timezone 'Mars/Base': expected UTC, local, +hh:mm or a tz database name"
        ),
        (
            "listen udp 127.0.0.1:1\nfsync sometimes",
            "test.conf:2: fsync 'sometimes': expected none, interval or always"
        ),
        ("listen udp 127.0.0.1:1\nmap-user a=b", "test.conf:2: map-user 'a=b': expected SD-PARAM names"),
        ("listen udp 127.0.0.1:1\nlog-level loud", "test.conf:2: log-level 'loud': expected trace, debug, info"),
        (
            "listen udp 127.0.0.1:1\nstatistics-interval 0s",
            "test.conf:2: statistics-interval '0s': expected a duration from 1s to 1d, such as 5m"
        ),
        (
            "listen udp 127.0.0.1:1\narchive-dir \"/unterminated",
            "test.conf:2: archive-dir '/unterminated': expected a closing '\"'"
        ),
        (
            "listen udp 127.0.0.1:1\nallow 10.0.0.0/33",
            "test.conf:2: allow '10.0.0.0/33': expected an IPv4 or IPv6 network"
        ),
        (
            "listen udp 127.0.0.1:1 allow",
            "test.conf:1: listen 'allow': expected allow followed by one or more networks such as 10.0.0.0/8"
        ),
        (
            "listen udp 127.0.0.1:1 deny 10.0.0.0/8",
            "test.conf:1: listen 'deny': expected a listener option: [allow CIDR ...] [proxy-protocol proxy-allow"
                + " CIDR ...] [reuse-port]"
        ),
        (
            "listen tcp 0.0.0.0:601 proxy-protocol",
            "test.conf:1: listen 'proxy-protocol': expected proxy-protocol followed by 'proxy-allow CIDR ...' naming"
                + " the load balancers"
        ),
        (
            "listen tcp 0.0.0.0:601 proxy-allow 10.0.0.5",
            "test.conf:1: listen 'proxy-allow': expected proxy-allow together with proxy-protocol"
        ),
        (
            "listen tcp 0.0.0.0:601 proxy-protocol proxy-allow",
            "test.conf:1: listen 'proxy-allow': expected proxy-allow followed by one or more networks"
        ),
        (
            "listen udp 0.0.0.0:514 proxy-protocol proxy-allow 10.0.0.5",
            "test.conf:1: listen 'proxy-protocol': expected the PROXY protocol on a tcp or tls listener"
        ),
        (
            "listen tcp 0.0.0.0:601 proxy-protocol proxy-allow 10.0.0.0/33",
            "test.conf:1: listen '10.0.0.0/33': expected a network such as 10.0.0.0/8, 192.0.2.7 or 2001:db8::/32"
                + " after proxy-allow, or a listener option"
        ),
        (
            "listen udp 0.0.0.0:514 allow 10.0.0.0/8 reuseport",
            "test.conf:1: listen 'reuseport': expected a network such as 10.0.0.0/8, 192.0.2.7 or 2001:db8::/32 after"
                + " allow, or a listener option: [allow CIDR ...] [proxy-protocol proxy-allow CIDR ...] [reuse-port]"
        ),
        (
            "listen tcp 0.0.0.0:601 reuse-port reuse-port",
            "test.conf:1: listen 'reuse-port': expected each listener option once"
        ),
        (
            "listen tcp 127.0.0.1:514 reuse-port\nlisten tcp 127.0.0.1:514",
            "test.conf:2: listen 'tcp 127.0.0.1:514': expected a listener not already defined (duplicate of line 1)"
        ),
        ("archive-dir /tmp/x", "test.conf: listen '': expected at least one 'listen udp|tcp|tls ADDRESS:PORT' line"),
        (
            "listen udp 127.0.0.1:1\nretention-max-size lots",
            "test.conf:2: retention-max-size 'lots': expected a size of at least 1m, such as 500g, or none"
        ),
        (
            "listen udp 127.0.0.1:1\n\nextract \"user %usr% in\"",
            "test.conf:3: extract '%usr%': expected %user%, %event%, %resource%, %outcome%, %client% or %-%"
        ),
        (
            "listen udp 127.0.0.1:1\nextract \"user %user%%client%\"",
            "test.conf:2: extract '%client%': expected text between two placeholders"
        ),
        (
            "listen udp 127.0.0.1:1\nextract \"user %user% in\" colour=red",
            "test.conf:2: extract 'colour=red': expected FIELD=VALUE with FIELD one of user, event, resource"
        ),
        (
            "listen udp 127.0.0.1:1\nextract \"user %user\"",
            "test.conf:2: extract 'user %user': expected a closing '%'"
        ),
        (
            "listen udp 127.0.0.1:1\nextract app=x \"a %user%\" event",
            "test.conf:2: extract 'event': expected FIELD=VALUE after the pattern"
        ),
        (
            "listen udp 127.0.0.1:1\nmap-client \"a b\"",
            "test.conf:2: map-client 'a b': expected SD-PARAM names"
        ),
        (
            "listen udp 127.0.0.1:1\nnode-name web1.example",
            "test.conf:2: node-name 'web1.example': expected a letter, then up to 62 letters, digits, '_' or '-' (no dot)"
        ),
        (
            "listen udp 127.0.0.1:1\narchive-layout hive",
            "test.conf:2: archive-layout 'hive': expected flat (activity-DAY.NODE.jsonl.gz) or partitioned (date=DAY/)"
        ),
        (
            "listen udp 127.0.0.1:1\n\nmetrics-listen localhost:9514",
            "test.conf:3: metrics-listen 'localhost:9514': expected IPv4:PORT, [IPv6]:PORT or *:PORT"
        ),
    ])
    func errorsNameFileLineValueAndWhatIsAccepted(text: String, expected: String) {
        let message = self.error(text)
        #expect(message.hasPrefix(expected), "got: \(message)")
    }

    @Test func unreadableFileIsAnErrorThatSaysWhy() throws {
        let missing = "/nonexistent/activitylogd.conf"
        #expect {
            try DaemonConfiguration.load(path: missing)
        } throws: { error in
            "\(error)".contains("\(missing): '\(missing)': expected a readable UTF-8 file (No such file or directory)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "latin1-\(UUID().uuidString).conf"
        )
        try Data([0x6C, 0x69, 0x73, 0x74, 0x65, 0x6E, 0x20, 0xE9, 0x0A]).write(to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect {
            try DaemonConfiguration.load(path: directory.path)
        } throws: { error in
            "\(error)".contains("(not valid UTF-8)")
        }
    }

    @Test func shippedConfigurationIsValidAndDocumentsEveryKeyword() throws {
        let path = ManPages.repository.appendingPathComponent("conf/activitylogd.conf").path
        let configuration = try DaemonConfiguration.load(path: path)
        #expect(configuration.archive.directory == "/var/log/activitylog")
        #expect(configuration.listeners.map(\.port).contains(514))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for keyword in DaemonConfiguration.keywordNames {
            #expect(text.contains(keyword), "conf/activitylogd.conf does not show \(keyword)")
        }
    }

    @Test func manPageDocumentsEveryKeyword() throws {
        let page = try ManPages.text("activitylogd.conf.5")
        for keyword in DaemonConfiguration.keywordNames {
            #expect(
                page.contains(".B \(keyword)") || page.contains(".BI \(keyword)") || page.contains(".BR \(keyword)"),
                "activitylogd.conf.5 lacks \(keyword)"
            )
        }
    }

    @Test func manPageExplainsEveryCounterOfTheStatisticsLineAndItsMetric() throws {
        let page = try ManPages.text("activitylogd.8")
        for name in DaemonCounters.declared.map(\.statisticsName) {
            let isExplained = page.contains(".TP\n.B \(name)\n")
            #expect(isExplained, "activitylogd.8 STATISTICS lacks \(name)")
        }
        let metrics = page.components(separatedBy: ".SH METRICS").last ?? ""
        for family in DaemonCounters.declared.map(\.description.metric) {
            #expect(metrics.contains("\(family)_total"), "activitylogd.8 METRICS lacks \(family)_total")
        }
    }
}

/// The repository's man pages.
enum ManPages {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ name: String) throws -> String {
        try String(contentsOf: Self.repository.appendingPathComponent("man/\(name)"), encoding: .utf8)
            .replacingOccurrences(of: "\\-", with: "-")
    }
}
