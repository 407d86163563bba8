/// Returns the emails of `customers` that also appear in `subscribers`,
/// in the order of `customers`, keeping repeats.
func sharedEmails(customers: [String], subscribers: [String]) -> [String] {
    let lookup = Set(subscribers)          // built once: O(m)
    var shared: [String] = []
    for email in customers {
        if lookup.contains(email) {        // a hash lookup: O(1) on average
            shared.append(email)
        }
    }
    return shared
}
