// Hidden harness: calls the learner's function and checks the sum.
// On a failure this prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when the final success line is printed.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

// Few, long games: each child task runs long enough that both pool threads work.
let games = (0..<64).map { g in (0..<20_000).map { round in g + round % 7 } }
let expected = games.reduce(0) { $0 + score($1) }
let total = await totalScore(games)
print("total = \(total)")
if total != expected {
    print("FAIL: expected \(expected)")
    exit(0)
}
print(await totalScore([]) == 0 ? "empty = 0" : "FAIL: no games must score 0")
