import Foundation

/// Polls `condition` every `interval` until it holds or `timeout` passes; returns whether it held.
/// Tests wait for a condition this way instead of sleeping a fixed time.
public func poll(
    timeout: Duration = .seconds(10), interval: Duration = .milliseconds(20),
    until condition: () throws -> Bool
) rethrows -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while true {
        if try condition() { return true }
        if clock.now >= deadline { return false }
        Thread.sleep(forTimeInterval: Double(interval.components.attoseconds) / 1e18 + Double(interval.components.seconds))
    }
}

/// The same for async tests: waits with `Task.sleep`, so the thread serves other tests meanwhile.
public func poll(
    timeout: Duration = .seconds(10), interval: Duration = .milliseconds(20),
    until condition: () throws -> Bool
) async rethrows -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while true {
        if try condition() { return true }
        if clock.now >= deadline { return false }
        try? await Task.sleep(for: interval)
    }
}
