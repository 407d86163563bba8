/// Groups orders by customer, keeping each customer's orders in the order
/// they arrive.
func groupByCustomer(_ orders: [Order]) -> [String: [Order]] {
    var groups: [String: [Order]] = [:]
    for order in orders {
        groups[order.customer, default: []].append(order)   // mutates in place
    }
    return groups
}
