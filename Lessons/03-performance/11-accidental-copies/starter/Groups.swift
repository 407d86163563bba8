/// Groups orders by customer, keeping each customer's orders in the order
/// they arrive.
func groupByCustomer(_ orders: [Order]) -> [String: [Order]] {
    var groups: [String: [Order]] = [:]
    for order in orders {
        var list = groups[order.customer] ?? []   // a second reference to the same array
        list.append(order)                        // shared, so append copies it first
        groups[order.customer] = list
    }
    return groups
}
