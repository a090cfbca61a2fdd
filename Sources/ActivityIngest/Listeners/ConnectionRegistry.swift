import ActivityModel
import NIOConcurrencyHelpers
import NIOCore

/// What carries data in (TCP connections, UDP receivers): connections counted for `max-connections`, and all
/// drained and closed together at shutdown.
final class ConnectionRegistry: Sendable {
    private struct Entry {
        var close: @Sendable () async -> Void
        var activity: ChannelActivity
        /// Whether nothing was read for the given nanoseconds, asked where the reading happens: on a connection's
        /// event loop, which reads what the kernel holds before it runs the question, so a loop that a busy machine
        /// kept waiting is not taken for a quiet sender.
        var isQuiet: @Sendable (UInt64) async -> Bool
        /// The listener's transport for a connection; `nil` for a UDP receiver.
        var transport: Transport?
        var source: String?
    }

    private let entries = NIOLockedValueBox<[ObjectIdentifier: Entry]>([:])

    /// Registers a TCP connection if fewer than `limit` are open in all and fewer than `perSourceLimit` from its
    /// address; it is removed again when it closes.
    ///
    /// - Returns: The connection's activity tracker, or `nil` when a limit is reached.
    func admit(_ channel: any Channel, transport: Transport, limit: Int, perSourceLimit: Int) -> ChannelActivity? {
        let activity = ChannelActivity()
        let source = channel.remoteAddress?.ipAddress
        let admitted = self.entries.withLockedValue { entries in
            let connections = entries.values.filter { $0.transport != nil }
            guard connections.count < limit, connections.filter({ $0.source == source }).count < perSourceLimit
            else {
                return false
            }
            entries[ObjectIdentifier(channel)] = Entry(
                close: { try? await channel.close() },
                activity: activity,
                isQuiet: { quiet in
                    (try? await channel.eventLoop.submit { activity.isQuiet(for: quiet) }.get()) ?? true
                },
                transport: transport,
                source: source
            )
            return true
        }
        guard admitted else { return nil }
        channel.closeFuture.whenComplete { _ in
            self.entries.withLockedValue { _ = $0.removeValue(forKey: ObjectIdentifier(channel)) }
        }
        return activity
    }

    /// The open TCP and TLS connections, by transport.
    var openConnections: [Transport: Int] {
        self.entries.withLockedValue { entries in
            entries.values.reduce(into: [:]) { counts, entry in
                if let transport = entry.transport { counts[transport, default: 0] += 1 }
            }
        }
    }

    /// Registers a UDP receiver (which no limit applies to), until ``close(_:)``.
    func register(_ receiver: DatagramReceiver) {
        self.entries.withLockedValue {
            $0[ObjectIdentifier(receiver)] = Entry(
                close: { await receiver.close() },
                activity: receiver.activity,
                isQuiet: { [activity = receiver.activity] quiet in activity.isQuiet(for: quiet) },
                transport: nil,
                source: nil
            )
        }
    }

    /// Closes a UDP receiver and forgets it.
    func close(_ receiver: DatagramReceiver) async {
        await receiver.close()
        self.entries.withLockedValue { _ = $0.removeValue(forKey: ObjectIdentifier(receiver)) }
    }

    /// Drains and closes every registered connection and UDP receiver.
    ///
    /// Waits (at most `timeout`) until each has read nothing for `quietPeriod` and holds nothing, so that
    /// data senders already had acknowledged by the kernel is read and handed over; then closes them, and waits for
    /// records still held by closed connections to be taken by the writer.
    func drainAndCloseAll(quietPeriod: Duration, timeout: Duration) async {
        let quiet =
            UInt64(quietPeriod.components.seconds) * 1_000_000_000
            + UInt64(quietPeriod.components.attoseconds / 1_000_000_000)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            var busy = false
            for isQuiet in self.entries.withLockedValue({ $0.values.map(\.isQuiet) }) where !(await isQuiet(quiet)) {
                busy = true
                break
            }
            if !busy { break }
            try? await Task.sleep(for: .milliseconds(20))
        }
        let open = self.entries.withLockedValue { $0.values.map { ($0.close, $0.activity) } }
        // All at once: a TLS connection's close waits for the peer's close_notify (up to a second), and many idle
        // senders closed one after another would hold the shutdown for minutes.
        await withTaskGroup(of: Void.self) { group in
            for (close, _) in open { group.addTask { await close() } }
        }
        // Connections leave when their channel closes; receivers are forgotten here.
        self.entries.withLockedValue { $0 = $0.filter { $0.value.transport != nil } }
        while clock.now < deadline, open.contains(where: { $0.1.isHolding }) {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
