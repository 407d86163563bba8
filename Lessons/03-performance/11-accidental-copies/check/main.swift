import Foundation

// Hidden harness: checks the groups, then counts the bytes the learner's
// function asks the heap for while grouping 6,000 orders.

@_silgen_name("crucible_alloc_bytes") func allocatedBytes() -> Int

func reference(_ orders: [Order]) -> [String: [Order]] {
    Dictionary(grouping: orders, by: \.customer)
}

let small = [
    Order(id: 1, customer: "ann", cents: 100), Order(id: 2, customer: "bob", cents: 250),
    Order(id: 3, customer: "ann", cents: 75), Order(id: 4, customer: "cy", cents: 10),
    Order(id: 5, customer: "ann", cents: 5),
]
for orders in [[], small] where groupByCustomer(orders) != reference(orders) {
    print("wrong groups for \(orders.count) orders: got \(groupByCustomer(orders)), want \(reference(orders))")
    exit(1)
}

let customers = ["ann", "bob", "cy"]
let orders = (0..<6_000).map { i in Order(id: i, customer: customers[i % 3], cents: i * 7 % 10_000) }
let want = reference(orders)
let before = allocatedBytes()
let got = groupByCustomer(orders)
let bytes = allocatedBytes() - before
guard got == want else {
    print("wrong groups for 6,000 orders")
    exit(1)
}
let payload = orders.count * MemoryLayout<Order>.stride
print("groups: answers ok")
print("\(orders.count) orders (\(payload) bytes); allocated while grouping: \(bytes) bytes (\(bytes / payload)x)")
if bytes > 6 * payload {
    print("too many bytes allocated: each group's array is being copied as it grows")
    exit(1)
}
print("copies: ok")
