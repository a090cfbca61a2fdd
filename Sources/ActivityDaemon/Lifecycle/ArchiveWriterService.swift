import ActivityArchive
import ActivityRuntime
import ServiceLifecycle

/// Runs the ``ArchiveWriter`` as a service: started first, stopped last, so on shutdown it writes everything the
/// listeners handed over before they closed.
///
/// `started` is finished once the writer has recovered the archives and started: retention waits for it, so the
/// first sweep never deletes a file that recovery is working on.
struct ArchiveWriterService: Service {
    let writer: ArchiveWriter
    /// Finished once the writer has started (retention and readiness wait on them).
    let started: [AsyncStream<Void>.Continuation]

    func run() async throws {
        defer { for continuation in self.started { continuation.finish() } }
        try self.writer.start()
        for continuation in self.started { continuation.finish() }
        try? await gracefulShutdown()
        // The writer's shutdown blocks until every member is written; keep it off the cooperative pool.
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            startDetachedThread(name: "writer-shutdown") {
                self.writer.shutdown()
                continuation.resume()
            }
        }
    }
}
