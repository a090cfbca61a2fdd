import ActivityArchive
import ActivityIngest
import Logging
import NIOCore
import ServiceLifecycle

/// Runs the listeners: binds them, drops privileges, and on shutdown stops accepting and closes every connection
/// (after handing what each has read to the writer).
struct IngestService: Service {
    let server: IngestServer
    let configuration: DaemonConfiguration
    let logger: Logger
    /// Called once the listeners are bound, with their addresses (tests learn ephemeral ports from it).
    let onListening: @Sendable ([ListenerConfiguration: SocketAddress]) -> Void
    /// Finishes once the writer has recovered the archives: with the listeners bound, the daemon is ready.
    let writerStarted: AsyncStream<Void>
    let notifier: SystemdNotifier

    func run() async throws {
        // Resolved before binding, so an unknown user fails the start before any port is taken.
        let (uid, gid) = try PrivilegeDrop.resolve(user: self.configuration.user, group: self.configuration.group)
        do {
            try await self.server.apply(self.configuration.listeners, ingest: self.configuration.ingest)
        } catch {
            throw self.configuration.origin.locate(error)
        }
        if uid != nil || gid != nil {
            let archive = self.configuration.archive
            let archives = (try? ArchiveDirectory(path: archive.directory, naming: archive.naming).entries()) ?? []
            // The files, and in the partitioned layout the `date=` directories that hold them.
            let partitions = Set(archives.map { String($0.path[..<($0.path.lastIndex(of: "/") ?? $0.path.endIndex)]) })
                .subtracting([archive.directory])
            let owned = [archive.directory] + partitions.sorted() + archives.map(\.path)
            try PrivilegeDrop.apply(uid: uid, gid: gid, owning: owned)
            self.logger.notice(
                "dropped privileges",
                metadata: ["user": "\(self.configuration.user ?? "-")", "group": "\(self.configuration.group ?? "-")"]
            )
        }
        self.onListening(await self.server.boundAddresses)
        for await _ in self.writerStarted.cancelOnGracefulShutdown() {}
        self.notifier.ready(status: "listening on \(self.configuration.listeners.count) listeners")
        try? await gracefulShutdown()
        self.notifier.stopping()
        await self.server.stop()
    }
}
