import ActivityArchive
import ServiceLifecycle

/// Runs the ``ArchiveWriter`` as a service: started first, stopped last, so on shutdown it writes everything the
/// listeners handed over before they closed.
struct ArchiveWriterService: Service {
    let writer: ArchiveWriter

    func run() async throws {
        try self.writer.start()
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
