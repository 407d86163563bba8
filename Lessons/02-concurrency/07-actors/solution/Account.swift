/// A bank account that many tasks use at once. The actor runs one method
/// at a time, so no lock is needed and none can be forgotten.
actor Account {
    private var balance: Int
    private var entries: [Int] = []

    init(balance: Int) {
        self.balance = balance
    }

    func deposit(_ amount: Int) {
        balance += amount
        entries.append(amount)
    }

    /// Takes `amount` out if the balance covers it; returns whether it did.
    func withdraw(_ amount: Int) -> Bool {
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
        entries
    }
}
