/// Returns 1 + 2 + ... + n, or 0 when n is 0.
func sumTo(_ n: Int) -> Int {
    var total = 0
    for i in 1...max(n, 1) where i <= n {
        total += i
    }
    return total
}
