import ActivityRuntime

/// Runs a job for each of `count` items on several threads and hands the results over in item order, so members
/// inflate on every core and still come out in archive order. Threads run at most `window` items ahead of the
/// consumer, which bounds the memory held by results waiting their turn.
final class OrderedParallelWork<Context: AnyObject, Result>: @unchecked Sendable {
    // Every field below is guarded by `lock`.
    private let lock = ConditionLock()
    private var next = 0
    private var delivered = 0
    private var results: [Int: Result] = [:]
    private var stopped = false
    private var running = 0
    private let count: Int
    private let window: Int

    /// Starts one thread per context, running `work(context, index)` for every index below `count`.
    init(count: Int, contexts: [Context], work: @escaping @Sendable (Context, Int) -> Result) {
        self.count = count
        self.window = 4 * contexts.count
        guard count > 0 else { return }
        self.running = contexts.count
        for (number, context) in contexts.enumerated() {
            let box = UncheckedBox(context)
            startDetachedThread(name: "query-\(number)") {
                while let index = self.take() { self.put(index, work(box.value, index)) }
                self.finish()
            }
        }
    }

    /// Runs `work` as ``init(count:contexts:work:)`` does and calls `deliver` with each result in index order until
    /// it returns `false`. Returns when every thread has stopped.
    static func run(
        count: Int,
        contexts: [Context],
        work: @escaping @Sendable (Context, Int) -> Result,
        deliver: (Result) throws -> Bool
    ) rethrows {
        let shared = OrderedParallelWork(count: count, contexts: contexts, work: work)
        defer { shared.stop() }
        while let result = shared.nextResult() {
            guard try deliver(result) else { return }
        }
    }

    /// The next result in index order (waiting for it), or `nil` after the last one.
    func nextResult() -> Result? {
        self.lock.lock()
        defer { self.lock.unlock() }
        guard self.delivered < self.count, !self.stopped else { return nil }
        while self.results[self.delivered] == nil { self.lock.wait() }
        self.delivered += 1
        self.lock.broadcast()
        return self.results.removeValue(forKey: self.delivered - 1)!
    }

    /// Stops the threads after the items they are on, and waits for them.
    func stop() {
        self.lock.lock()
        self.stopped = true
        self.lock.broadcast()
        while self.running > 0 { self.lock.wait() }
        self.lock.unlock()
    }

    private func take() -> Int? {
        self.lock.lock()
        defer { self.lock.unlock() }
        while !self.stopped, self.next < self.count, self.next - self.delivered >= self.window { self.lock.wait() }
        guard !self.stopped, self.next < self.count else { return nil }
        self.next += 1
        return self.next - 1
    }

    private func put(_ index: Int, _ result: Result) {
        self.lock.lock()
        self.results[index] = result
        self.lock.broadcast()
        self.lock.unlock()
    }

    private func finish() {
        self.lock.lock()
        self.running -= 1
        self.lock.broadcast()
        self.lock.unlock()
    }
}

/// A value handed to one thread that alone uses it from then on.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
