import Foundation

/// A bank account that many tasks use at once. Every method must take the
/// lock first. One of them forgets, and the compiler cannot tell you which.
final class Account: @unchecked Sendable {
    private let lock = NSLock()
    private var balance: Int
    private var entries: [Int] = []

    init(balance: Int) {
        self.balance = balance
    }

    func deposit(_ amount: Int) {
        lock.lock()
        defer { lock.unlock() }
        balance += amount
        entries.append(amount)
    }

    /// Takes `amount` out if the balance covers it; returns whether it did.
    func withdraw(_ amount: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard balance >= amount else { return false }
        balance -= amount
        entries.append(-amount)
        return true
    }

    var currentBalance: Int {
        balance
    }

    /// Every deposit (positive) and withdrawal (negative), in order.
    var history: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }
}
