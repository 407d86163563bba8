/// Returns the emails of `customers` that also appear in `subscribers`,
/// in the order of `customers`, keeping repeats.
func sharedEmails(customers: [String], subscribers: [String]) -> [String] {
    var shared: [String] = []
    for email in customers {
        if subscribers.contains(email) {   // walks the whole array every time
            shared.append(email)
        }
    }
    return shared
}
