#if canImport(Glibc)
import Glibc
#endif

/// A mutex with a condition variable, as POSIX threads provide them: what the writer and compressing threads wait
/// on. Timed waits use `CLOCK_MONOTONIC` deadlines, so a wall-clock step cannot stretch or cut a flush interval.
///
/// Waiters re-check their condition in a loop (wake-ups may be spurious), and every state change is announced with
/// ``broadcast()``, because several threads with different conditions wait on one lock.
public final class ConditionLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    /// Creates an unlocked lock.
    public init() {
        self.mutex = .allocate(capacity: 1)
        self.condition = .allocate(capacity: 1)
        pthread_mutex_init(self.mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(self.condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(self.condition)
        pthread_mutex_destroy(self.mutex)
        self.condition.deallocate()
        self.mutex.deallocate()
    }

    public func lock() {
        pthread_mutex_lock(self.mutex)
    }

    public func unlock() {
        pthread_mutex_unlock(self.mutex)
    }

    /// Releases the lock until a broadcast (or a spurious wake-up), then holds it again.
    public func wait() {
        pthread_cond_wait(self.condition, self.mutex)
    }

    /// Like ``wait()``, but returns at the latest at `deadline`, in ``monotonicNanoseconds()``.
    public func wait(untilMonotonic deadline: UInt64) {
        var spec = timespec(
            tv_sec: Int(deadline / 1_000_000_000),
            tv_nsec: Int(deadline % 1_000_000_000)
        )
        pthread_cond_timedwait(self.condition, self.mutex, &spec)
    }

    /// Wakes every waiter.
    public func broadcast() {
        pthread_cond_broadcast(self.condition)
    }
}
