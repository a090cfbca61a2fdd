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

    private init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// Runs `work(context, index)` for every index below `count`, one thread per context, and calls `deliver` with
    /// each result in index order until it returns `false`. Returns when every thread has stopped.
    static func run(
        count: Int,
        contexts: [Context],
        work: @escaping @Sendable (Context, Int) -> Result,
        deliver: (Result) throws -> Bool
    ) rethrows {
        guard count > 0 else { return }
        let shared = OrderedParallelWork(count: count, window: 4 * contexts.count)
        defer { shared.stopAndWait() }
        shared.running = contexts.count
        for (number, context) in contexts.enumerated() {
            let box = UncheckedBox(context)
            startDetachedThread(name: "query-\(number)") {
                while let index = shared.take() { shared.put(index, work(box.value, index)) }
                shared.finish()
            }
        }
        for index in 0..<count {
            guard try deliver(shared.result(index)) else { return }
        }
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

    private func result(_ index: Int) -> Result {
        self.lock.lock()
        defer { self.lock.unlock() }
        while self.results[index] == nil { self.lock.wait() }
        self.delivered = index + 1
        self.lock.broadcast()
        return self.results.removeValue(forKey: index)!
    }

    private func finish() {
        self.lock.lock()
        self.running -= 1
        self.lock.broadcast()
        self.lock.unlock()
    }

    private func stopAndWait() {
        self.lock.lock()
        self.stopped = true
        self.lock.broadcast()
        while self.running > 0 { self.lock.wait() }
        self.lock.unlock()
    }
}

/// A value handed to one thread that alone uses it from then on.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
