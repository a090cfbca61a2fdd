import CLinuxShims

#if canImport(Glibc)
import Glibc
#endif

/// Starts `body` on a new detached POSIX thread called `name` (at most 15 bytes are shown by `ps` and `top`).
///
/// For the blocking work that must stay off the event loops and Swift's cooperative pool: the archive writer, the
/// compressing threads, and waiting for the writer at shutdown.
public func startDetachedThread(name: String, _ body: @escaping @Sendable () -> Void) {
    final class Start {
        let name: String
        let body: @Sendable () -> Void
        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = name
            self.body = body
        }
    }
    let start = Unmanaged.passRetained(Start(name: name, body: body)).toOpaque()
    var thread = pthread_t()
    let created = pthread_create(
        &thread,
        nil,
        { argument in
            let start = Unmanaged<Start>.fromOpaque(argument!).takeRetainedValue()
            _ = clinux_set_current_thread_name(start.name)
            start.body()
            return nil
        },
        start
    )
    precondition(created == 0, "cannot start thread \(name): error \(created)")
    pthread_detach(thread)
}

/// Processors this process may run on: the number of compressing threads.
public func availableProcessorCount() -> Int {
    let affinity = Int(clinux_available_cpu_count())
    return affinity > 0 ? affinity : max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
}
