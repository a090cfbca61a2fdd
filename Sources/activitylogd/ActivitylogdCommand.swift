import ActivityDaemon
import ArgumentParser
import Dispatch
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// `activitylogd`: the syslog collector daemon. Thin: reads options, loads the configuration, runs ``Daemon``.
@main
struct ActivitylogdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activitylogd",
        abstract: "Collect syslog over UDP, TCP and TLS into daily gzip archives of JSON activity records.",
        discussion: """
            Without -f it reads /etc/activitylog/activitylogd.conf when that file exists, and otherwise runs on the \
            embedded default: UDP and TCP on 127.0.0.1:5514, archives in ./archive. \
            SIGTERM or SIGINT drain and stop it; SIGHUP reloads the file given with -f (without -f it changes \
            nothing and the daemon keeps running). See activitylogd(8).
            """,
        version: "0.1.0"
    )

    @Option(
        name: .customShort("f"),
        help: ArgumentHelp("Configuration file (activitylogd.conf(5)).", valueName: "file")
    )
    var configFile: String?

    @Flag(
        name: .customShort("t"),
        help: """
            Check the configuration and exit: 0 if start would work, 78 with the error if not. Besides the file, it \
            checks archive-dir, user and group, and binds every listener.
            """
    )
    var checkOnly = false

    @Flag(
        name: .customLong("no-bind"),
        help: "With -t, do not bind the listeners (to check a file while activitylogd itself holds the ports)."
    )
    var noBind = false

    /// The file read without `-f` when it exists (`$ACTIVITYLOGD_CONFIG` names another, for tests).
    static var installedConfigPath: String {
        getenv("ACTIVITYLOGD_CONFIG").map { String(cString: $0) } ?? "/etc/activitylog/activitylogd.conf"
    }

    func run() throws {
        let configuration: DaemonConfiguration
        let installed = Self.installedConfigPath
        let configFile = self.configFile ?? (access(installed, F_OK) == 0 ? installed : nil)
        do {
            configuration = try configFile.map(DaemonConfiguration.load(path:)) ?? .embeddedDefault
            if self.checkOnly { try StartupCheck.run(configuration, bindListeners: !self.noBind) }
        } catch {
            FileHandleOutput.standardError("activitylogd: \(error)\n")
            throw ExitCode(78)  // EX_CONFIG
        }
        if self.checkOnly {
            FileHandleOutput.standardOutput("\(configFile ?? "embedded default"): configuration OK\n")
            return
        }
        // Until the reload service traps it, SIGHUP (a closed terminal, `pkill -HUP`) must not end the process.
        signal(SIGHUP, SIG_IGN)
        let level = SharedLogLevel(configuration.logLevel)
        LoggingSystem.bootstrap { label in TerseLogHandler(label: label, level: level) }
        let logger = Logger(label: "activitylogd")
        // The daemon runs on the concurrency pool while this (main) thread waits for it. Keeping the main thread
        // alive matters: a process whose main thread has exited still shows that thread's credentials, so after
        // the switch to `user` it would go on looking like root in ps and /proc.
        let outcome = DaemonOutcome()
        let configPath = configFile
        logger.notice(
            "configuration",
            metadata: ["config.path": "\(configFile ?? "embedded default (no -f, no \(installed))")"]
        )
        Task.detached {
            do {
                try await Daemon.run(
                    configuration: configuration,
                    configPath: configPath,
                    logger: logger,
                    logLevel: level
                )
            } catch {
                logger.critical("activitylogd failed", metadata: ["error": "\(error)"])
                outcome.failed = true
            }
            outcome.finished.signal()
        }
        outcome.finished.wait()
        if outcome.failed { throw ExitCode(1) }
    }
}

/// How the daemon task ended, handed to the waiting main thread.
private final class DaemonOutcome: @unchecked Sendable {
    let finished = DispatchSemaphore(value: 0)
    /// Written by the daemon task before `finished` is signalled, read by the main thread after.
    var failed = false
}

/// Unbuffered writes to the standard streams, for the few lines printed before logging is set up.
enum FileHandleOutput {
    static func standardError(_ text: String) { Self.write(text, to: STDERR_FILENO) }
    static func standardOutput(_ text: String) { Self.write(text, to: STDOUT_FILENO) }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { _ = Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }
}
