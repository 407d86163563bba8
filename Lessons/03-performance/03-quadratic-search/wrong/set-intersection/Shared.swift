/// Fast, but a set forgets order and repeats.
func sharedEmails(customers: [String], subscribers: [String]) -> [String] {
    Array(Set(customers).intersection(subscribers))
}
