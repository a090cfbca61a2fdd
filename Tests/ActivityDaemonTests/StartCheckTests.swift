import Foundation
import Testing
import ToolRunning

#if canImport(Glibc)
import Glibc
#endif

/// `activitylogd -t` refuses what a start would refuse, naming the file and line, the reason and the fix.
struct StartCheckTests {
    /// Writes `config` (DIR: the fresh directory it is in) to a file and runs `activitylogd -t` on it, with `extra`
    /// arguments before `-f`.
    private func check(_ config: String, _ extra: [String] = []) throws -> (status: Int32, errors: String, file: String)
    {
        try self.run(config, ["activitylogd", "-t"] + extra)
    }

    /// Writes `config` to a file in a fresh directory and runs `command -f FILE`.
    private func run(_ config: String, _ command: [String]) throws -> (status: Int32, errors: String, file: String) {
        let directory = try makeTemporaryDirectory("activitylogd-t")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = "\(directory)/a.conf"
        try config.replacingOccurrences(of: "DIR", with: directory).write(
            toFile: file,
            atomically: true,
            encoding: .utf8
        )
        let result = try Tool.run(command + ["-f", file])
        return (result.status, result.errors, file)
    }

    @Test func aWorldWritableArchiveDirectoryFailsTheCheck() throws {
        let world = try makeTemporaryDirectory("world-writable")
        defer { try? FileManager.default.removeItem(atPath: world) }
        #expect(chmod(world, 0o1777) == 0)
        let (status, errors, file) = try self.check("listen udp 127.0.0.1:0\n\narchive-dir \(world)\n")
        #expect(status == 78)
        #expect(errors.contains("\(file):3: archive-dir '\(world)'"), "\(errors)")
        #expect(errors.contains("mode 01777") && errors.contains("chmod o-w \(world)"), "\(errors)")
    }

    @Test func anUnknownUserOrGroupFailsTheCheck() throws {
        let user = try self.check("listen udp 127.0.0.1:0\nuser nosuchuser-activitylog\n")
        #expect(user.status == 78)
        #expect(user.errors.contains("\(user.file):2: user 'nosuchuser-activitylog'"), "\(user.errors)")
        let group = try self.check("listen udp 127.0.0.1:0\n#\ngroup nosuchgroup-activitylog\n")
        #expect(group.status == 78)
        #expect(group.errors.contains("\(group.file):3: group 'nosuchgroup-activitylog'"), "\(group.errors)")
    }

    @Test(arguments: [
        ("listen tcp 0.0.0.0:PORT\nlisten tcp 127.0.0.1:PORT\n", 2, "tcp 127.0.0.1"),
        ("listen udp 0.0.0.0:PORT\nlisten udp [::]:PORT\n", 2, "udp [::]"),
        ("listen udp [::]:PORT\n# IPv4 too\nlisten udp 127.0.0.1:PORT\n", 3, "udp 127.0.0.1"),
        ("listen tcp [::1]:PORT\nlisten tcp [::]:PORT\n", 2, "tcp [::]"),
        // reuse-port shares a port with other processes, not between the listeners of one file.
        ("listen udp 0.0.0.0:PORT reuse-port\nlisten udp 127.0.0.1:PORT reuse-port\n", 2, "udp 127.0.0.1"),
    ])
    func overlappingListenersFailTheCheckWithTheirLines(config: String, line: Int, listener: String) throws {
        let port = try freePort()
        let (status, errors, file) = try self.check(
            config.replacingOccurrences(of: "PORT", with: String(port)),
            ["--no-bind"]
        )
        #expect(status == 78)
        #expect(errors.contains("\(file):\(line): listen '\(listener)"), "\(errors)")
        #expect(errors.contains("overlaps it"), "\(errors)")
    }

    @Test func listenersOnOnePortOfTwoTransportsOrTwoAddressesPass() throws {
        let port = try freePort()
        let (status, errors, _) = try self.check(
            "listen udp 0.0.0.0:\(port)\nlisten tcp 0.0.0.0:\(port)\nlisten udp 127.0.0.2:\(port + 1)\n"
                + "listen udp 127.0.0.3:\(port + 1)\n"
        )
        #expect(status == 0, "\(errors)")
    }

    @Test func metricsOnAListenersPortOrOnAPortHeldByAnotherProgramFailTheCheckAtItsLine() throws {
        let port = try freePort()
        let (status, errors, file) = try self.check(
            "listen tcp 0.0.0.0:\(port)\nmetrics-listen 127.0.0.1:\(port)\n",
            ["--no-bind"]
        )
        #expect(status == 78)
        #expect(errors.contains("\(file):2: metrics-listen '127.0.0.1:\(port)'"), "\(errors)")
        #expect(errors.contains("line 1 has 'listen tcp 0.0.0.0:\(port)'"), "\(errors)")
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        let held = try bindToEphemeralPort(holder)
        #expect(listen(holder, 1) == 0)
        let bound = try self.check("listen udp 127.0.0.1:0\nmetrics-listen 127.0.0.1:\(held)\n")
        #expect(bound.status == 78)
        #expect(bound.errors.contains("\(bound.file):2: metrics-listen '127.0.0.1:\(held)'"), "\(bound.errors)")
        #expect(bound.errors.contains("Address already in use"), "\(bound.errors)")
    }

    @Test func aPortHeldByAnotherProgramFailsTheCheckUnlessToldNotToBind() throws {
        let holder = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(holder) }
        let port = try bindToEphemeralPort(holder)
        let (status, errors, file) = try self.check("# syslog\nlisten udp 127.0.0.1:\(port)\n")
        #expect(status == 78)
        #expect(
            errors.contains("\(file):2: cannot bind listen udp 127.0.0.1:\(port): Address already in use"),
            "\(errors)"
        )
        #expect(errors.contains("-t --no-bind"))
        #expect(try self.check("listen udp 127.0.0.1:\(port)\n", ["--no-bind"]).status == 0)
    }

    @Test(.enabled(if: geteuid() == 0, "needs root to run the check as another user"))
    func aPrivilegedPortWithoutPrivilegeSaysWhatItNeeds() throws {
        let binary = Tool.productsDirectory.appendingPathComponent("activitylogd").path
        let (status, errors, file) = try self.run(
            "listen tcp 127.0.0.1:514\narchive-dir DIR/archive\n",
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", binary, "-t"]
        )
        #expect(status == 78)
        #expect(errors.contains("\(file):1: cannot bind listen tcp 127.0.0.1:514: Permission denied"), "\(errors)")
        #expect(errors.contains("root or CAP_NET_BIND_SERVICE"))
    }

    /// A start that cannot bind says which listener, on which line, instead of NIO's bare errno text.
    @Test func aStartThatCannotBindNamesTheListenerAndItsLine() throws {
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        let port = try bindToEphemeralPort(holder)
        #expect(listen(holder, 1) == 0)
        let (status, errors, file) = try self.runDaemon("listen udp 127.0.0.1:0\nlisten tcp 127.0.0.1:\(port)\n")
        #expect(status == 1)
        #expect(
            errors.contains("\(file):2: cannot bind listen tcp 127.0.0.1:\(port): Address already in use"),
            "\(errors)"
        )
    }

    /// A second process binding the UDP address of a running daemon fails; the daemon keeps receiving.
    @Test func aSecondProcessCannotTakeTheUDPPort() throws {
        let daemon = try DaemonProcess(listeners: ["udp 127.0.0.1:0"], extra: "flush-interval 50ms")
        defer { daemon.removeDirectory() }
        let port = daemon.port("udp")
        let (status, errors, _) = try self.runDaemon("listen udp 127.0.0.1:\(port)\n")
        #expect(status == 1)
        #expect(errors.contains("cannot bind listen udp 127.0.0.1:\(port): Address already in use"), "\(errors)")
        let intruder = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(intruder) }
        var one: Int32 = 1
        setsockopt(intruder, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(intruder, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        #expect(bound != 0, "even with SO_REUSEADDR, a second socket cannot bind the daemon's UDP address")
        try sendDatagram("<13>1 - - - - - - still ours", from: "127.0.0.1", port: port)
        usleep(300_000)
        #expect(daemon.stop() == 0)
        #expect(try daemon.records().compactMap { $0["msg"] as? String } == ["still ours"])
    }

    /// Runs `activitylogd -f` on `config` until it exits (it is expected to fail at start).
    private func runDaemon(_ config: String) throws -> (status: Int32, errors: String, file: String) {
        try self.run(config + "archive-dir DIR/archive\n", ["timeout", "10", "activitylogd"])
    }
}
