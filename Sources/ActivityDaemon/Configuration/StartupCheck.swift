import ActivityArchive
import ActivityIngest
import ActivityModel

#if canImport(Glibc)
import Glibc
#endif

/// What `activitylogd -t` checks beyond the file's syntax, so that a check that passes is a start that works: an
/// `archive-dir` others can write to, a `user` or `group` that does not exist, listeners whose addresses overlap, and
/// (unless told not to) a bind of every listener, held all at once.
public enum StartupCheck {
    /// Runs every check.
    ///
    /// - Throws: ``ConfigError`` or ``ListenerBindError``, each naming the file and line.
    public static func run(_ configuration: DaemonConfiguration, bindListeners: Bool) throws {
        try Self.checkArchiveDirectory(configuration)
        _ = try Self.compressionEngine(configuration)
        try Self.checkIdentity(configuration)
        try Self.checkOverlaps(configuration)
        try Self.checkMetricsEndpoint(configuration, bind: bindListeners)
        guard bindListeners else { return }
        do {
            try ListenerBindTest.run(configuration.listeners)
        } catch {
            throw configuration.origin.locate(error)
        }
    }

    /// `metrics-listen` must not take a `tcp` or `tls` listener's port, and (with `bind`) must be bindable.
    static func checkMetricsEndpoint(_ configuration: DaemonConfiguration, bind: Bool) throws {
        guard let endpoint = configuration.metricsEndpoint else { return }
        let origin = configuration.origin
        if let listener = configuration.listeners.first(where: { ListenerAddress.overlap($0, endpoint.asListener) }) {
            let line = origin.listenerLines[listener].map { "line \($0)" } ?? "a listen line"
            throw origin.error(
                "metrics-listen",
                value: "\(endpoint)",
                expected: "an address and port no listener covers (\(line) has 'listen \(listener)')"
            )
        }
        guard bind else { return }
        do {
            try ListenerBindTest.run([endpoint.asListener])
        } catch let error as ListenerBindError {
            throw origin.error(
                "metrics-listen",
                value: "\(endpoint)",
                expected: "an address this host can bind: \(error.reason)"
            )
        }
    }

    /// A directory that exists must be one the daemon would accept; one that does not exist is created at start.
    static func checkArchiveDirectory(_ configuration: DaemonConfiguration) throws {
        let path = configuration.archive.directory
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        do {
            _ = try ArchiveDirectory(path: path)
        } catch let error as UnsafeArchiveDirectory {
            throw configuration.origin.error(
                "archive-dir",
                value: path,
                expected: "a directory others cannot write to; it \(error.problem); \(error.fix)"
            )
        } catch {
            throw configuration.origin.error("archive-dir", value: path, expected: "a usable directory (\(error))")
        }
    }

    /// The engine that will compress: libdeflate when its library loads; zlib when it does not and the file did not
    /// ask for libdeflate by name.
    ///
    /// - Throws: ``ConfigError`` at the `compression-engine` line when it names libdeflate and libdeflate cannot be
    ///   loaded.
    public static func compressionEngine(_ configuration: DaemonConfiguration) throws -> CompressionEngine {
        let engine = configuration.archive.compressionEngine
        guard engine == .libdeflate, let reason = Libdeflate.loadError else { return engine }
        guard configuration.origin.keywordLines["compression-engine"] == nil else {
            throw configuration.origin.error(
                "compression-engine",
                value: engine.rawValue,
                expected: "an engine this machine has: zlib, or libdeflate once its library (Debian package"
                    + " libdeflate0) is installed (\(reason))"
            )
        }
        return .zlib
    }

    /// `user` and `group` must name existing accounts: start switches to them after binding.
    static func checkIdentity(_ configuration: DaemonConfiguration) throws {
        do {
            _ = try PrivilegeDrop.resolve(user: configuration.user, group: nil)
        } catch {
            throw configuration.origin.error(
                "user",
                value: configuration.user ?? "",
                expected: "an existing user name or a numeric uid (no such user in the password database)"
            )
        }
        do {
            _ = try PrivilegeDrop.resolve(user: nil, group: configuration.group)
        } catch {
            throw configuration.origin.error(
                "group",
                value: configuration.group ?? "",
                expected: "an existing group name or a numeric gid (no such group in the group database)"
            )
        }
    }

    /// Two listeners of one socket type (UDP, or TCP for `tcp` and `tls`) on one port whose addresses overlap cannot
    /// both be bound: `0.0.0.0` takes every IPv4 address, `[::]` every IPv6 and IPv4 address.
    ///
    /// `reuse-port` does not make them fit: the kernel would spread one port's senders over two listeners of one
    /// daemon at random, each with its own `allow` and `proxy-protocol` settings. It is for sharing a port with
    /// other processes, each of which checks only its own file.
    static func checkOverlaps(_ configuration: DaemonConfiguration) throws {
        let listeners = configuration.listeners
        for (index, later) in listeners.enumerated() {
            for earlier in listeners[..<index] where ListenerAddress.overlap(earlier, later) {
                let line = configuration.origin.listenerLines[earlier].map { "line \($0)" } ?? "another line"
                throw ConfigError(
                    file: configuration.origin.file,
                    line: configuration.origin.listenerLines[later] ?? 0,
                    keyword: "listen",
                    value: "\(later)",
                    expected: "an address and port no other listener covers: \(line) has 'listen \(earlier)', which"
                        + " overlaps it (0.0.0.0 takes every IPv4 address, [::] every IPv6 and IPv4 address);"
                        + " keep one of the two (reuse-port shares a port with other processes, not between the"
                        + " listeners of one file)"
                )
            }
        }
    }
}

/// A listener's address in binary form, to tell whether two listeners would take the same datagrams or connections.
enum ListenerAddress {
    /// Whether `first` and `second` would conflict when both are bound.
    static func overlap(_ first: ListenerConfiguration, _ second: ListenerConfiguration) -> Bool {
        guard first.port == second.port, first.port != 0, (first.transport == .udp) == (second.transport == .udp),
            let a = Self.parse(first.host), let b = Self.parse(second.host)
        else { return false }
        if a == b { return true }
        let (aWildcard, bWildcard) = (a.allSatisfy { $0 == 0 }, b.allSatisfy { $0 == 0 })
        switch (a.count, b.count) {
        case (4, 4), (16, 16): return aWildcard || bWildcard
        // `[::]` is dual stack: it takes IPv4 too.
        case (16, 4): return aWildcard
        case (4, 16): return bWildcard
        default: return false
        }
    }

    /// The 4 or 16 bytes of an IP address literal.
    private static func parse(_ host: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return withUnsafeBytes(of: v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 { return withUnsafeBytes(of: v6) { Array($0) } }
        return nil
    }
}
