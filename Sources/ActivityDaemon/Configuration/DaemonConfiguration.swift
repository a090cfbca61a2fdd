import ActivityArchive
import ActivityIngest
import ActivityModel
import Logging
import SyslogParsing

/// Everything `activitylogd` is configured with: the typed form of `activitylogd.conf(5)`.
public struct DaemonConfiguration: Sendable {
    /// `listen` lines, in file order.
    public var listeners: [ListenerConfiguration]
    /// Message limits, connection limits and parsing.
    public var ingest: IngestConfiguration
    /// Where and how archives are written.
    public var archive: ArchiveConfiguration
    /// How long archives are kept.
    public var retention: RetentionPolicy
    /// `user`: the account to switch to after binding.
    public var user: String?
    /// `group`: the group to switch to after binding.
    public var group: String?
    /// `log-level`.
    public var logLevel: Logger.Level
    /// `statistics-interval`: how often the counters are logged.
    public var statisticsInterval: Duration
    /// `metrics-listen`: where `/metrics` and `/health` are served; `nil` (the default) serves nothing.
    public var metricsEndpoint: MetricsEndpoint?
    /// Where the settings came from, for errors found after parsing (a bind, a user that does not exist).
    public var origin: ConfigurationOrigin

    /// Creates a configuration with every default and no listeners.
    public init() {
        self.listeners = []
        self.ingest = IngestConfiguration()
        self.archive = ArchiveConfiguration(naming: ArchiveNaming(node: ArchiveNaming.localNode))
        self.retention = RetentionPolicy()
        self.user = nil
        self.group = nil
        self.logLevel = .info
        self.statisticsInterval = .seconds(300)
        self.metricsEndpoint = nil
        self.origin = ConfigurationOrigin(file: "embedded default")
    }

    /// What runs with no `-f` and no file: UDP and TCP on 127.0.0.1:5514, archives in `./archive`.
    public static var embeddedDefault: DaemonConfiguration {
        var configuration = DaemonConfiguration()
        configuration.listeners = [
            ListenerConfiguration(transport: .udp, host: "127.0.0.1", port: 5514),
            ListenerConfiguration(transport: .tcp, host: "127.0.0.1", port: 5514),
        ]
        return configuration
    }

    /// Every keyword `activitylogd.conf` accepts, in the man page's order.
    public static var keywordNames: [String] { DirectiveReader.keywords.map(\.name) }

    /// Reads and checks the configuration file at `path`.
    ///
    /// - Throws: ``ConfigError`` naming the file and line of the first problem.
    public static func load(path: String) throws -> DaemonConfiguration {
        let text: String
        do {
            let bytes = try FileContents.read(path, maximumBytes: 16 << 20)
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                throw FileContents.ReadError(description: "not valid UTF-8")
            }
            text = decoded
        } catch {
            throw ConfigError(
                file: path,
                line: 0,
                keyword: "",
                value: path,
                expected: "a readable UTF-8 file (\(error))"
            )
        }
        let configuration = try Self.parse(text, file: path)
        try configuration.checkTLSFiles(file: path)
        return configuration
    }

    /// Reads the TLS certificate, key and client CA when a `listen tls` line needs them, so that `-t` and SIGHUP
    /// refuse unusable files before anything is bound.
    public func checkTLSFiles(file: String) throws {
        guard self.listeners.contains(where: { $0.transport == .tls }) else { return }
        do {
            _ = try TLSServerContext.make(self.ingest.tls)
        } catch {
            // The line of the keyword whose file is unusable, else of the first `listen tls`.
            let keyword = (error as? TLSServerContext.Failure)?.keyword
            let firstTLS = self.listeners.first { $0.transport == .tls }
            let line =
                keyword.flatMap { self.origin.keywordLines[$0] }
                ?? firstTLS.flatMap { self.origin.listenerLines[$0] } ?? 0
            throw ConfigError(
                file: file,
                line: line,
                keyword: keyword ?? "listen",
                value: keyword.map(self.tlsPath(of:)) ?? firstTLS.map(\.description) ?? "tls",
                expected: "usable TLS files: \(error)"
            )
        }
    }

    /// The file a `tls-*` keyword names.
    private func tlsPath(of keyword: String) -> String {
        switch keyword {
        case "tls-certificate": self.ingest.tls.certificatePath ?? ""
        case "tls-key": self.ingest.tls.keyPath ?? ""
        default: self.ingest.tls.clientCAPath ?? ""
        }
    }

    /// Parses configuration text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws -> DaemonConfiguration {
        var configuration = DaemonConfiguration()
        var reader = DirectiveReader(file: file)
        for directive in try ConfigFileLexer.directives(in: text, file: file) {
            try reader.apply(directive, to: &configuration)
        }
        configuration.origin = ConfigurationOrigin(
            file: file,
            keywordLines: reader.seen,
            listenerLines: reader.listenerLines
        )
        guard !configuration.listeners.isEmpty else {
            throw ConfigError(
                file: file,
                line: 0,
                keyword: "listen",
                value: "",
                expected: "at least one 'listen udp|tcp|tls ADDRESS:PORT' line"
            )
        }
        return configuration
    }
}
