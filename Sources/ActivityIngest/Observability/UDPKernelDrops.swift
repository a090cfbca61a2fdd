import FoundationEssentials

/// Datagrams the kernel dropped on our UDP sockets because their receive buffers were full, read from the `drops`
/// column of `/proc/net/udp` and `/proc/net/udp6` (Linux).
///
/// These losses happen before the daemon sees a byte, so the only way to make them visible is to ask the kernel.
public enum UDPKernelDrops {
    /// The sum of `drops` over the sockets bound to any of `ports`; 0 where `/proc` is unavailable.
    public static func count(ports: Set<Int>) -> Int {
        guard !ports.isEmpty else { return 0 }
        var total = 0
        for table in ["/proc/net/udp", "/proc/net/udp6"] {
            guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
            total += Self.count(inTable: text, ports: ports)
        }
        return total
    }

    /// The sum of `drops` in one `/proc/net/udp`-format table for sockets bound to any of `ports`.
    static func count(inTable text: String, ports: Set<Int>) -> Int {
        var total = 0
        for line in text.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            guard columns.count >= 13, let colon = columns[1].lastIndex(of: ":"),
                let port = Int(columns[1][columns[1].index(after: colon)...], radix: 16), ports.contains(port),
                let drops = Int(columns[12])
            else { continue }
            total += drops
        }
        return total
    }
}
