// Hidden harness: Account must be an actor, and must keep its books straight
// while many tasks deposit, withdraw and read at once.
// On a failure this prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when the final success line is printed.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

func requireActor<T: Actor>(_ type: T.Type) {}
requireActor(Account.self)  // the check: Account must be an actor

let account = Account(balance: 500)
let results = await withTaskGroup(of: (withdrew: Bool, sawNegative: Bool).self) { group in
    for i in 0..<300 {
        group.addTask {
            switch i % 3 {
            case 0:
                await account.deposit(5)
                return (false, false)
            case 1:
                return (await account.withdraw(10), false)
            default:
                return (false, await account.currentBalance < 0)
            }
        }
    }
    var all: [(withdrew: Bool, sawNegative: Bool)] = []
    for await result in group { all.append(result) }
    return all
}

let withdrawals = results.filter(\.withdrew).count
let final = await account.currentBalance
let history = await account.history
var failures: [String] = []
if results.contains(where: \.sawNegative) { failures.append("a reader saw a negative balance") }
if final != 1000 - 10 * withdrawals { failures.append("balance \(final) does not match \(withdrawals) withdrawals") }
if history.count != 100 + withdrawals { failures.append("history has \(history.count) entries, expected \(100 + withdrawals)") }
if 500 + history.reduce(0, +) != final { failures.append("history does not add up to the balance") }
print("withdrawals = \(withdrawals), balance = \(final)")
if failures.isEmpty {
    print("books balanced")
} else {
    failures.forEach { print("FAIL: \($0)") }
    exit(0)
}
