import ActivityDaemon
import ActivityIngest
import Foundation
import Testing
import ToolRunning

#if canImport(Glibc)
import Glibc
#endif

/// Every EXAMPLE(S) block of the man pages runs as printed, with only what a test cannot use replaced (ports,
/// paths, `pkill`, which would reach other tests' daemons). Serialized: two of them run the embedded default, whose
/// port 5514 is fixed.
@Suite(.serialized)
struct ManPageExampleTests {
    /// The `.EX` … `.EE` blocks of section `section` of man page `page`, as shell text.
    static func examples(_ page: String, section: String) throws -> [String] {
        let text = try String(contentsOf: ManPages.repository.appendingPathComponent("man/\(page)"), encoding: .utf8)
        let start = try #require(text.range(of: ".SH \(section)\n"))
        let body = text[start.upperBound...]
        let end = body.range(of: "\n.SH ")?.lowerBound ?? body.endIndex
        var blocks: [String] = []
        var current: [Substring]?
        for line in body[..<end].split(separator: "\n", omittingEmptySubsequences: false) {
            if line == ".EX" {
                current = []
            } else if line == ".EE", let lines = current {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks.map(Self.unescape)
    }

    private static func unescape(_ roff: String) -> String {
        roff.replacingOccurrences(of: "\\-", with: "-").replacingOccurrences(of: "\\(aq", with: "'")
            .replacingOccurrences(of: "\\en", with: "\\n").replacingOccurrences(of: "\\e", with: "\\")
    }

    /// The configuration of activitylogd.conf(5)'s EXAMPLE on `port` instead of 514, archiving in `directory`.
    private static func confExample(port: Int, directory: String) throws -> String {
        let example = try #require(try Self.examples("activitylogd.conf.5", section: "EXAMPLE").first)
        return example.replacingOccurrences(of: ":514", with: ":\(port)")
            .replacingOccurrences(of: "/var/log/activitylog", with: "\(directory)/archive")
    }

    /// The EXAMPLE's `user syslog` needs that account, which Debian does not create by default.
    private static func ensureSyslogUser() throws {
        guard getpwnam("syslog") == nil else { return }
        try #require(geteuid() == 0, "the example switches to user syslog: create it or run as root")
        let added = try Tool.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "syslog"])
        try #require(added.status == 0, "\(added.errors)")
    }

    @Test func theConfigurationExamplePassesTheCheckAndStarts() throws {
        try Self.ensureSyslogUser()
        let directory = try makeTemporaryDirectory("activitylog-example")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let port = try freePort()
        let config = try Self.confExample(port: port, directory: directory)
        let file = "\(directory)/activitylogd.conf"
        try config.write(toFile: file, atomically: true, encoding: .utf8)
        let check = try Tool.run(["activitylogd", "-t", "-f", file])
        #expect(check.status == 0, "\(check.errors)")

        let lines = config.split(separator: "\n")
        let daemon = try DaemonProcess(
            listeners: lines.filter { $0.hasPrefix("listen ") }.map { String($0.dropFirst("listen ".count)) },
            extra: lines.filter { !$0.hasPrefix("listen ") && !$0.hasPrefix("archive-dir") }.joined(separator: "\n"),
            directory: directory
        )
        defer { daemon.removeDirectory() }
        #expect(try Tool.run(["logger", "--udp", "-n", "127.0.0.1", "-P", String(port), "over IPv4"]).status == 0)
        #expect(try Tool.run(["logger", "--tcp", "-n", "::1", "-P", String(port), "over IPv6"]).status == 0)
        try daemon.waitForLog("dropped privileges")
        usleep(300_000)
        #expect(daemon.stop() == 0)
        #expect(Set(try daemon.records().compactMap { $0["msg"] as? String }) == ["over IPv4", "over IPv6"])
    }

    @Test func theLoadBalancerExampleReadsAsItSays() throws {
        let example = try #require(try Self.examples("activitylogd.conf.5", section: "EXAMPLE").last)
        let configuration = try DaemonConfiguration.parse(example, file: "example")
        #expect(configuration.listeners.allSatisfy { $0.reusesPort })
        let proxied = configuration.listeners.filter { configuration.ingest.proxyProtocol[$0] != nil }
        #expect(proxied.map(\.description) == ["tcp 0.0.0.0:601", "tls 0.0.0.0:6514"])
        #expect(configuration.ingest.allow.networks.map(\.description) == ["192.0.2.0/24"])
    }

    @Test func theDaemonExamplesRun() throws {
        let blocks = try Self.examples("activitylogd.8", section: "EXAMPLES")
        try #require(blocks.count == 3)
        let directory = try makeTemporaryDirectory("activitylog-example")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let conf = "\(directory)/activitylogd.conf"
        try Self.confExample(port: try freePort(), directory: directory).write(
            toFile: conf,
            atomically: true,
            encoding: .utf8
        )
        let script = """
            set -ex
            \(Self.waitFunctions)
            export ACTIVITYLOGD_CONFIG=/nonexistent/activitylogd.conf
            cd '\(directory)'
            \(blocks[0].replacingOccurrences(of: "activitylogd &", with: "activitylogd 2>daemon.log & PID=$!; wait_listening"))
            wait_archived
            \(blocks[1])
            \(blocks[2].replacingOccurrences(of: "/etc/activitylog/activitylogd.conf", with: conf)
                .replacingOccurrences(of: "pkill -HUP activitylogd", with: "kill -HUP $PID"))
            sleep 0.5
            kill -0 $PID
            kill -TERM $PID
            wait $PID
            """
        let result = try Tool.run(["bash", "-c", script])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("\"msg\":\"hello\""), "\(result.output)")
        #expect(result.output.contains("\"msg\":\"hello again\""), "\(result.output)")
    }

    /// Shell functions the example scripts wait with, instead of fixed sleeps that a loaded machine outruns:
    /// `wait_listening` until the daemon logged both listeners, `wait_archived` until an archive holds a member.
    static let waitFunctions = """
        wait_listening() {
            for _ in $(seq 300); do [ "$(grep -c ' listening ' daemon.log 2>/dev/null)" -ge 2 ] && return 0; sleep 0.1; done
            cat daemon.log >&2; return 1
        }
        wait_archived() {
            for _ in $(seq 300); do [ -n "$(find . -name '*.jsonl.gz' -size +0 2>/dev/null)" ] && return 0; sleep 0.1; done
            return 1
        }
        """

    @Test func theClientExamplesRun() throws {
        let blocks = try Self.examples("activitylog.1", section: "EXAMPLES")
        try #require(blocks.count == 10)
        // The archive examples, a line at a time, on the archive the daemon just wrote (today's records): each must
        // exit 0 (selected) or 1 (nothing selected), never 2 (an error); `tail -f` runs until `timeout` stops it.
        let archiveExamples = blocks[4...].flatMap { $0.split(separator: "\n") }.map { line in
            let command = line.replacingOccurrences(of: "/var/log/activitylog", with: "archive")
                .replacingOccurrences(of: "activitylog tail -f", with: "timeout 1 activitylog tail -f")
            return "s=0; { \(command); } > /dev/null || s=$?; test $s -le 1 || test $s -eq 124"
        }
        let directory = try makeTemporaryDirectory("activitylog-example")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let messages = ManPages.repository.appendingPathComponent("examples/messages.log").path
        let script = """
            set -ex
            \(Self.waitFunctions)
            export ACTIVITYLOGD_CONFIG=/nonexistent/activitylogd.conf
            cd '\(directory)'
            cp '\(messages)' messages.log
            printf '28 <13>1 - - - - - - for alice' > capture.bin
            \(blocks[0]) | wc -l | grep -qx 6
            \(blocks[1]) | grep -q '"app":"%LINK-3-UPDOWN"'
            \(blocks[2])
            activitylogd 2>daemon.log & PID=$!; wait_listening
            \(blocks[3])
            kill -TERM $PID
            wait $PID
            test "$(zcat archive/*.jsonl.gz | wc -l)" -eq 100006
            mkdir -p site-a site-b && cp -r archive site-a/ && cp -r archive site-b/
            \(archiveExamples.joined(separator: "\n"))
            test "$(activitylog query --since 7d --user root --outcome failure --count)" -gt 0
            """
        let result = try Tool.run(["bash", "-c", script])
        #expect(result.status == 0, "\(result.errors)")
    }

    /// SIGHUP without `-f` (the quick start, a closed terminal, `pkill -HUP`) while records wait to be flushed: the
    /// daemon says there is nothing to reload, keeps running, and loses nothing.
    @Test func sighupWithoutAFileKeepsTheDaemonRunningAndLosesNothing() throws {
        let directory = try makeTemporaryDirectory("activitylog-example")
        let daemon = try DaemonProcess(directory: directory, embeddedDefault: true)
        defer { daemon.removeDirectory() }
        let sent = try Tool.run(["activitylog", "send", "--port", "5514", "--count", "1000"])
        #expect(sent.status == 0, "\(sent.errors)")
        daemon.signal(SIGHUP)
        try daemon.waitForLog("nothing to reload; still running")
        usleep(200_000)
        #expect(daemon.isRunning)
        daemon.signal(SIGHUP)
        #expect(try Tool.run(["activitylog", "send", "--port", "5514", "--count", "500", "--seed", "2"]).status == 0)
        #expect(daemon.stop() == 0)
        #expect(try daemon.records().count == 1500)
        #expect(daemon.log.contains("config.path=\"embedded default (no -f, no /nonexistent/activitylogd.conf)\""))
    }
}
