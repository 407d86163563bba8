import Foundation

/// Runs `work` on the concurrency pool and blocks the calling thread until it returns: the
/// command line's `main` is synchronous, and checks run their processes on their own threads.
public func waitFor<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value {
    let box = ResultBox<Value>(), done = DispatchSemaphore(value: 0)
    Task {
        box.value = await work()
        done.signal()
    }
    done.wait()
    return box.value!
}

/// Carries a value from the task to the blocked thread; the semaphore orders the accesses.
private final class ResultBox<Value>: @unchecked Sendable {
    var value: Value?
}
